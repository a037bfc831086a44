/**
 * RFC 7946 (GeoJSON) conformance checker: what `atlas validate` reports for a GeoJSON file and
 * what the tests run on everything `atlas convert` writes. Pure; it reads the parsed JSON as
 * written (before the loader repairs or converts anything).
 *
 * Errors break a MUST of the RFC: unknown or missing `type`, a Feature without `geometry` or
 * `properties` (§3.2), `properties` not an object or null, `id` not a string or number (§3.2),
 * `bbox` not an array of 2n numbers (§5), positions not arrays of two or more numbers (§3.1.1),
 * a LineString of fewer than two positions (§3.1.4), a linear ring of fewer than four positions or
 * not closed (§3.1.6), members that change GeoJSON semantics (§7.1), a FeatureCollection without a
 * `features` array.
 * Warnings break a SHOULD, or are things we accept: a position of more than three numbers
 * (§3.1.1), rings not following the right-hand rule (§3.1.6: parsers SHOULD NOT reject them),
 * nested or single-member GeometryCollections (§3.1.8), an old-style `crs` member (GeoJSON 2008,
 * removed by §4: we read it to recognise Web Mercator files, see geojson.ts).
 *
 * Issues name the feature (0-based position in the collection; 0 for a root Feature or geometry),
 * the member (`type`, `id`, `bbox`, `properties`, `geometry`, `crs`...) and say where inside it.
 */
import type { FormatIssue } from './types.ts';

export interface Rfc7946Report {
  errors: FormatIssue[];
  warnings: FormatIssue[];
}

/** The geometry types of RFC 7946 §1.4 (one list, used by the loader and the checker). */
export const GEOMETRY_TYPES: ReadonlySet<string> = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);
const ALL_TYPES = new Set([...GEOMETRY_TYPES, 'Feature', 'FeatureCollection']);

/** Nesting depth of `coordinates` by geometry type (0 = a position). */
export const COORDINATE_DEPTH: Readonly<Record<string, number>> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** Position errors listed per array before the rest are summarised. */
const MAX_PER_GEOMETRY = 5;

/** §7.1: members that define another kind of GeoJSON object. */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  FeatureCollection: ['coordinates', 'geometries', 'geometry', 'properties'],
  Feature: ['coordinates', 'geometries', 'features'],
  geometry: ['geometry', 'properties', 'features'],
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Twice the signed planar area of a ring in lon/lat (> 0: counter-clockwise). */
export function ringSignedArea2(ring: ReadonlyArray<ReadonlyArray<number>>): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s;
}

/** Why a bbox member breaks §5, or null. */
export function bboxError(b: unknown): string | null {
  if (!Array.isArray(b)) return `bbox must be an array of numbers, but is ${kindOf(b)}`;
  if (b.length !== 4 && b.length !== 6) {
    return `bbox must have 4 numbers (2D) or 6 (3D), but has ${b.length}`;
  }
  if (!b.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return 'each element of bbox must be a number';
  }
  const n = b.length / 2;
  if ((b[1] as number) > (b[1 + n] as number)) {
    return 'bbox south edge is north of its north edge';
  }
  return null;
}

/** Why a position breaks §3.1.1 (an error), or null. */
export function positionError(p: unknown): string | null {
  if (!Array.isArray(p)) {
    return typeof p === 'number'
      ? 'a number where a position (an array) should be: needs to be nested more deeply'
      : `a position must be an array of numbers, but is ${kindOf(p)}`;
  }
  if (p.length < 2) return `a position must have 2 or more numbers, but has ${p.length}`;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return `each element of a position must be a number, but element ${i} is ${JSON.stringify(v) ?? String(v)}`;
    }
  }
  return null;
}

class Checker {
  readonly errors: FormatIssue[] = [];
  readonly warnings: FormatIssue[] = [];
  private feature: number | undefined;

  private issue(list: FormatIssue[], field: string, reason: string) {
    list.push(
      this.feature === undefined ? { field, reason } : { feature: this.feature, field, reason },
    );
  }
  error(field: string, reason: string) {
    this.issue(this.errors, field, reason);
  }
  warn(field: string, reason: string) {
    this.issue(this.warnings, field, reason);
  }

