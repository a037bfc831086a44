/**
 * A ledger row as form text and back: the text is converted as data:check converts CSV cells
 * (blank -> null, numbers parsed with the core's parser) and checked with the core's zod schema,
 * so a form refuses exactly what `npm run data:check` would; errors are per field.
 */
import { say } from '../../../core/common/messages.ts';
import { parseNumber } from '../../../core/common/number.ts';
import { zodSaid } from '../../../core/common/zod-said.ts';
import { INITIATIVE_COLUMNS, type Initiative } from '../../../core/ledger/model.ts';
import { initiativeSchema } from '../../../core/ledger/schemas.ts';
import type { CodedReason } from '../../i18n/reason-in.ts';

export type Column = (typeof INITIATIVE_COLUMNS)[number];
export type FormValues = Record<Column, string>;
/** A field's problem: the English (the schema's and the API's words) and its code for Chinese. */
export type FieldProblem = CodedReason;
export type FieldErrors = Partial<Record<string, FieldProblem>>;

const NUMERIC: ReadonlySet<Column> = new Set([
  'start_year',
  'end_year',
  'investment_cny',
  'lon',
  'lat',
]);

export function toForm(r: Initiative): FormValues {
  const out = {} as FormValues;
  for (const c of INITIATIVE_COLUMNS) {
    const v = r[c];
    out[c] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export function emptyForm(lon: number, lat: number, city_id: string): FormValues {
  const out = {} as FormValues;
  for (const c of INITIATIVE_COLUMNS) out[c] = '';
  return {
    ...out,
    city_id,
    category: 'public_service',
    status: 'planned',
    lon: lon.toFixed(6),
    lat: lat.toFixed(6),
    location_precision: 'approximate',
    confidence: 'stated',
  };
}

/** The form as a row, or the problems by field (the schema's own words). */
export function fromForm(
  v: FormValues,
): { ok: true; row: Initiative } | { ok: false; errors: FieldErrors } {
  const obj: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const c of INITIATIVE_COLUMNS) {
    const s = v[c].trim();
    if (NUMERIC.has(c)) {
      if (s === '') obj[c] = null;
      else {
        const n = parseNumber(s);
        if (n === null) errors[c] = say('cell_not_number', { value: s.slice(0, 40) });
        obj[c] = n;
      }
    } else if (c === 'investment_qualifier') obj[c] = s === '' ? null : s;
    else obj[c] = c === 'description' ? v[c] : s;
  }
  const r = initiativeSchema.safeParse(obj);
  if (!r.success) {
    for (const i of r.error.issues) {
      const f = i.path.map(String).join('.') || '(row)';
      if (!errors[f]) errors[f] = zodSaid(i);
    }
  }
  if (Object.keys(errors).length > 0 || !r.success) return { ok: false, errors };
  return { ok: true, row: r.data };
}

/** The columns of `next` that differ from `prev` (for a PATCH of changed columns only). */
export function changes(prev: Initiative, next: Initiative): Partial<Initiative> {
  const out: Record<string, unknown> = {};
  for (const c of INITIATIVE_COLUMNS) if (prev[c] !== next[c]) out[c] = next[c];
  return out as Partial<Initiative>;
}

export type Choice = 'mine' | 'theirs';

/** What to send after the choice: my other changes, and my value where I keep mine. */
export function resolveConflict(
  c: { mine: Partial<Initiative>; fields: readonly (keyof Initiative)[]; current: Initiative },
  choice: Record<string, Choice>,
): { changes: Partial<Initiative>; dropped: Partial<Initiative> } {
  const changes: Record<string, unknown> = {};
  const dropped: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.mine)) {
    const f = k as keyof Initiative;
    if (!c.fields.includes(f) || choice[f] !== 'theirs') {
      if (c.current[f] !== v) changes[k] = v;
    } else dropped[k] = v;
  }
  return { changes: changes as Partial<Initiative>, dropped: dropped as Partial<Initiative> };
}
