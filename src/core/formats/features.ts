/**
 * Shared checks for feature formats (GeoJSON, KML, GPX, Shapefile): every feature's geometry is
 * validated (structure, numbers, WGS84 range) and converted to WGS84; features that cannot be used
 * are reported by their 0-based position and kept in place, so positions match the file.
 * Also: points as columns from point features, and any result as a FeatureCollection.
 */

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { featureId } from '../analytics/ids.ts';
import type { FeatureId } from '../analytics/types.ts';
import { nest, type Said, say } from '../common/messages.ts';
import { geometryToWgs84 } from './crs.ts';
import type { Crs, FormatIssue, LoadMeta, LoadResult, PointColumns } from './types.ts';

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/**
 * How far past ±180 / ±90 a coordinate may be and still count as float noise (a float32 of 180
 * is 180.0000019...): such vertices are moved onto the limit with a warning, not refused.
 */
export const RANGE_TOLERANCE = 1e-5;

function checkPosition(p: unknown, at: string): Said | null {
  if (!Array.isArray(p)) return say('geom_malformed_at', { at });
  if (p.length < 2) return say('geom_position_short', { at });
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return say('geom_non_numeric', { at });
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return say('geom_non_finite', { at });
  const t = RANGE_TOLERANCE;
  if (lon < -180 - t || lon > 180 + t || lat < -90 - t || lat > 90 + t) {
    return say('geom_out_of_range', { lon, lat, at });
  }
  return null;
}

interface Clamped {
  vertices: number;
  /** Largest distance moved, in degrees. */
  most: number;
}

type Nested = unknown[];

/** A (validated) position or nesting with float noise past the limits moved onto them. */
function clampNested(c: Nested, depth: number, count: Clamped): Nested {
  if (depth === 0) {
    const lon = c[0] as number;
    const lat = c[1] as number;
    const x = Math.min(180, Math.max(-180, lon));
    const y = Math.min(90, Math.max(-90, lat));
    if (x === lon && y === lat) return c;
    count.vertices++;
    count.most = Math.max(count.most, Math.abs(x - lon), Math.abs(y - lat));
    return [x, y, ...c.slice(2)];
  }
  let out: Nested | null = null;
  for (let i = 0; i < c.length; i++) {
    const v = clampNested(c[i] as Nested, depth - 1, count);
    if (v !== c[i]) {
      out ??= c.slice();
      out[i] = v;
    }
  }
  return out ?? c;
}

/** The geometry with float noise past ±180 / ±90 clamped (the same object when none). */
function clampGeometry(g: Geometry, count: Clamped): Geometry {
  if (g.type === 'GeometryCollection') {
    let changed = false;
    const geometries = g.geometries.map((x) => {
      const y = clampGeometry(x, count);
      if (y !== x) changed = true;
      return y;
    });
    return changed ? { ...g, geometries } : g;
  }
  const c = clampNested(g.coordinates as Nested, DEPTH[g.type] ?? 0, count);
  return c === g.coordinates ? g : ({ ...g, coordinates: c } as Geometry);
}

function checkNested(c: unknown, depth: number, at: string): Said | null {
  if (depth === 0) return checkPosition(c, at);
  if (!Array.isArray(c)) return say('geom_malformed_at', { at });
  for (let i = 0; i < c.length; i++) {
    const e = checkNested(c[i], depth - 1, `${at}[${i}]`);
    if (e) return e;
  }
  return null;
}

/** Why a geometry cannot be used (coded), or null when it is valid for our purposes. */
export function geometryError(g: unknown): Said | Pick<Said, 'reason'> | null {
  if (g === null || g === undefined) return say('geom_null');
  if (typeof g !== 'object') return say('geom_not_object');
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (geom.type === 'GeometryCollection') {
    if (!Array.isArray(geom.geometries)) return say('geom_collection_no_array');
    if (geom.geometries.length === 0) return say('geom_collection_empty');
    for (let i = 0; i < geom.geometries.length; i++) {
      const e = geometryError(geom.geometries[i]);
      if (e) return say('geom_member', { index: i, ...nest('reason', e) });
    }
    return null;
  }
  const depth = typeof geom.type === 'string' ? DEPTH[geom.type] : undefined;
  if (depth === undefined) return say('geom_unknown_type', { type: JSON.stringify(geom.type) });
  if (!Array.isArray(geom.coordinates)) return say('geom_no_coordinates');
  if (depth > 0 && geom.coordinates.length === 0) {
    return say('geom_empty', { type: String(geom.type) });
  }
  const e = checkNested(geom.coordinates, depth, 'coordinates');
  if (e) return e;
  if (geom.type === 'LineString' && geom.coordinates.length < 2) {
    return say('geom_line_short');
  }
  const polygons =
    geom.type === 'Polygon'
      ? [geom.coordinates as unknown[][]]
      : geom.type === 'MultiPolygon'
        ? (geom.coordinates as unknown[][][])
        : [];
  for (const [p, rings] of polygons.entries()) {
    if (rings.length === 0) return say('geom_polygon_no_rings', { polygon: p });
    for (const [r, ring] of rings.entries()) {
      if (ring.length < 3) return say('geom_ring_short', { ring: r, polygon: p });
    }
  }
  return null;
}

/**
 * Validates and converts the features of a collection into a LoadResult. `extraWarnings` come from
 * the format's own reader.
 */
