/**
 * Ledger rows as the API sends and receives them: the ledger's columns (model.ts) plus `version`,
 * `updated_at` and `updated_by`. Input is validated with the same schema as `data:check`
 * (initiativeSchema); fields the server keeps (version, updated_*, deleted, history) are never
 * taken from a client.
 */

import { say } from '../../src/core/common/messages.ts';
import { zodSaid } from '../../src/core/common/zod-said.ts';
import { INITIATIVE_COLUMNS, type Initiative } from '../../src/core/ledger/model.ts';
import { initiativeSchema } from '../../src/core/ledger/schemas.ts';
import type { FieldError } from '../http/errors.ts';
import type { FieldValue } from './merge.ts';

export type Column = (typeof INITIATIVE_COLUMNS)[number];
export const COLUMNS: readonly Column[] = INITIATIVE_COLUMNS;
const COLUMN_SET = new Set<string>(COLUMNS);

export interface LedgerRow extends Initiative {
  version: number;
  updated_at: string;
  updated_by: string;
}

/** Fields the server keeps: a client's value is ignored (a version is only ever a precondition). */
export const SERVER_FIELDS = new Set(['version', 'updated_at', 'updated_by']);
/** Fields a client may never send: refused with 422 (they are changed only by their own routes). */
export const FORBIDDEN_FIELDS = new Set(['deleted', 'history', 'seq']);

/** Columns with their defaults when a new row leaves them out. */
const DEFAULTS: Partial<Record<Column, FieldValue>> = {
  start_year: null,
  end_year: null,
  investment_cny: null,
  investment_qualifier: null,
  description: '',
};

export const SELECT_COLUMNS = `${COLUMNS.join(', ')}, version, updated_at, updated_by`;

/** A database row (any driver) as the API's JSON row. */
export function toApiRow(r: Record<string, unknown>): LedgerRow {
  const out: Record<string, unknown> = {};
  for (const c of COLUMNS) out[c] = r[c] ?? null;
  out.description = r.description ?? '';
  out.version = Number(r.version);
  const at = r.updated_at;
  out.updated_at = at instanceof Date ? at.toISOString() : String(at);
  out.updated_by = String(r.updated_by ?? '');
  return out as unknown as LedgerRow;
}

export function columnValues(row: Initiative): Record<Column, FieldValue> {
  const out = {} as Record<Column, FieldValue>;
  for (const c of COLUMNS) out[c] = row[c] as FieldValue;
  return out;
}

function zodErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string; params?: unknown }[],
): FieldError[] {
  return issues.map((i) => ({
    field: i.path.length ? i.path.map(String).join('.') : '(row)',
    ...zodSaid(i),
  }));
}

/** The columns an object sends: unknown and forbidden fields are errors, server fields dropped. */
function pickColumns(
  body: unknown,
): { fields: Partial<Record<Column, unknown>>; errors: FieldError[] } | { notObject: true } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { notObject: true };
  const fields: Partial<Record<Column, unknown>> = {};
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (COLUMN_SET.has(k)) fields[k as Column] = v;
    else if (FORBIDDEN_FIELDS.has(k)) errors.push({ field: k, ...say('server_field_kept') });
    else if (!SERVER_FIELDS.has(k) && k !== 'note')
      errors.push({ field: k, ...say('server_not_column') });
  }
  return { fields, errors };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** A whole new row (POST, batch upsert): validated like a data/initiatives.csv row. */
export function parseNewRow(body: unknown): Parsed<Initiative> {
  const picked = pickColumns(body);
  if ('notObject' in picked)
    return { ok: false, errors: [{ field: '(row)', ...say('server_not_object') }] };
  const candidate: Record<string, unknown> = { ...picked.fields };
  for (const [k, v] of Object.entries(DEFAULTS)) if (candidate[k] === undefined) candidate[k] = v;
  const r = initiativeSchema.safeParse(candidate);
  const errors = [...picked.errors, ...(r.success ? [] : zodErrors(r.error.issues))];
  if (errors.length || !r.success) return { ok: false, errors };
  return { ok: true, value: r.data };
}

/**
 * A PATCH body over the row now: the changed columns as the schema normalises them (e.g. trimmed
 * text), checked on the row they would make. `note` is taken apart.
 */
export function parsePatch(
  body: unknown,
  current: Initiative,
): Parsed<{ changes: Partial<Record<Column, FieldValue>>; note: string | null }> {
  const picked = pickColumns(body);
  if ('notObject' in picked)
    return { ok: false, errors: [{ field: '(body)', ...say('server_not_object') }] };
  const errors = [...picked.errors];
  const rawNote = (body as Record<string, unknown>).note;
  let note: string | null = null;
  if (rawNote !== undefined && rawNote !== null) {
    if (typeof rawNote !== 'string') errors.push({ field: 'note', ...say('server_must_be_text') });
    else if (rawNote.length > 4000)
      errors.push({ field: 'note', ...say('server_note_long', { max: 4000 }) });
    else note = rawNote;
  }
  if (picked.fields.id !== undefined && picked.fields.id !== current.id) {
    errors.push({
      field: 'id',
      ...say('server_id_fixed'),
    });
  }
  const checked = validateRow({ ...current, ...picked.fields });
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length || !checked.ok) return { ok: false, errors };
  const changes: Partial<Record<Column, FieldValue>> = {};
  for (const k of Object.keys(picked.fields) as Column[]) {
    if (k !== 'id') changes[k] = checked.value[k] as FieldValue;
  }
  return { ok: true, value: { changes, note } };
}

/** A complete row checked with the ledger schema. */
export function validateRow(row: Record<string, unknown>): Parsed<Initiative> {
  const r = initiativeSchema.safeParse(row);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: zodErrors(r.error.issues) };
}

/** The ledger columns of an API row (for merging and validation). */
export function initiativeOf(row: LedgerRow): Initiative {
  const out: Record<string, unknown> = {};
  for (const c of COLUMNS) out[c] = row[c];
  return out as unknown as Initiative;
}
