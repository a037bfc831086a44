/**
 * A Flatbush index of line segments stored flat as [ax, ay, bx, by, ...]: one box per segment.
 * Used by the distance-to-edge queries (edge-index.ts, which widens each box in latitude by
 * `padLat` degrees because a geodesic edge bulges poleward of its endpoints) and the
 * self-intersection check.
 */
import Flatbush from 'flatbush';

export function segmentIndex(
  segs: ArrayLike<number>,
  n: number,
  padLat?: ArrayLike<number>,
): Flatbush {
  const tree = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const pad = padLat ? padLat[i]! : 0;
    tree.add(
      Math.min(segs[o]!, segs[o + 2]!),
      Math.min(segs[o + 1]!, segs[o + 3]!) - pad,
      Math.max(segs[o]!, segs[o + 2]!),
      Math.max(segs[o + 1]!, segs[o + 3]!) + pad,
    );
  }
  tree.finish();
  return tree;
}
