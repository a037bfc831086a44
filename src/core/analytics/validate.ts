/**
 * Reading polygon features defensively: structure and coordinate checks, ring cleaning, and
 * self-intersection detection and repair.
 *
 * - Rings: consecutive duplicate vertices are dropped and unclosed rings closed. A ring with fewer
 *   than 3 distinct vertices is dropped (an outer ring takes its polygon with it).
 * - Self-intersection: all segments of a geometry go into a Flatbush; any two segments of the same
 *   ring that meet other than at their shared vertex, or segments of different rings/parts that
 *   cross or overlap (touching at a single point is allowed between rings), mark the geometry
 *   invalid.
 * - Repair (on by default): the geometry is unioned with itself by polyclip-ts (via union),
 *   which splits rings at their crossings and returns valid polygons (a bow-tie keeps both lobes,
 *   overlapping parts are merged). The feature is listed in `repaired` with the location found.
 *   With `repair: false` the feature is skipped instead, with that reason.
 * - Densification (option, off by default): edges longer than `densifyMetres` get vertices on
 *   their geodesics (`densify.ts`).
 */

import type { Feature, Geometry, Position } from 'geojson';
import { type MessageParams, type Said, say } from '../common/messages.ts';
import { densify } from './densify.ts';
import { featureId } from './ids.ts';
import { crossingParams, repairPolygonal, repairSaid } from './repair.ts';
import { segmentIndex } from './segment-index.ts';
import type { BBox, FeatureId, FeatureIssue, FeaturesInput, MultiPolygonCoords } from './types.ts';

export interface PolygonalItem {
  /** Position in the input collection (0-based). */
  index: number;
  id: FeatureId;
  coords: MultiPolygonCoords;
  bbox: BBox;
  properties: Readonly<Record<string, unknown>>;
}

export interface PolygonalRead {
  items: PolygonalItem[];
  skipped: FeatureIssue[];
  repaired: FeatureIssue[];
}

export interface ReadOptions {
  idField?: string;
  /** Repair self-intersecting polygons (default true); when false they are skipped. */
  repair?: boolean;
  /**
   * Densify edges longer than this (m) along their geodesics (default 0: off). Off by default so
   * that point-in-polygon follows GeoJSON's straight lon/lat edges (RFC 7946), as GEOS does.
   */
  densifyMetres?: number;
}

/** The features of a FeatureCollection or array (throws when it is neither). */
export function featureList(input: FeaturesInput): ReadonlyArray<unknown> {
  if (Array.isArray(input)) return input;
  const fc = input as { type?: unknown; features?: unknown };
  if (fc && fc.type === 'FeatureCollection' && Array.isArray(fc.features)) return fc.features;
  throw new Error('Expected a GeoJSON FeatureCollection or an array of Features');
}

export function bboxOf(coords: MultiPolygonCoords): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of coords) {
    for (const p of polygon[0] ?? []) {
      if (p[0]! < b[0]) b[0] = p[0]!;
      if (p[1]! < b[1]) b[1] = p[1]!;
      if (p[0]! > b[2]) b[2] = p[0]!;
      if (p[1]! > b[3]) b[3] = p[1]!;
    }
  }
  return b;
}

/** Valid coordinates, or the first error: in English (`error`) and coded (`said`). */
type Checked = { coords: MultiPolygonCoords } | { error: string; said: Said };

function fail(code: Parameters<typeof say>[0], params?: MessageParams): Checked {
  const said = say(code, params);
  return { error: said.reason, said };
}

function isPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2;
}

/** Structure, range and ring checks; returns cleaned coordinates or the first error. */
export function checkPolygonal(geometry: Geometry | null | undefined): Checked {
  if (!geometry || typeof geometry !== 'object') return fail('an_no_geometry');
  let polygons: unknown;
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
  else return fail('an_not_polygonal', { type: String(geometry.type) });
  if (!Array.isArray(polygons)) return fail('an_malformed_coordinates');
  const out: MultiPolygonCoords = [];
  for (let p = 0; p < polygons.length; p++) {
    const rings: unknown = polygons[p];
    if (!Array.isArray(rings) || rings.length === 0) continue;
    const cleaned: Position[][] = [];
    for (let r = 0; r < rings.length; r++) {
      const ring: unknown = rings[r];
      if (!Array.isArray(ring)) return fail('an_malformed_ring', { ring: r, polygon: p });
      const kept: Position[] = [];
      for (let v = 0; v < ring.length; v++) {
        const pos: unknown = ring[v];
        const where = { polygon: p, ring: r, vertex: v };
        if (!isPosition(pos)) return fail('an_malformed_position', where);
        const lon = pos[0];
        const lat = pos[1];
        if (typeof lon !== 'number' || typeof lat !== 'number') {
          return fail('an_non_numeric', where);
        }
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
          return fail('an_non_finite', where);
        }
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
          return fail('an_out_of_range', { lon, lat, ...where });
        }
        const last = kept[kept.length - 1];
        if (!last || last[0] !== lon || last[1] !== lat) kept.push([lon, lat]);
      }
      const first = kept[0];
      const last = kept[kept.length - 1];
      if (first && last && first[0] === last[0] && first[1] === last[1]) kept.pop();
      if (kept.length < 3) {
        if (r === 0) break;
        continue;
      }
      kept.push([kept[0]![0]!, kept[0]![1]!]);
      cleaned.push(kept);
    }
    if (cleaned.length > 0) out.push(cleaned);
  }
  if (out.length === 0) return fail('an_empty_geometry');
  return { coords: out };
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number) {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number) {
  return (
    px >= Math.min(ax, bx) &&
    px <= Math.max(ax, bx) &&
    py >= Math.min(ay, by) &&
    py <= Math.max(ay, by)
  );
}

