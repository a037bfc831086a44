/**
 * The one GeoJSON writer: features in, an RFC 7946 FeatureCollection out, whatever the loader
 * accepted. `checkRfc7946` (rfc7946.ts) finds no error in what this returns; the tests check it
 * on every fixture.
 *
 * What it does, feature by feature (each change is reported with the feature's position in the
 * input file, so the user can find it):
 * - positions keep longitude, latitude and (when it is a number) altitude; other elements are
 *   dropped (RFC 7946 §3.1.1). Coordinates keep the precision they were read with: we do not round
 *   (rounding would move vertices the analytics then measure; §11.2 only advises against
 *   excessive precision, and the converted datums are already stated to the double's precision);
 * - linear rings left open are closed; rings with fewer than 3 distinct positions are dropped
 *   (an exterior ring takes its polygon and holes with it); lines of fewer than 2 positions are
 *   dropped from MultiLineStrings; a geometry left with nothing is a dropped feature;
 * - rings are rewound to the right-hand rule (exterior counter-clockwise, holes clockwise,
 *   §3.1.6), in the lon/lat plane, as the RFC's straight edges are;
 * - `id` is kept when a string or finite number, else dropped; `bbox` is kept when it is 2n
 *   numbers and contains the geometry, else dropped (a stale box is worse than none); `crs`
 *   (removed by RFC 7946) and members that would change GeoJSON semantics (§7.1) are dropped;
 *   other foreign members are kept;
 * - `properties` is an object or null (an array or scalar is moved to `{"value": ...}`).
 * Antimeridian cutting (§3.1.9) is not done.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import {
  type MessageCode,
  type MessageParams,
  nest,
  nestList,
  type Said,
  say,
} from '../common/messages.ts';
import { toFeatureCollection } from './features.ts';
import { bboxError, ringSignedArea2 } from './rfc7946.ts';
import type { FormatIssue, LoadResult } from './types.ts';

export interface Rfc7946Output {
  collection: FeatureCollection<Geometry>;
  /** Features changed (kept), by input position. */
  warnings: FormatIssue[];
  /** Features left out (nothing usable), by input position. */
  dropped: FormatIssue[];
}

/** What was changed, by member (`geometry`, `id`, `bbox`, `properties`...). */
export class Notes {
  /** Coded notes by member, each once (keyed by its English). */
  readonly byField = new Map<string, Map<string, Said>>();
  add(code: MessageCode, params?: MessageParams, field = 'geometry'): void {
    const said = say(code, params);
    const notes = this.byField.get(field) ?? new Map<string, Said>();
    notes.set(said.reason, said);
    this.byField.set(field, notes);
  }
  /** The notes of a member, as one coded message (several joined with "; "). */
  joined(field: string): Said | null {
    const notes = [...(this.byField.get(field)?.values() ?? [])];
    if (notes.length === 0) return null;
    return notes.length === 1 ? notes[0]! : say('rfc_notes', nestList('notes', notes, '; '));
  }
  issues(feature: number): FormatIssue[] {
    return [...this.byField.keys()].map((field) => ({ feature, field, ...this.joined(field)! }));
  }
}
const RESERVED = new Set(['type', 'id', 'bbox', 'geometry', 'properties', 'crs']);
const FORBIDDEN_IN_FEATURE = new Set(['coordinates', 'geometries', 'features']);

function position(p: unknown, notes: Notes): Position | null {
  if (!Array.isArray(p)) return null;
  const [x, y, z] = p as unknown[];
  if (
    typeof x !== 'number' ||
    typeof y !== 'number' ||
    !Number.isFinite(x) ||
    !Number.isFinite(y)
  ) {
    return null;
  }
  const keepZ = typeof z === 'number' && Number.isFinite(z);
  if (p.length > (keepZ ? 3 : 2)) notes.add('rfc_extra_elements');
  return keepZ ? [x, y, z] : [x, y];
}

