/**
 * The k nearest features to each point, by geodesic distance (WGS84).
 *
 * - Point targets: KDBush + geokdbush `around` (great-circle order on a 6371 km sphere) gives k
 *   candidates; their geodesic distances bound the search; every point within that bound × 1.01
 *   on the sphere (sphere/ellipsoid distance ratios stay within 0.994-1.007) is then measured
 *   geodesically, so the result is the exact geodesic k nearest.
 * - Other targets (polygons: 0 inside, else distance to the edge; lines; multi-points): one
 *   EdgeIndex over all their edges (edge-index.ts) measures geodesically only the edges a 3-D
 *   lower bound cannot rule out, and gives the same distances as measuring every edge.
 * Ties are ordered by the target's position in its input.
 */
import type { Feature, Geometry } from 'geojson';
import { around } from 'geokdbush';
import { say } from '../common/messages.ts';
import { geodesicDistance } from './distance.ts';
import { EdgeIndex } from './edge-index.ts';
import { featureId } from './ids.ts';
import { isValidLonLat, PointIndex } from './point-index.ts';
import { invalidPointRows } from './totals.ts';
import type { FeatureId, FeatureIssue, FeaturesInput, PointSet, SkippedRow } from './types.ts';
import { featureList } from './validate.ts';

export interface NearestOptions {
  /** How many (default 1). */
  k?: number;
  /** Only targets within this many metres. */
  maxDistance?: number;
  /** Id field of the target features. */
  idField?: string;
}

export interface NearestHit {
  id: FeatureId;
  distance_m: number;
}

export interface NearestResult {
  results: Array<{ id: FeatureId; nearest: NearestHit[] }>;
  /** `from` points without usable coordinates. */
  skipped: SkippedRow[];
  /** Target features that could not be used. */
  skippedTargets: FeatureIssue[];
}

interface Targets {
  /** Point targets (positions are target indices via `pointTarget`). */
  points: { index: PointIndex; lons: Float64Array; lats: Float64Array; target: Uint32Array } | null;
  shapes: Array<{ target: number; geometry: Geometry }>;
  ids: FeatureId[];
  skipped: FeatureIssue[];
}

function pointId(points: PointSet, i: number): FeatureId {
  if (points.ids) return points.ids[i]!;
  return featureId({ properties: points.properties?.[i] ?? null }, i);
}

function validGeometry(g: Geometry): boolean {
  const ok = (c: unknown): boolean =>
    Array.isArray(c) &&
    (typeof c[0] === 'number'
      ? c.length >= 2 && isValidLonLat(c[0], c[1] as number)
      : c.length > 0 && c.every(ok));
  if (g.type === 'GeometryCollection')
    return g.geometries.length > 0 && g.geometries.every(validGeometry);
  return ok(g.coordinates);
}

function readTargets(to: FeaturesInput | PointSet, idField?: string): Targets {
  if ('lons' in to) {
    const index = PointIndex.build(to.lons, to.lats);
    const ids = Array.from({ length: to.lons.length }, (_, i) => pointId(to, i));
    const skipped = Array.from(index.invalid, (i) => ({
      feature: i,
      id: ids[i]!,
      ...say('an_point_invalid'),
    }));
    const target = Uint32Array.from({ length: to.lons.length }, (_, i) => i);
    return { points: { index, lons: to.lons, lats: to.lats, target }, shapes: [], ids, skipped };
  }
  const ids: FeatureId[] = [];
  const skipped: FeatureIssue[] = [];
  const pts: number[] = [];
  const shapes: Targets['shapes'] = [];
  featureList(to).forEach((raw, i) => {
    const f = raw as Feature<Geometry | null> | null;
    const id = featureId(f, i, idField);
    ids.push(id);
    const g = f?.type === 'Feature' ? f.geometry : null;
    if (!g) skipped.push({ feature: i, id, ...say('an_no_geometry') });
    else if (!validGeometry(g)) {
      skipped.push({ feature: i, id, ...say('an_target_invalid') });
    } else if (g.type === 'Point') pts.push(i, g.coordinates[0]!, g.coordinates[1]!);
    else shapes.push({ target: i, geometry: g });
  });
  let points: Targets['points'] = null;
  if (pts.length > 0) {
    const n = pts.length / 3;
    const lons = new Float64Array(n);
    const lats = new Float64Array(n);
    const target = new Uint32Array(n);
    for (let j = 0; j < n; j++)
      [target[j], lons[j], lats[j]] = [pts[3 * j]!, pts[3 * j + 1]!, pts[3 * j + 2]!];
    points = { index: PointIndex.build(lons, lats), lons, lats, target };
  }
  return { points, shapes, ids, skipped };
}

type Hit = { target: number; d: number };
const NO_HITS: Hit[] = [];
const byDistance = (a: Hit, b: Hit) => a.d - b.d || a.target - b.target;

export function nearest(
  from: PointSet,
  to: FeaturesInput | PointSet,
  options: NearestOptions = {},
): NearestResult {
  const k = Math.max(1, Math.floor(options.k ?? 1));
  const maxDistance = options.maxDistance ?? Infinity;
  const targets = readTargets(to, options.idField);
  const edges =
    targets.shapes.length > 0 ? new EdgeIndex(targets.shapes, targets.ids.length) : null;
  // Only the invalid `from` rows are needed: a scan, not an index.
  const invalid: number[] = [];
  const valid: number[] = [];
  for (let i = 0; i < from.lons.length; i++) {
    if (isValidLonLat(from.lons[i]!, from.lats[i]!)) valid.push(i);
    else invalid.push(i);
  }

  const pointHits = (lon: number, lat: number): Hit[] => {
    const P = targets.points;
    if (!P || P.index.size === 0) return NO_HITS;
    const measure = (items: number[]): Hit[] =>
      items.map((item) => {
        const j = P.index.rows[item]!;
        return { target: P.target[j]!, d: geodesicDistance(lon, lat, P.lons[j]!, P.lats[j]!) };
      });
    const capKm = Number.isFinite(maxDistance) ? (maxDistance * 1.01) / 1000 : undefined;
    const seeds = measure(around(P.index.tree, lon, lat, k, capKm));
    if (seeds.length === 0) return [];
    const bound = Math.min(maxDistance, Math.max(...seeds.map((h) => h.d)));
    return measure(around(P.index.tree, lon, lat, Infinity, (bound * 1.01) / 1000 + 1e-9));
  };

  const shapeHits = (lon: number, lat: number): Hit[] =>
    edges ? edges.nearest(lon, lat, k, maxDistance) : NO_HITS;

  // Queried cell by cell (the edge index then shares one box search per cell), answered in
  // input order: `slot` is each valid point's place in `results`.
  const order = edges ? edges.queryOrder(from.lons, from.lats, valid) : valid;
  const slot = new Int32Array(from.lons.length);
  valid.forEach((i, j) => {
    slot[i] = j;
  });
  const results: NearestResult['results'] = new Array(valid.length);
  for (const i of order) {
    const lon = from.lons[i]!;
    const lat = from.lats[i]!;
    const fromPoints = pointHits(lon, lat);
    const fromShapes = shapeHits(lon, lat);
    const hits =
      fromPoints.length === 0
        ? fromShapes
        : [...fromPoints.filter((h) => h.d <= maxDistance), ...fromShapes]
            .sort(byDistance)
            .slice(0, k);
    results[slot[i]!] = {
      id: pointId(from, i),
      nearest: hits.map((h) => ({ id: targets.ids[h.target]!, distance_m: h.d })),
    };
  }
  return {
    results,
    skipped: invalidPointRows(from, { invalid }),
    skippedTargets: targets.skipped,
  };
}