/**
 * The first self-intersection of a (cleaned, closed-ring) polygonal geometry, or null when valid
 * in the sense described at the top of this file.
 */
export function findSelfIntersection(coords: MultiPolygonCoords): Position | null {
  const segs: number[] = [];
  const ringOf: number[] = [];
  const posInRing: number[] = [];
  const ringLen: number[] = [];
  let ring = 0;
  for (const polygon of coords) {
    for (const r of polygon) {
      for (let i = 0; i + 1 < r.length; i++) {
        segs.push(r[i]![0]!, r[i]![1]!, r[i + 1]![0]!, r[i + 1]![1]!);
        ringOf.push(ring);
        posInRing.push(i);
      }
      ringLen.push(r.length - 1);
      ring++;
    }
  }
  const n = ringOf.length;
  if (n < 3) return null;
  const tree = segmentIndex(segs, n);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const [ax, ay, bx, by] = [segs[o]!, segs[o + 1]!, segs[o + 2]!, segs[o + 3]!];
    const hits = tree.search(
      Math.min(ax, bx),
      Math.min(ay, by),
      Math.max(ax, bx),
      Math.max(ay, by),
    );
    for (const j of hits) {
      if (j <= i) continue;
      const sameRing = ringOf[i] === ringOf[j];
      if (sameRing) {
        const len = ringLen[ringOf[i]!]!;
        const d = Math.abs(posInRing[i]! - posInRing[j]!);
        if (d === 1 || d === len - 1) {
          // Adjacent segments share a vertex; they are invalid only if they fold back on each other.
          const q = j * 4;
          const shared = posInRing[j]! === posInRing[i]! + 1 ? [bx, by] : [ax, ay];
          const other = shared[0] === ax && shared[1] === ay ? [bx, by] : [ax, ay];
          const far =
            segs[q] === shared[0] && segs[q + 1] === shared[1]
              ? [segs[q + 2]!, segs[q + 3]!]
              : [segs[q]!, segs[q + 1]!];
          if (
            orient(shared[0]!, shared[1]!, other[0]!, other[1]!, far[0]!, far[1]!) === 0 &&
            (far[0]! - shared[0]!) * (other[0]! - shared[0]!) +
              (far[1]! - shared[1]!) * (other[1]! - shared[1]!) >
              0
          ) {
            return [shared[0]!, shared[1]!];
          }
          continue;
        }
      }
      const q = j * 4;
      const [cx, cy, dx, dy] = [segs[q]!, segs[q + 1]!, segs[q + 2]!, segs[q + 3]!];
      const o1 = orient(ax, ay, bx, by, cx, cy);
      const o2 = orient(ax, ay, bx, by, dx, dy);
      const o3 = orient(cx, cy, dx, dy, ax, ay);
      const o4 = orient(cx, cy, dx, dy, bx, by);
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        const t =
          ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) /
          ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
        return [ax + t * (bx - ax), ay + t * (by - ay)];
      }
      const touches: Position[] = [];
      if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) touches.push([cx, cy]);
      if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) touches.push([dx, dy]);
      if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) touches.push([ax, ay]);
      if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) touches.push([bx, by]);
      if (touches.length === 0) continue;
      if (sameRing) return touches[0]!;
      // Different rings may touch at one point, but must not share a stretch of boundary.
      const collinear = o1 === 0 && o2 === 0;
      const distinct = new Set(touches.map((p) => `${p[0]},${p[1]}`));
      if (collinear && distinct.size > 1) return touches[0]!;
    }
  }
  return null;
}

export { repairPolygonal };

/** Validate (and by default repair) every polygonal feature of a collection. */
export function readPolygonal(input: FeaturesInput, options: ReadOptions = {}): PolygonalRead {
  const features = featureList(input);
  const result: PolygonalRead = { items: [], skipped: [], repaired: [] };
  const repair = options.repair ?? true;
  features.forEach((raw, index) => {
    const f = (raw && typeof raw === 'object' ? raw : null) as Feature<Geometry | null> | null;
    const id = featureId(f, index, options.idField);
    if (f?.type !== 'Feature') {
      result.skipped.push({ feature: index, id, ...say('an_not_feature') });
      return;
    }
    const checked = checkPolygonal(f.geometry);
    if ('error' in checked) {
      result.skipped.push({ feature: index, id, ...checked.said });
      return;
    }
    let coords = checked.coords;
    const crossing = findSelfIntersection(coords);
    if (crossing) {
      const where = crossingParams(crossing);
      if (!repair) {
        result.skipped.push({ feature: index, id, ...say('an_self_intersecting', where) });
        return;
      }
      coords = repairPolygonal(coords);
      if (coords.length === 0) {
        result.skipped.push({ feature: index, id, ...say('an_nothing_left', where) });
        return;
      }
      result.repaired.push({ feature: index, id, ...repairSaid(crossing, coords) });
    }
    const maxEdge = options.densifyMetres ?? 0;
    if (maxEdge > 0) coords = densify(coords, maxEdge);
    result.items.push({ index, id, coords, bbox: bboxOf(coords), properties: f.properties ?? {} });
  });
  return result;
}
