/**
 * world-atlas stitches polygons across the antimeridian (Russia's Chukotka, Fiji): a ring then
 * jumps from lon 180 to -180 and, read on the plane, crosses the whole map, so clipping it gives
 * nonsense (1:110m Eurasia lost Siberia). Pure: rings in, rings out.
 */
import type { Multi, Ring } from './rings.ts';

/**
 * The ring with continuous longitudes: where two neighbours are more than 180° apart, the rest
 * is shifted by 360° the other way; then the whole ring by whole turns so that its westernmost
 * point lies in -180..180 (so the rings of one polygon stay in the same turn).
 */
export function unwrapRing(ring: Ring): Ring {
  let offset = 0;
  let prev: number | null = null;
  const out: Ring = ring.map(([x = 0, y = 0]) => {
    if (prev !== null) {
      const d = x + offset - prev;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    prev = x + offset;
    return [x + offset, y];
  });
  const minX = Math.min(...out.map((p) => p[0] as number));
  const turn = Math.floor((minX + 180) / 360) * 360;
  return turn === 0 ? out : out.map(([x = 0, y = 0]) => [x - turn, y]);
}

/**
 * Every polygon unwrapped and, when one reaches past lon 180, a copy of them one turn west: clipped
 * to -180..180, the first gives the part west of the antimeridian, the copy the part east of it.
 */
export function unwrapWithCopies(multi: Multi): Multi {
  const unwrapped = multi.map((poly) => poly.map(unwrapRing));
  const crosses = unwrapped.some((poly) => poly.some((r) => r.some(([x = 0]) => x > 180)));
  if (!crosses) return unwrapped;
  const shift = (m: Multi, dx: number): Multi =>
    m.map((poly) => poly.map((r) => r.map(([x = 0, y = 0]) => [x + dx, y])));
  return [...unwrapped, ...shift(unwrapped, -360)];
}
