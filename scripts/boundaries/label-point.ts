/**
 * Where a polygon's name goes: the point inside it farthest from its outline (near the pole of
 * inaccessibility), found by a coarse grid over the polygon's largest part and a finer grid
 * around the best cell. A centroid can fall outside a curved province (Gansu); this point is
 * inside, in the widest part. Distances in degrees with longitude scaled by cos φ. Pure.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { round } from './finish.ts';
import { inRing, type Ring, signedArea2 } from './rings.ts';

/** Even–odd over all rings: inside the outer ring and outside every hole. */
const inside = (x: number, y: number, rings: readonly Ring[]): boolean =>
  rings.filter((r) => inRing([x, y], r)).length % 2 === 1;

/** Distance from (x, y) to the nearest edge of the rings, with x already scaled by kx. */
function edgeDistance(x: number, y: number, rings: readonly Ring[], kx: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1]?.[0] ?? 0) * kx;
      const ay = ring[i - 1]?.[1] ?? 0;
      const dx = (ring[i]?.[0] ?? 0) * kx - ax;
      const dy = (ring[i]?.[1] ?? 0) - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      const ex = ax + t * dx - x;
      const ey = ay + t * dy - y;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return Math.sqrt(best);
}

const ringArea = (ring: Ring): number => Math.abs(signedArea2(ring)) / 2;

/**
 * The label point of a polygon (of a multipolygon, its largest part), rounded as every output.
 * `steps` is the grid's size on each side (both passes).
 */
export function labelPoint(g: Polygon | MultiPolygon, steps = 40): Position {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let rings = parts[0] ?? [];
  for (const p of parts) if (ringArea(p[0] ?? []) > ringArea(rings[0] ?? [])) rings = p;
  const outer = rings[0] ?? [];
  const xs = outer.map((p) => p[0] as number);
  const ys = outer.map((p) => p[1] as number);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  let best: Position = outer[0] ?? [0, 0];
  let bestD = -1;
  for (let pass = 0; pass < 2; pass++) {
    const sx = (x1 - x0) / steps;
    const sy = (y1 - y0) / steps;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const x = x0 + i * sx;
        const y = y0 + j * sy;
        if (!inside(x, y, rings)) continue;
        const d = edgeDistance(x * kx, y, rings, kx);
        if (d > bestD) {
          bestD = d;
          best = [x, y];
        }
      }
    }
    // The finer pass: the cells around the best point.
    const [bx, by] = best as [number, number];
    [x0, x1, y0, y1] = [bx - sx, bx + sx, by - sy, by + sy];
  }
  return [round(best[0] as number), round(best[1] as number)];
}
