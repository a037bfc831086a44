/**
 * Validation of the data/ files. Never throws on bad content: every problem becomes a DataIssue
 * naming the file, the row (CSV, 1-based data row) or feature (0-based index in `features`), and
 * the field; bad rows and features are skipped and the good ones kept.
 */
import type { Feature, FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import type { z } from 'zod';
import { type Said, say } from '../common/messages.ts';
import { parseNumber, toNumber } from '../common/number.ts';
import { formatProblem, type Problem } from '../common/problem.ts';
import { zodSaid } from '../common/zod-said.ts';
import type { BoundaryCollection, GreenCollection } from './model.ts';
import {
  type BoundaryProps,
  type Catalog,
  type GreenSpaceProps,
  INITIATIVE_COLUMNS,
  type Initiative,
} from './model.ts';
import {
  areaGeometrySchema,
  boundaryPropsSchema,
  catalogSchema,
  greenSpacePropsSchema,
  initiativeSchema,
} from './schemas.ts';

/**
 * A problem in a data/ file: the one problem type (common/problem.ts) with the file and field
 * required; `row` is the 1-based data row of a CSV file, `feature` the 0-based index in `features`.
 */
export type DataIssue = Problem & { file: string; field: string; id?: string };

export interface Validated<T> {
  /** null when the file as a whole is unusable (wrong structure, missing columns). */
  value: T | null;
  issues: DataIssue[];
}

export interface RefContext {
  /** Known city ids (from the catalogue); rows naming another city are reported. */
  cityIds?: ReadonlySet<string>;
}

/** The ledger's columns (one list, in model.ts). */
export const INITIATIVE_FIELDS = INITIATIVE_COLUMNS;

const NUMERIC = new Set(['start_year', 'end_year', 'investment_cny', 'lon', 'lat']);
const REQUIRED_NUMERIC = new Set(['lon', 'lat']);

/** The issue as text (formatProblem); a data/ CSV row N is on line N + 1 (after the header). */
export function formatIssue(i: DataIssue): string {
  return formatProblem(locateIssue(i));
}

/** A data file's issue with its text line (the data row + 1, for the header) when not given. */
export function locateIssue(i: DataIssue): DataIssue {
  return i.row !== undefined && i.line === undefined ? { ...i, line: i.row + 1 } : i;
}

function zodIssues(
  error: z.ZodError,
  base: Omit<DataIssue, 'field' | 'reason'>,
  prefix = '',
): DataIssue[] {
  return error.issues.map((e) => ({
    ...base,
    field: prefix + (e.path.length ? e.path.map(String).join('.') : '(value)'),
    ...zodSaid(e),
  }));
}

function cell(raw: string | undefined, field: string): { value: unknown; error?: Said } {
  const s = (raw ?? '').trim();
  if (!NUMERIC.has(field)) return { value: s };
  if (s === '')
    return REQUIRED_NUMERIC.has(field)
      ? { value: null, error: say('cell_blank') }
      : { value: null };
  const n = parseNumber(s);
  return n === null
    ? { value: null, error: say('cell_not_number', { value: s.slice(0, 40) }) }
    : { value: n };
}

/** Parses and validates data/initiatives.csv (or a city's replacement). */
export function parseInitiativesCsv(
  text: string,
  ctx: RefContext = {},
  file = 'initiatives.csv',
): { rows: Initiative[]; rowNumbers: number[]; issues: DataIssue[]; fatal: boolean } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const issues: DataIssue[] = [];
  const header = parsed.meta.fields ?? [];
  const missing = INITIATIVE_FIELDS.filter((f) => !header.includes(f));
  if (missing.length) {
    return {
      rows: [],
      rowNumbers: [],
      fatal: true,
      issues: missing.map((f) => ({ file, field: f, ...say('ledger_column_missing') })),
    };
  }
  for (const e of parsed.errors) {
    if (e.type === 'FieldMismatch' && e.row !== undefined) continue; // reported per row below
    issues.push({
      file,
      row: e.row !== undefined ? e.row + 1 : undefined,
      field: '(csv)',
      reason: e.message,
    });
  }
  const rows: Initiative[] = [];
  const rowNumbers: number[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((raw, i) => {
    const row = i + 1;
    const id = (raw.id ?? '').trim() || undefined;
    const base = { file, row, id };
    const extra = (raw as Record<string, unknown>).__parsed_extra;
    if (Array.isArray(extra) && extra.length) {
      issues.push({
        ...base,
        field: '(row)',
        ...say('ledger_cells_too_many', { count: extra.length }),
      });
      return;
    }
    const obj: Record<string, unknown> = {};
    const cellIssues: DataIssue[] = [];
    for (const f of INITIATIVE_FIELDS) {
      const c = cell(raw[f], f);
      if (c.error) cellIssues.push({ ...base, field: f, ...c.error });
      obj[f] = c.value;
    }
    if (cellIssues.length) {
      issues.push(...cellIssues);
      return;
    }
    const r = initiativeSchema.safeParse(obj);
    if (!r.success) {
      issues.push(...zodIssues(r.error, base));
      return;
    }
    if (ctx.cityIds && !ctx.cityIds.has(r.data.city_id)) {
      issues.push({
        ...base,
        field: 'city_id',
        ...say('ledger_city_unknown', { city: r.data.city_id }),
      });
      return;
    }
    if (seen.has(r.data.id)) {
      issues.push({ ...base, field: 'id', ...say('ledger_duplicate_row') });
      return;
    }
    seen.add(r.data.id);
    rows.push(r.data);
    rowNumbers.push(row);
  });
  return { rows, rowNumbers, issues, fatal: false };
}

function validateCollection<P>(
  json: unknown,
  file: string,
  props: z.ZodType<P>,
  ctx: RefContext,
  cityField: keyof P | null,
): Validated<FeatureCollection<z.infer<typeof areaGeometrySchema>, P>> {
  const fc = json as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc?.type !== 'FeatureCollection') {
    return {
      value: null,
      issues: [{ file, field: 'type', ...say('ledger_not_collection') }],
    };
  }
  if (!Array.isArray(fc.features)) {
    return { value: null, issues: [{ file, field: 'features', ...say('ledger_not_array') }] };
  }
  const issues: DataIssue[] = [];
  const features: Feature<z.infer<typeof areaGeometrySchema>, P>[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f: unknown, feature) => {
    const feat = f as { type?: unknown; geometry?: unknown; properties?: unknown };
    const rawId = (feat?.properties as { id?: unknown } | null)?.id;
    const base = { file, feature, id: typeof rawId === 'string' ? rawId : undefined };
    if (feat?.type !== 'Feature') {
      issues.push({ ...base, field: 'type', ...say('ledger_not_feature') });
      return;
    }
    const p = props.safeParse(feat.properties);
    const g = areaGeometrySchema.safeParse(feat.geometry);
    if (!p.success) issues.push(...zodIssues(p.error, base, 'properties.'));
    if (!g.success) issues.push(...zodIssues(g.error, base, 'geometry.'));
    if (!p.success || !g.success) return;
    const id = String((p.data as { id: string }).id);
    if (cityField && ctx.cityIds) {
      const city = String(p.data[cityField]);
      if (!ctx.cityIds.has(city)) {
        issues.push({
          ...base,
          field: `properties.${String(cityField)}`,
          ...say('ledger_city_unknown', { city }),
        });
        return;
      }
    }
    if (seen.has(id)) {
      issues.push({ ...base, field: 'properties.id', ...say('ledger_duplicate_feature') });
      return;
    }
    seen.add(id);
    features.push({ type: 'Feature', id, geometry: g.data, properties: p.data });
  });
  return { value: { type: 'FeatureCollection', features }, issues };
}

