/**
 * A Flatbush index of line segments stored flat as [ax, ay, bx, by, ...]: one box per segment.
 * Used by the distance-to-edge queries and the self-intersection check.
 */
import Flatbush from 'flatbush';

export function segmentIndex(segs: ArrayLike<number>, n: number): Flatbush {
  const tree = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    tree.add(
      Math.min(segs[o]!, segs[o + 2]!),
      Math.min(segs[o + 1]!, segs[o + 3]!),
      Math.max(segs[o]!, segs[o + 2]!),
      Math.max(segs[o + 1]!, segs[o + 3]!),
    );
  }
  tree.finish();
  return tree;
}
