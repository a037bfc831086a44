/**
 * Checks a layer an admin publishes, as the app checks an import: the core's GeoJSON loader
 * (RFC 7946 structure, WGS84 range, Web Mercator converted, other projections refused by name,
 * GCJ-02/BD-09 converted when declared), then the rules of the layer's role with the same
 * validators as `data:check`. Every problem names the feature and the field; a layer with any
 * problem is not published (everyone would see it), and the answer lists them all.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { z } from 'zod';
import {
  type Inner,
  type MessageCode,
  type MessageParams,
  nest,
  say,
} from '../../src/core/common/messages.ts';
import type { Problem } from '../../src/core/common/problem.ts';
import { zodSaid } from '../../src/core/common/zod-said.ts';
import { loadGeoJson } from '../../src/core/formats/geojson.ts';
import { CRS_VALUES } from '../../src/core/formats/types.ts';
import { GREEN_KINDS } from '../../src/core/ledger/model.ts';
import { areaGeometrySchema, greenSpacePropsSchema } from '../../src/core/ledger/schemas.ts';
import {
  validateBoundaries,
  validatePopulation,
  validateResidential,
} from '../../src/core/ledger/validate.ts';

export const LAYER_ROLES = ['parks', 'residential', 'population', 'boundaries', 'points'] as const;
export type LayerRole = (typeof LAYER_ROLES)[number];

export const LAYER_ID_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The metadata sent with a layer (top-level members of the body). */
export const layerMetaSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200, 'is longer than 200 characters'),
  role: z.enum(LAYER_ROLES),
  city_id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a city id (lower-case letters, digits and -)')
    .nullable()
    .optional(),
  /** Population: the property holding the number of people (default `population`). */
  field: z.string().min(1).max(100).optional(),
  /** Datum of the coordinates (default wgs84); GCJ-02 and BD-09 are converted. */
  crs: z.enum(CRS_VALUES).optional(),
  /** Parks: the source and geometry quality given to features that do not state their own. */
  source: z.string().trim().min(1).max(500).optional(),
  geometry_quality: z.enum(['surveyed', 'approximate', 'schematic']).optional(),
  /** Parks: the kind given to features without a valid own `kind` (coverage reads only the area). */
  kind: z.enum(GREEN_KINDS).optional(),
});
export type LayerMeta = z.infer<typeof layerMetaSchema>;

export interface LayerProblem {
  feature?: number;
  field: string;
  reason: string;
  /** The reason's code and values (src/core/common/messages.ts), for the app's Chinese. */
  code?: MessageCode;
  params?: MessageParams;
}

export type PublishCheck =
  | { ok: true; meta: LayerMeta; geojson: FeatureCollection; warnings: LayerProblem[] }
  | { ok: false; problems: LayerProblem[] };

function asProblem(p: Problem): LayerProblem {
  const said: Inner = {
    reason: p.reason,
    ...(p.code ? { code: p.code } : {}),
    ...(p.params ? { params: p.params } : {}),
  };
  return {
    ...(p.feature !== undefined ? { feature: p.feature } : {}),
    field: p.field ?? '(value)',
    ...(p.line !== undefined
      ? say('layer_at_line', { ...nest('reason', said), line: p.line, column: p.column ?? 1 })
      : said),
  };
}

/** The body of `PUT /api/layers/:id`: `{name, role, city_id?, ..., geojson}`, or a
 * FeatureCollection carrying name/role/city_id as top-level members. */
export function splitBody(body: unknown): { meta: unknown; geojson: unknown } {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if ('geojson' in b) {
      const { geojson, ...meta } = b;
      return { meta, geojson };
    }
    if (b.type === 'FeatureCollection') {
      // GeoJSON's own `crs` member (a declared projection) stays with the features.
      const { type: _t, features: _f, crs, bbox: _b, ...meta } = b;
      const geojson = { type: 'FeatureCollection', features: b.features };
      return { meta, geojson: crs === undefined ? geojson : { ...geojson, crs } };
    }
  }
  return { meta: body, geojson: undefined };
}

/**
 * Validates a layer for publishing under `id`. `cityIds` are the catalogue's cities (a layer's
 * city_id must be one of them). Parks features keep their own properties when they already
 * follow the green-space schema; otherwise they get the layer's city, name and source.
 */