export function validateBoundaries(
  json: unknown,
  file = 'boundaries.geojson',
): Validated<BoundaryCollection> {
  return validateCollection<BoundaryProps>(json, file, boundaryPropsSchema, {}, null);
}

export function validateGreenSpace(
  json: unknown,
  ctx: RefContext = {},
  file = 'green_space.geojson',
): Validated<GreenCollection> {
  return validateCollection<GreenSpaceProps>(json, file, greenSpacePropsSchema, ctx, 'city_id');
}

export function validateCatalog(json: unknown, file = 'catalog.json'): Validated<Catalog> {
  const r = catalogSchema.safeParse(json);
  if (!r.success) return { value: null, issues: zodIssues(r.error, { file }) };
  const issues: DataIssue[] = [];
  const programmes = new Set(r.data.programmes.map((p) => p.id));
  const cityIds = new Set<string>();
  r.data.cities.forEach((c, i) => {
    if (!programmes.has(c.programme_id)) {
      issues.push({
        file,
        id: c.id,
        field: `cities.${i}.programme_id`,
        ...say('ledger_programme_unknown', { programme: c.programme_id }),
      });
    }
    if (cityIds.has(c.id))
      issues.push({ file, id: c.id, field: `cities.${i}.id`, ...say('ledger_duplicate') });
    cityIds.add(c.id);
  });
  return { value: r.data, issues };
}

export type PopulationLayer =
  | { kind: 'polygons'; field: string; features: FeatureCollection }
  | { kind: 'points'; field: string; features: FeatureCollection };

/** An optional residential-land layer: polygons only; other features are reported and skipped. */
export function validateResidential(json: unknown, file: string): Validated<FeatureCollection> {
  return validatePlain(json, file, (f) =>
    f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'
      ? null
      : { field: 'geometry', ...say('ledger_not_polygon') },
  );
}

/** An optional population layer: all polygons or all points, each with a number ≥ 0 in `field`. */
export function validatePopulation(
  json: unknown,
  field: string,
  file: string,
): Validated<PopulationLayer> {
  const r = validatePlain(json, file, (f) => {
    const v = (f.properties as Record<string, unknown> | null)?.[field];
    const n = toNumber(v);
    if (n === null || n < 0) {
      return { field: `properties.${field}`, ...say('ledger_not_count') };
    }
    const t = f.geometry?.type;
    return t === 'Point' || t === 'Polygon' || t === 'MultiPolygon'
      ? null
      : { field: 'geometry', ...say('ledger_not_point_or_polygon') };
  });
  if (!r.value) return { value: null, issues: r.issues };
  const points = r.value.features.every((f) => f.geometry?.type === 'Point');
  const polygons = r.value.features.every((f) => f.geometry?.type !== 'Point');
  if (!points && !polygons) {
    return {
      value: null,
      issues: [...r.issues, { file, field: 'geometry', ...say('ledger_mixed') }],
    };
  }
  return {
    value: { kind: points ? 'points' : 'polygons', field, features: r.value },
    issues: r.issues,
  };
}

function validatePlain(
  json: unknown,
  file: string,
  check: (f: Feature) => Omit<DataIssue, 'file'> | null,
): Validated<FeatureCollection> {
  const fc = json as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return {
      value: null,
      issues: [{ file, field: 'type', ...say('ledger_not_collection') }],
    };
  }
  const issues: DataIssue[] = [];
  const features: Feature[] = [];
  (fc.features as Feature[]).forEach((f, feature) => {
    const problem =
      f?.type === 'Feature' ? check(f) : { field: 'type', ...say('ledger_not_feature') };
    if (problem) issues.push({ file, feature, ...problem });
    else features.push(f);
  });
  return { value: { type: 'FeatureCollection', features }, issues };
}