  /** `type` present, a string, and known (case-sensitive); returns it or null. */
  private type(o: Record<string, unknown>, field: string): string | null {
    if (!('type' in o)) {
      this.error(field, '"type" member required');
      return null;
    }
    const t = o.type;
    if (typeof t !== 'string') {
      this.error(field, `"type" member must be a string, but is ${kindOf(t)}`);
      return null;
    }
    if (!ALL_TYPES.has(t)) {
      const cased = [...ALL_TYPES].find((k) => k.toLowerCase() === t.toLowerCase());
      this.error(
        field,
        cased
          ? `unknown type "${t}": expected "${cased}" (type names are case-sensitive)`
          : `unknown type "${t}"`,
      );
      return null;
    }
    return t;
  }

  private common(o: Record<string, unknown>, kind: string, field: string) {
    if ('bbox' in o) {
      const e = bboxError(o.bbox);
      if (e) this.error(field === 'root' ? 'bbox' : `${field}.bbox`, e);
    }
    if ('crs' in o) {
      this.warn(
        'crs',
        'old-style "crs" member (GeoJSON 2008; RFC 7946 removed it: coordinates are WGS84 longitude/latitude)',
      );
    }
    for (const m of FORBIDDEN[kind] ?? []) {
      if (m in o) {
        const what = kind === 'geometry' ? 'a geometry' : `a ${kind}`;
        this.error(m, `${what} must not have a "${m}" member (RFC 7946 §7.1)`);
      }
    }
  }

  root(json: unknown) {
    if (!isObject(json)) {
      this.error('root', `the root of a GeoJSON text must be an object, but is ${kindOf(json)}`);
      return;
    }
    const t = this.type(json, 'type');
    if (t === 'FeatureCollection') {
      this.common(json, 'FeatureCollection', 'root');
      if (!('features' in json)) this.error('features', '"features" member required');
      else if (!Array.isArray(json.features)) {
        this.error('features', `"features" must be an array, but is ${kindOf(json.features)}`);
      } else {
        json.features.forEach((f, i) => {
          this.feature = i;
          this.featureObject(f);
        });
        this.feature = undefined;
      }
    } else if (t === 'Feature') {
      this.feature = 0;
      this.featureObject(json);
    } else if (t !== null) {
      this.feature = 0;
      this.geometry(json, 'geometry', 0);
    }
  }

  private featureObject(f: unknown) {
    if (!isObject(f)) {
      this.error('feature', `every feature must be an object, but this is ${kindOf(f)}`);
      return;
    }
    if (f.type !== 'Feature') {
      this.error(
        'type',
        `a feature must have "type": "Feature" (has ${JSON.stringify(f.type) ?? 'none'})`,
      );
      // Its other members are still checked, so that every problem is reported at once.
    }
    this.common(f, 'Feature', 'root');
    if (
      'id' in f &&
      typeof f.id !== 'string' &&
      !(typeof f.id === 'number' && Number.isFinite(f.id))
    ) {
      this.error('id', `"id" must be a string or a number, but is ${kindOf(f.id)}`);
    }
    if (!('properties' in f))
      this.error('properties', '"properties" member required (an object or null)');
    else if (f.properties !== null && !isObject(f.properties)) {
      this.error(
        'properties',
        `"properties" must be an object or null, but is ${kindOf(f.properties)}`,
      );
    }
    if (!('geometry' in f))
      this.error('geometry', '"geometry" member required (a geometry or null)');
    else if (f.geometry !== null) this.geometry(f.geometry, 'geometry', 0);
  }