export function checkLayer(id: string, body: unknown, cityIds: ReadonlySet<string>): PublishCheck {
  const problems: LayerProblem[] = [];
  if (!LAYER_ID_RE.test(id)) {
    problems.push({ field: 'id', ...say('layer_id') });
  }
  const { meta: rawMeta, geojson: rawGeo } = splitBody(body);
  const m = layerMetaSchema.safeParse(rawMeta);
  if (!m.success) {
    for (const e of m.error.issues) {
      problems.push({ field: e.path.map(String).join('.') || '(body)', ...zodSaid(e) });
    }
  }
  if (rawGeo === undefined) problems.push({ field: 'geojson', ...say('layer_missing') });
  if (!m.success || rawGeo === undefined) return { ok: false, problems };
  const meta = m.data;
  const city = meta.city_id ?? null;
  if (meta.role === 'boundaries' && city !== null) {
    problems.push({ field: 'city_id', ...say('layer_city_null') });
  }
  if (meta.role === 'parks' && city === null) {
    problems.push({ field: 'city_id', ...say('layer_city_required') });
  }
  if (city !== null && !cityIds.has(city)) {
    problems.push({ field: 'city_id', ...say('ledger_city_unknown', { city }) });
  }
  if (problems.length) return { ok: false, problems };

  const loaded = loadGeoJson(JSON.stringify(rawGeo), `${id}.geojson`, { crs: meta.crs ?? 'wgs84' });
  if (loaded.fatal || !loaded.features) {
    return { ok: false, problems: loaded.errors.map(asProblem) };
  }
  problems.push(...loaded.errors.map(asProblem));
  const warnings = loaded.warnings.map(asProblem);
  const features = loaded.features.features as Feature[];
  if (features.length === 0) problems.push({ field: 'features', ...say('layer_empty') });
  if (problems.length) return { ok: false, problems };

  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  const out = byRole(id, meta, fc, cityIds);
  if (out.problems.length) return { ok: false, problems: out.problems };
  return { ok: true, meta, geojson: out.geojson, warnings };
}

function byRole(
  id: string,
  meta: LayerMeta,
  fc: FeatureCollection,
  cityIds: ReadonlySet<string>,
): { geojson: FeatureCollection; problems: LayerProblem[] } {
  const file = `${id}.geojson`;
  switch (meta.role) {
    case 'boundaries': {
      const r = validateBoundaries(fc, file);
      return { geojson: r.value ?? fc, problems: r.issues.map(asProblem) };
    }
    case 'residential': {
      const r = validateResidential(fc, file);
      return { geojson: r.value ?? fc, problems: r.issues.map(asProblem) };
    }
    case 'population': {
      const r = validatePopulation(fc, meta.field ?? 'population', file);
      return { geojson: r.value?.features ?? fc, problems: r.issues.map(asProblem) };
    }
    case 'points': {
      const problems: LayerProblem[] = [];
      fc.features.forEach((f, feature) => {
        if (f.geometry?.type !== 'Point' && f.geometry?.type !== 'MultiPoint') {
          problems.push({ feature, field: 'geometry', ...say('layer_not_points') });
        }
      });
      return { geojson: fc, problems };
    }
    case 'parks':
      return parks(id, meta, fc, cityIds);
  }
}

const KINDS = new Set<string>(GREEN_KINDS);

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
}

/** Parks become the green-space features the coverage analytics read (GreenSpaceProps). */
function parks(
  id: string,
  meta: LayerMeta,
  fc: FeatureCollection,
  cityIds: ReadonlySet<string>,
): { geojson: FeatureCollection; problems: LayerProblem[] } {
  const city = meta.city_id as string;
  const problems: LayerProblem[] = [];
  const out: Feature[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f, feature) => {
    const g = areaGeometrySchema.safeParse(f.geometry);
    if (!g.success) {
      for (const e of g.error.issues) {
        const wrongType = e.path.length === 0 || (e.path.length === 1 && e.path[0] === 'type');
        problems.push({
          feature,
          field: wrongType ? 'geometry' : `geometry.${e.path.join('.')}`,
          ...(wrongType ? say('layer_not_polygons') : zodSaid(e)),
        });
      }
      return;
    }
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const own = greenSpacePropsSchema.safeParse(p);
    let props: z.infer<typeof greenSpacePropsSchema>;
    if (own.success) {
      if (own.data.city_id !== city || !cityIds.has(own.data.city_id)) {
        problems.push({
          feature,
          field: 'properties.city_id',
          ...say('layer_city_other', { city: own.data.city_id, layer: city }),
        });
        return;
      }
      props = own.data;
    } else {
      const fid = text(p.id) ?? text(f.id) ?? String(feature + 1);
      const name = text(p.name_zh) ?? text(p.name) ?? text(p.NAME) ?? text(p.name_en) ?? fid;
      // The feature's position makes the id: unique, and a slug whatever the source's ids are.
      const kind = text(p.kind);
      props = {
        id: `${id.replace(/_/g, '-')}-${feature + 1}`,
        name_zh: name,
        name_en: text(p.name_en) ?? name,
        city_id: city,
        kind:
          kind && KINDS.has(kind)
            ? (kind as (typeof GREEN_KINDS)[number])
            : (meta.kind ?? 'comprehensive_park'),
        opened_year: null,
        stated_area_m2: null,
        source: text(p.source) ?? meta.source ?? `published layer ${id} (${meta.name})`,
        confidence: 'stated',
        geometry_quality: meta.geometry_quality ?? 'surveyed',
        note: text(p.note) ?? '',
      };
    }
    if (seen.has(props.id)) {
      problems.push({
        feature,
        field: 'properties.id',
        ...say('layer_duplicate', { id: props.id }),
      });
      return;
    }
    seen.add(props.id);
    out.push({ type: 'Feature', id: props.id, geometry: g.data, properties: props });
  });
  return { geojson: { type: 'FeatureCollection', features: out }, problems };
}