function positions(list: unknown, notes: Notes): Position[] | null {
  if (!Array.isArray(list)) return null;
  const out: Position[] = [];
  for (const p of list) {
    const q = position(p, notes);
    if (!q) return null;
    out.push(q);
  }
  return out;
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** A closed ring of ≥ 3 distinct positions, or null. */
function ring(list: unknown, notes: Notes): Position[] | null {
  const r = positions(list, notes);
  if (!r || r.length === 0) return null;
  if (!same(r[0]!, r[r.length - 1]!)) {
    r.push([...r[0]!]);
    notes.add('rfc_ring_closed');
  }
  const distinct = new Set(r.map((p) => `${p[0]},${p[1]}`));
  if (distinct.size < 3) {
    notes.add('rfc_ring_dropped');
    return null;
  }
  return r;
}

function polygon(list: unknown, notes: Notes): Position[][] | null {
  if (!Array.isArray(list)) return null;
  const out: Position[][] = [];
  for (let i = 0; i < list.length; i++) {
    const r = ring(list[i], notes);
    if (!r) {
      if (i === 0) return null;
      continue;
    }
    const s = ringSignedArea2(r);
    if ((i === 0 && s < 0) || (i > 0 && s > 0)) {
      r.reverse();
    }
    out.push(r);
  }
  return out.length > 0 ? out : null;
}

function line(list: unknown, notes: Notes): Position[] | null {
  const l = positions(list, notes);
  if (!l || l.length < 2) {
    notes.add('rfc_line_dropped');
    return null;
  }
  return l;
}

function many<T>(list: unknown, one: (x: unknown) => T | null): T[] | null {
  if (!Array.isArray(list)) return null;
  const out = list.map(one).filter((x): x is T => x !== null);
  return out.length > 0 ? out : null;
}

/** An RFC 7946 geometry, or null when nothing usable is left. */
export function geometryToRfc7946(g: unknown, notes: Notes = new Notes()): Geometry | null {
  if (!g || typeof g !== 'object') return null;
  const { type, coordinates: c, geometries } = g as Record<string, unknown>;
  switch (type) {
    case 'Point': {
      const p = position(c, notes);
      return p && { type, coordinates: p };
    }
    case 'MultiPoint': {
      const p = positions(c, notes);
      return p && p.length > 0 ? { type, coordinates: p } : null;
    }
    case 'LineString': {
      const l = line(c, notes);
      return l && { type, coordinates: l };
    }
    case 'MultiLineString': {
      const l = many(c, (x) => line(x, notes));
      return l && { type, coordinates: l };
    }
    case 'Polygon': {
      const p = polygon(c, notes);
      return p && { type, coordinates: p };
    }
    case 'MultiPolygon': {
      const p = many(c, (x) => polygon(x, notes));
      return p && { type, coordinates: p };
    }
    case 'GeometryCollection': {
      const list = many(geometries, (x) => geometryToRfc7946(x, notes));
      return list && { type, geometries: list };
    }
    default:
      return null;
  }
}

function extent(g: Geometry, box: number[]) {
  if (g.type === 'GeometryCollection') {
    for (const c of g.geometries) extent(c, box);
    return;
  }
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      box[0] = Math.min(box[0]!, c[0] as number);
      box[1] = Math.min(box[1]!, c[1] as number);
      box[2] = Math.max(box[2]!, c[0] as number);
      box[3] = Math.max(box[3]!, c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
}

/** A bbox kept only when valid and containing the geometry (2D check). */
function keptBbox(b: unknown, g: Geometry, notes: Notes): number[] | null {
  const e = bboxError(b);
  if (e) {
    notes.add('rfc_bbox_dropped', { reason: e }, 'bbox');
    return null;
  }
  const box = b as number[];
  const n = box.length / 2;
  const ext = [Infinity, Infinity, -Infinity, -Infinity];
  extent(g, ext);
  const [w, s, east, north] = [box[0]!, box[1]!, box[n]!, box[n + 1]!];
  const crosses = w > east; // §5.2: a box across the antimeridian
  const lonOk = crosses || (ext[0]! >= w && ext[2]! <= east);
  if (!lonOk || ext[1]! < s || ext[3]! > north) {
    notes.add('rfc_bbox_outside', undefined, 'bbox');
    return null;
  }
  return box;
}

function properties(p: unknown, notes: Notes): Record<string, unknown> | null {
  if (p === null || p === undefined) return null;
  if (typeof p === 'object' && !Array.isArray(p)) return p as Record<string, unknown>;
  notes.add('rfc_properties_moved', undefined, 'properties');
  return { value: p };
}

/** One feature in RFC 7946 form, or null (with the notes saying why). */
export function featureToRfc7946(
  f: Feature<Geometry | null>,
  notes: Notes,
): Feature<Geometry> | null {
  const geometry = geometryToRfc7946(f.geometry, notes);
  if (!geometry) return null;
  const out: Record<string, unknown> = { type: 'Feature' };
  const raw = f as unknown as Record<string, unknown>;
  const id = raw.id;
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) out.id = id;
  else if (id !== undefined) notes.add('rfc_id_dropped', { id: String(JSON.stringify(id)) }, 'id');
  if (raw.bbox !== undefined) {
    const b = keptBbox(raw.bbox, geometry, notes);
    if (b) out.bbox = b;
  }
  if (raw.crs !== undefined) notes.add('rfc_crs_dropped', undefined, 'crs');
  out.properties = properties(raw.properties, notes);
  out.geometry = geometry;
  for (const [k, v] of Object.entries(raw)) {
    if (RESERVED.has(k)) continue;
    if (FORBIDDEN_IN_FEATURE.has(k)) {
      notes.add('rfc_member_dropped', { member: k }, k);
      continue;
    }
    out[k] = v;
  }
  return out as unknown as Feature<Geometry>;
}

/**
 * Features as an RFC 7946 FeatureCollection. `positions[i]` is feature i's position in the input
 * file (default i), used to name it in warnings.
 */
export function toRfc7946(
  features: ReadonlyArray<Feature<Geometry | null>>,
  positions?: readonly number[],
): Rfc7946Output {
  const out: Array<Feature<Geometry>> = [];
  const warnings: FormatIssue[] = [];
  const dropped: FormatIssue[] = [];
  features.forEach((f, i) => {
    const feature = positions?.[i] ?? i;
    const notes: Notes = new Notes();
    const g = featureToRfc7946(f, notes);
    if (!g) {
      const why = notes.joined('geometry');
      dropped.push({
        feature,
        field: 'geometry',
        ...(why ? say('rfc_no_geometry_why', nest('why', why)) : say('rfc_no_geometry')),
      });
      return;
    }
    out.push(g);
    warnings.push(...notes.issues(feature));
  });
  return { collection: { type: 'FeatureCollection', features: out }, warnings, dropped };
}

/**
 * What `atlas convert` writes for a loaded file: its usable features (the loader's errors left
 * out) in RFC 7946 form, changes named by the feature's position in the file. Points from a table
 * are always valid (no notes).
 */
export function resultToRfc7946(loaded: LoadResult): Rfc7946Output {
  if (loaded.kind === 'points') return toRfc7946(toFeatureCollection(loaded).features);
  const bad = new Set(loaded.errors.map((e) => e.feature));
  const features: Array<Feature<Geometry | null>> = [];
  const at: number[] = [];
  (loaded.features?.features ?? []).forEach((f, i) => {
    if (bad.has(i)) return;
    features.push(f);
    at.push(i);
  });
  return toRfc7946(features, at);
}