export function featureResult(
  format: string,
  input: ReadonlyArray<unknown>,
  crs: Crs,
  meta: Partial<LoadMeta> = {},
  extraWarnings: FormatIssue[] = [],
): LoadResult {
  const errors: FormatIssue[] = [];
  const clamped: Clamped = { vertices: 0, most: 0 };
  let clampedFeatures = 0;
  const features: Array<Feature<Geometry | null>> = input.map((raw, i) => {
    if (!raw || typeof raw !== 'object' || (raw as { type?: unknown }).type !== 'Feature') {
      const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : raw;
      errors.push({
        feature: i,
        field: 'type',
        ...say('not_a_feature', { type: JSON.stringify(type ?? null) }),
      });
      return { type: 'Feature', properties: null, geometry: null };
    }
    const f = raw as Feature<Geometry | null>;
    const out: Feature<Geometry | null> = {
      ...f,
      properties: f.properties && typeof f.properties === 'object' ? f.properties : null,
    };
    const e = geometryError(f.geometry);
    if (e) {
      errors.push({ feature: i, field: 'geometry', ...e });
      return out;
    }
    const before = clamped.vertices;
    out.geometry = geometryToWgs84(clampGeometry(f.geometry as Geometry, clamped), crs);
    if (clamped.vertices > before) clampedFeatures++;
    return out;
  });
  const warnings = [...extraWarnings];
  if (clamped.vertices > 0) {
    warnings.push({
      field: 'geometry',
      ...say('geom_clamped', {
        vertices: clamped.vertices,
        vertexWord: clamped.vertices === 1 ? 'vertex' : 'vertices',
        features: clampedFeatures,
        featureWord: clampedFeatures === 1 ? 'feature' : 'features',
        most: clamped.most.toPrecision(2),
      }),
    });
  }
  return {
    format,
    kind: 'features',
    features: { type: 'FeatureCollection', features },
    errors,
    warnings,
    fatal: false,
    meta: { ...meta, total: features.length, crs },
  };
}

/** A result that could not be read at all. */
export function fatalResult(
  format: string,
  kind: LoadResult['kind'],
  issue: FormatIssue,
  crs: Crs,
  meta: Partial<LoadMeta> = {},
): LoadResult {
  return {
    format,
    kind,
    errors: [issue],
    warnings: [],
    fatal: true,
    meta: { ...meta, total: 0, crs },
  };
}

/** The positions (0-based) of the features listed in `errors`. */
function badFeatures(result: LoadResult): Set<number> {
  return new Set(result.errors.flatMap((e) => (e.feature !== undefined ? [e.feature] : [])));
}

/** The features of a result without the ones that had errors (positions are not kept). */
export function usableFeatures(result: LoadResult): FeatureCollection<Geometry> {
  const bad = badFeatures(result);
  const features = (result.features?.features ?? []).filter((_, i) => !bad.has(i));
  return { type: 'FeatureCollection', features: features as Array<Feature<Geometry>> };
}

/** Any result as a FeatureCollection of its usable rows/features (points become Point features). */
export function toFeatureCollection(result: LoadResult): FeatureCollection<Geometry> {
  if (result.kind === 'features') return usableFeatures(result);
  const p = result.points;
  const features: Array<Feature<Geometry>> = [];
  if (p) {
    for (let i = 0; i < p.lons.length; i++) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lons[i]!, p.lats[i]!] },
        properties: p.properties[i] ?? {},
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

export interface PointsFromResult {
  points: PointColumns;
  /** Rows/features that are not usable points, with the reason. */
  skipped: FormatIssue[];
}

/**
 * Points as columns from any result: a table's points as they are, or the Point features of a
 * feature file (ids by the contract's rule; other geometries are skipped with the reason).
 */
export function toPointColumns(result: LoadResult, idField?: string): PointsFromResult {
  const skipped = result.errors.filter((e) => e.row !== undefined || e.feature !== undefined);
  if (result.kind === 'points') {
    const empty: PointColumns = {
      lons: new Float64Array(0),
      lats: new Float64Array(0),
      properties: [],
      rows: new Uint32Array(0),
      ids: [],
    };
    return { points: result.points ?? empty, skipped };
  }
  const bad = badFeatures(result);
  const lons: number[] = [];
  const lats: number[] = [];
  const properties: Array<Record<string, unknown>> = [];
  const rows: number[] = [];
  const ids: FeatureId[] = [];
  (result.features?.features ?? []).forEach((f, i) => {
    if (bad.has(i)) return;
    const g = f.geometry;
    if (g?.type !== 'Point') {
      skipped.push({
        feature: i,
        field: 'geometry',
        ...say('geom_not_point', { type: g?.type ?? 'null' }),
      });
      return;
    }
    lons.push(g.coordinates[0]!);
    lats.push(g.coordinates[1]!);
    properties.push(f.properties ?? {});
    rows.push(i);
    ids.push(featureId(f, i, idField));
  });
  skipped.sort((a, b) => (a.feature ?? a.row ?? 0) - (b.feature ?? b.row ?? 0));
  return {
    points: {
      lons: Float64Array.from(lons),
      lats: Float64Array.from(lats),
      properties,
      rows: Uint32Array.from(rows),
      ids,
    },
    skipped,
  };
}
