/**
 * The last steps of every output geometry: simplify, round to the output precision, clean,
 * orient, repair self-intersections, drop slivers; and the final validity check.
 */
import { geometryArea } from '../../src/core/analytics/area.ts';
import { findSelfIntersection, repairPolygonal } from '../../src/core/analytics/validate.ts';
import { DECIMALS } from './config.ts';
import { cleanRing, keyOf, type Multi, orient, type Ring, uniqueCount } from './rings.ts';

/** Round to `decimals` places (default 5, about 1 m); -0 becomes 0. */
export function round(v: number, decimals: number = DECIMALS): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f + 0; // + 0 turns -0 into 0
}

/** Round every position of a ring, then clean it (repeats and spikes the rounding makes). */
export const roundRing = (ring: Ring): Ring =>
  cleanRing(ring.map((p) => [round(p[0]!), round(p[1]!)]));

export interface FinishOptions {
  where: string;
  /** Keep a ring that simplification collapses, unsimplified (places); else drop it (basemap). */
  keepCollapsed: boolean;
  /** Drop polygons smaller than this (m²): slivers that the 1/1024° grid pinches off. */
  minPartM2?: number;
  warnings: string[];
  /** Routine fixes (repairs of the quantised sources, slivers): counted, listed with --verbose. */
  notes: string[];
}

/** A ring that collapses is kept unsimplified only if its area is at least this (m²). */
const KEEP_COLLAPSED_MIN_M2 = 50_000;

/**
 * Simplify each ring, round, clean, orient. A ring that collapses is dropped (basemap layers) or
 * kept unsimplified (places, unless it is under 0.05 km²); when an outer ring is dropped its
 * holes go with it. When the result is not valid (the quantised sources self-touch in places),
 * it is repaired by a self-union (polyclip-ts).
 */
export function finish(multi: Multi, simplify: (ring: Ring) => Ring, o: FinishOptions): Multi {
  const out: Multi = [];
  for (const poly of multi) {
    const rings: Ring[] = [];
    for (let r = 0; r < poly.length; r++) {
      const original = poly[r]!;
      let ring = roundRing(simplify(original));
      if (uniqueCount(ring) < 3) {
        const area = geometryArea({ type: 'Polygon', coordinates: [original] });
        if (!o.keepCollapsed || area < KEEP_COLLAPSED_MIN_M2) {
          if (r === 0) break;
          continue;
        }
        o.warnings.push(`${o.where}: kept ring ${r} unsimplified (it collapsed)`);
        ring = roundRing(original);
      }
      rings.push(ring);
    }
    if (rings.length > 0) out.push(rings);
  }
  let result = orient(out);
  const x = findSelfIntersection(result);
  if (x) {
    o.notes.push(`${o.where}: repaired a self-intersection near ${x[0]}, ${x[1]}`);
    result = orient(
      repairPolygonal(result)
        .map((poly) => poly.map(roundRing).filter((r) => uniqueCount(r) >= 3))
        .filter((poly) => poly.length > 0),
    );
  }
  if (o.minPartM2) {
    const min = o.minPartM2;
    const kept = result.filter(
      (poly) => geometryArea({ type: 'Polygon', coordinates: poly }) >= min,
    );
    if (kept.length < result.length) {
      o.notes.push(`${o.where}: dropped ${result.length - kept.length} sliver(s) < ${min} m²`);
    }
    result = kept;
  }
  return result;
}

/** Problems of a finished geometry: empty, short or unclosed rings, self-intersections. */
export function checkGeometry(multi: Multi, where: string, problems: string[]): void {
  if (multi.length === 0) problems.push(`${where}: empty geometry`);
  for (const poly of multi) {
    for (const ring of poly) {
      if (ring.length < 4) problems.push(`${where}: a ring has ${ring.length} positions`);
      if (keyOf(ring[0]!) !== keyOf(ring[ring.length - 1]!)) {
        problems.push(`${where}: ring not closed`);
      }
    }
  }
  const x = findSelfIntersection(multi);
  if (x) problems.push(`${where}: self-intersection near ${x[0]}, ${x[1]}`);
}