  private geometry(g: unknown, field: string, depth: number) {
    if (!isObject(g)) {
      this.error(field, `a geometry must be an object, but is ${kindOf(g)}`);
      return;
    }
    const t = this.type(g, field);
    if (t === null) return;
    if (!GEOMETRY_TYPES.has(t)) {
      this.error(field, `a ${t} is not a geometry`);
      return;
    }
    this.common(g, 'geometry', field);
    if (t === 'GeometryCollection') {
      const list = g.geometries;
      if (!Array.isArray(list)) {
        this.error(field, `"geometries" must be an array, but is ${kindOf(list)}`);
        return;
      }
      if (depth > 0)
        this.warn(field, 'nested GeometryCollection (RFC 7946 §3.1.8: SHOULD be avoided)');
      if (list.length === 1) {
        this.warn(
          field,
          'GeometryCollection with a single geometry (SHOULD be a single or multi-part geometry)',
        );
      }
      list.forEach((c, i) => {
        this.geometry(c, `${field}.geometries[${i}]`, depth + 1);
      });
      return;
    }
    if (!('coordinates' in g)) {
      this.error(field, '"coordinates" member required');
      return;
    }
    const c = g.coordinates;
    if (!Array.isArray(c)) {
      this.error(field, `"coordinates" must be an array, but is ${kindOf(c)}`);
      return;
    }
    this.coordinates(t, c, field);
  }

  /** Walks nested arrays to `depth` and checks each position; false on the first broken one. */
  private positions(c: unknown, depth: number, at: string, field: string): boolean {
    if (depth === 0) {
      const e = positionError(c);
      if (e) {
        this.error(field, `${at}: ${e}`);
        return false;
      }
      if ((c as unknown[]).length > 3) {
        this.warn(field, `${at}: a position SHOULD NOT have more than 3 numbers`);
      }
      return true;
    }
    if (!Array.isArray(c)) {
      this.error(
        field,
        `${at}: ${typeof c === 'number' ? 'a number where an array of positions should be: needs to be nested more deeply' : `expected an array, got ${kindOf(c)}`}`,
      );
      return false;
    }
    let bad = 0;
    for (let i = 0; i < c.length; i++) {
      if (bad >= MAX_PER_GEOMETRY) {
        this.error(field, `${at}: more broken positions after the first ${MAX_PER_GEOMETRY}`);
        break;
      }
      if (!this.positions(c[i], depth - 1, `${at}[${i}]`, field)) bad++;
    }
    return bad === 0;
  }

  private coordinates(type: string, c: unknown[], field: string) {
    const depth = COORDINATE_DEPTH[type]!;
    if (!this.positions(c, depth, 'coordinates', field)) return;
    const lines =
      type === 'LineString'
        ? [['coordinates', c]]
        : type === 'MultiLineString'
          ? c.map((l, i) => [`coordinates[${i}]`, l])
          : [];
    for (const [at, line] of lines as Array<[string, unknown[]]>) {
      if (line.length < 2) {
        this.error(field, `${at}: a LineString needs 2 or more positions, but has ${line.length}`);
      }
    }
    const polygons =
      type === 'Polygon'
        ? [['coordinates', c]]
        : type === 'MultiPolygon'
          ? c.map((p, i) => [`coordinates[${i}]`, p])
          : [];
    let wrongWinding = 0;
    for (const [at, rings] of polygons as Array<[string, number[][][]]>) {
      rings.forEach((ring, r) => {
        const where = `${at}[${r}]`;
        if (ring.length < 4) {
          this.error(
            field,
            `${where}: a linear ring needs 4 or more positions, but has ${ring.length}`,
          );
        }
        const first = ring[0];
        const last = ring[ring.length - 1];
        if (
          first &&
          last &&
          (first[0] !== last[0] || first[1] !== last[1] || first[2] !== last[2])
        ) {
          this.error(
            field,
            `${where}: a linear ring is not closed (its first and last positions differ)`,
          );
          return;
        }
        const s = ringSignedArea2(ring);
        if ((r === 0 && s < 0) || (r > 0 && s > 0)) wrongWinding++;
      });
    }
    if (wrongWinding > 0) {
      this.warn(
        field,
        `${wrongWinding} ring(s) do not follow the right-hand rule (exterior counter-clockwise, holes clockwise; RFC 7946 §3.1.6)`,
      );
    }
  }
}

/** Every RFC 7946 problem of a parsed GeoJSON text. */
export function checkRfc7946(json: unknown): Rfc7946Report {
  const c = new Checker();
  c.root(json);
  return { errors: c.errors, warnings: c.warnings };
}
