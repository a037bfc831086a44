/**
 * The ledger in the database. Every write runs in one transaction that locks the rows it changes
 * (`select ... for update`), appends to the history, and bumps the ledger's revision; a thrown
 * HttpError rolls everything back. Rows are soft-deleted (kept, with their history).
 */
import type { Initiative } from '../../src/core/ledger/model.ts';
import type { Db, Queryable } from '../db/index.ts';
import { HttpError, isUniqueViolation } from '../http/errors.ts';
import { type FieldValue, mergeFields, type RecordedChange, rowAtVersion } from './merge.ts';
import {
  COLUMNS,
  type Column,
  columnValues,
  initiativeOf,
  type LedgerRow,
  SELECT_COLUMNS,
  toApiRow,
  validateRow,
} from './rows.ts';

export type Action = 'create' | 'update' | 'delete' | 'restore';
export type FieldChanges = Record<string, { from: FieldValue; to: FieldValue }>;

export interface Change {
  at: string;
  by: string;
  action: Action;
  fields: FieldChanges;
  note: string | null;
  batch: string | null;
}

/** Who writes, why, and in which batch. */
export interface WriteContext {
  user: string;
  note?: string | null;
  batch?: string | null;
  /** Bump the ledger revision in the same statement (single-row writes; a batch bumps once). */
  bump?: boolean;
}

export async function revision(db: Queryable): Promise<number> {
  const r = await db.query<{ revision: unknown }>(
    'select revision from ledger_revision where id = 1',
  );
  return Number(r.rows[0]?.revision ?? 0);
}

export async function bumpRevision(q: Queryable): Promise<number> {
  const r = await q.query<{ revision: unknown }>(
    'update ledger_revision set revision = revision + 1 where id = 1 returning revision',
  );
  return Number(r.rows[0]?.revision ?? 0);
}

export async function listRows(db: Queryable): Promise<LedgerRow[]> {
  const r = await db.query(
    `select ${SELECT_COLUMNS} from initiatives where not deleted order by seq`,
  );
  return r.rows.map(toApiRow);
}

export async function getRow(db: Queryable, id: string): Promise<LedgerRow | null> {
  const r = await db.query(
    `select ${SELECT_COLUMNS} from initiatives where id = $1 and not deleted`,
    [id],
  );
  return r.rows[0] ? toApiRow(r.rows[0]) : null;
}

interface Locked {
  row: LedgerRow;
  deleted: boolean;
}

/** Locks rows by id (in id order, so concurrent writers never deadlock). */
export function lockRows(q: Queryable, ids: readonly string[]): Promise<Map<string, Locked>> {
  return selectRows(q, ids, ' for update');
}

/** Rows by id, deleted ones included, without locking them. */
export function readRows(q: Queryable, ids: readonly string[]): Promise<Map<string, Locked>> {
  return selectRows(q, ids, '');
}

async function selectRows(
  q: Queryable,
  ids: readonly string[],
  lock: '' | ' for update',
): Promise<Map<string, Locked>> {
  const out = new Map<string, Locked>();
  if (ids.length === 0) return out;
  const r = await q.query(
    `select ${SELECT_COLUMNS}, deleted from initiatives where id = any($1::text[]) order by id${lock}`,
    [[...new Set(ids)].sort()],
  );
  for (const raw of r.rows) {
    const row = toApiRow(raw);
    out.set(row.id, { row, deleted: raw.deleted === true });
  }
  return out;
}

/** The history entry and (with `ctx.bump`) the revision bump, as CTEs over the written row `u`. */
function historyCtes(ctx: WriteContext, first: number): string {
  const p = (i: number) => `$${first + i}`;
  const bump = ctx.bump
    ? `, r as (update ledger_revision set revision = revision + 1
         where id = 1 and exists (select 1 from u))`
    : '';
  return `, h as (
         insert into initiative_history (initiative_id, version, by_user, action, fields, note, batch)
         select id, version, ${p(0)}, ${p(1)}, ${p(2)}::jsonb, ${p(3)}, ${p(4)} from u
       )${bump}`;
}

/**
 * Inserts a new row (version 1) with its history (one statement); 409 when the id exists
 * (deleted or not).
 */
export async function insertRow(
  q: Queryable,
  row: Initiative,
  ctx: WriteContext,
): Promise<LedgerRow> {
  const values = columnValues(row);
  const fields: FieldChanges = {};
  for (const c of COLUMNS) fields[c] = { from: null, to: values[c] };
  const params: unknown[] = [...COLUMNS.map((c) => values[c]), ctx.user];
  const placeholders = params.map((_, i) => `$${i + 1}`).join(', ');
  const h = historyCtes(ctx, params.length + 1);
  params.push(ctx.user, 'create', JSON.stringify(fields), ctx.note ?? null, ctx.batch ?? null);
  let r: { rows: Record<string, unknown>[] };
  try {
    r = await q.query(
      `with u as (
         insert into initiatives (${COLUMNS.join(', ')}, updated_by) values (${placeholders})
         on conflict (id) do nothing returning ${SELECT_COLUMNS}
       )${h}
       select * from u`,
      params,
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new HttpError(409, `a row with id "${row.id}" already exists`);
    throw e;
  }
  const inserted = r.rows[0];
  if (!inserted) {
    throw new HttpError(
      409,
      `a row with id "${row.id}" already exists (perhaps deleted: restore it)`,
    );
  }
  return toApiRow(inserted);
}

/** The SQL type of each ledger column (for reading rows out of a JSON parameter). */
const SQL_TYPES: Record<Column, string> = {
  id: 'text',
  name_zh: 'text',
  name_en: 'text',
  city_id: 'text',
  category: 'text',
  status: 'text',
  start_year: 'integer',
  end_year: 'integer',
  investment_cny: 'double precision',
  investment_qualifier: 'text',
  lon: 'double precision',
  lat: 'double precision',
  location_precision: 'text',
  source: 'text',
  confidence: 'text',
  description: 'text',
};

/**
 * Inserts many new rows (version 1) with their history in one statement per 1,000 rows, in
 * the given order (a batch's creates); 409 when any id exists by then. No revision bump.
 */
export async function insertRows(
  q: Queryable,
  rows: readonly Initiative[],
  ctx: WriteContext,
): Promise<void> {
  const defs = [...COLUMNS.map((c) => `${c} ${SQL_TYPES[c]}`), 'ord integer', 'fields jsonb'];
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000).map((row, i) => {
      const values = columnValues(row);
      const fields: FieldChanges = {};
      for (const c of COLUMNS) fields[c] = { from: null, to: values[c] };
      return { ...values, ord: i, fields };
    });
    const r = await q.query<{ n: unknown }>(
      `with src as (select * from jsonb_to_recordset($1::jsonb) as x(${defs.join(', ')})),
       u as (
         insert into initiatives (${COLUMNS.join(', ')}, updated_by)
         select ${COLUMNS.join(', ')}, $2 from src order by ord
         on conflict (id) do nothing returning id, version
       ),
       h as (
         insert into initiative_history (initiative_id, version, by_user, action, fields, note, batch)
         select u.id, u.version, $2, 'create', src.fields, $3, $4
         from u join src on src.id = u.id order by src.ord
       )
       select count(*) as n from u`,
      [JSON.stringify(chunk), ctx.user, ctx.note ?? null, ctx.batch ?? null],
    );
    if (Number(r.rows[0]?.n) !== chunk.length) {
      throw new HttpError(
        409,
        'a row of the batch was created by someone else meanwhile; nothing was written',
      );
    }
  }
}

/**
 * Writes changed columns of a row: version + 1, `deleted` as given, its history entry and (with
 * `ctx.bump`) the revision, in one statement. The row is locked by the caller's transaction, or
 * (with `unchangedSince`) the statement writes only if the row is still at `current.version` and
 * not deleted, and answers null when it is not (nothing written).
 */
async function writeRow(
  q: Queryable,
  current: LedgerRow,
  apply: Partial<Record<Column, FieldValue>>,
  action: Action,
  deleted: boolean,
  ctx: WriteContext,
  unchangedSince = false,
): Promise<LedgerRow | null> {
  const cols = Object.keys(apply) as Column[];
  const params: unknown[] = [current.id, ctx.user, deleted];
  const sets = cols.map((c) => {
    params.push(apply[c]);
    return `${c} = $${params.length}`;
  });
  const fields: FieldChanges = {};
  for (const c of cols) fields[c] = { from: current[c] as FieldValue, to: apply[c] ?? null };
  let where = 'id = $1';
  if (unchangedSince) {
    params.push(current.version);
    where += ` and version = $${params.length} and not deleted`;
  }
  const h = historyCtes(ctx, params.length + 1);
  params.push(ctx.user, action, JSON.stringify(fields), ctx.note ?? null, ctx.batch ?? null);
  const r = await q.query(
    `with u as (
       update initiatives set ${[...sets, 'version = version + 1', 'updated_at = now()', 'updated_by = $2', 'deleted = $3'].join(', ')}
       where ${where} returning ${SELECT_COLUMNS}
     )${h}
     select * from u`,
    params,
  );
  return r.rows[0] ? toApiRow(r.rows[0]) : null;
}

async function changesSince(q: Queryable, id: string, version: number): Promise<RecordedChange[]> {
  const r = await q.query<{ version: unknown; fields: unknown }>(
    'select version, fields from initiative_history where initiative_id = $1 and version > $2 order by seq',
    [id, version],
  );
  return r.rows.map((h) => ({
    version: Number(h.version),
    fields: (typeof h.fields === 'string'
      ? JSON.parse(h.fields)
      : h.fields) as RecordedChange['fields'],
  }));
}

export interface MergeOutcome {
  apply: Partial<Record<Column, FieldValue>>;
  conflicts: string[];
}

/**
 * The client's changes (made on `baseVersion`) merged into the row now, per field: changes
 * since then by others land too; a field both changed is a conflict.
 */
export async function mergeOnto(
  q: Queryable,
  current: LedgerRow,
  baseVersion: number,
  mine: Partial<Record<Column, FieldValue>>,
): Promise<MergeOutcome> {
  const theirs = columnValues(current);
  if (baseVersion > current.version) {
    return { apply: {}, conflicts: Object.keys(mine).sort() };
  }
  // Changes newer than `current` (written since it was read) are not undone: it never held them.
  const base =
    baseVersion === current.version
      ? theirs
      : rowAtVersion(
          theirs,
          baseVersion,
          (await changesSince(q, current.id, baseVersion)).filter(
            (c) => c.version <= current.version,
          ),
        );
  const { apply, conflicts } = mergeFields(base, theirs, mine);
  return { apply: apply as Partial<Record<Column, FieldValue>>, conflicts };
}

/** Checks the row the merge makes; 422 with field errors when it breaks a rule. */
export function checkMerged(current: LedgerRow, apply: Partial<Record<Column, FieldValue>>): void {
  const merged = validateRow({ ...columnValues(current), ...apply });
  if (!merged.ok) {
    throw new HttpError(422, 'the row would not be valid', { errors: merged.errors });
  }
}

function written(row: LedgerRow | null, id: string): LedgerRow {
  if (!row) throw new Error(`the locked row "${id}" was not written`);
  return row;
}

/** Writes changed columns of a row the caller's transaction has locked. */
export async function updateRow(
  q: Queryable,
  current: LedgerRow,
  apply: Partial<Record<Column, FieldValue>>,
  ctx: WriteContext,
  action: Action = 'update',
): Promise<LedgerRow> {
  return written(await writeRow(q, current, apply, action, false, ctx), current.id);
}

export async function softDelete(
  q: Queryable,
  current: LedgerRow,
  ctx: WriteContext,
): Promise<LedgerRow> {
  return written(await writeRow(q, current, {}, 'delete', true, ctx), current.id);
}

/** What a PATCH asks, made against the row as it is now: the changes, or an HttpError thrown. */
export type PatchPlan = (
  current: LedgerRow,
  /** Where to read more (e.g. the history): the database, or the locking transaction. */
  q: Queryable,
) => Promise<{ apply: Partial<Record<Column, FieldValue>>; note: string | null }>;

/** Optimistic tries before falling back to a transaction that locks the row. */
const OPTIMISTIC_TRIES = 4;

/**
 * One PATCH: read the row, plan the change against it (parse, merge, check), then write it in
 * one statement that only lands if the row is still at the version read (its own transaction:
 * the row, its history entry and the revision together). When another write landed in between,
 * it reads and plans again; after a few such losses it locks the row in a transaction instead
 * (always ends). Two round trips instead of four (begin, lock, write, commit), and the revision
 * row is held only for the one statement.
 */
export async function patchRow(
  db: Db,
  id: string,
  plan: PatchPlan,
  user: string,
): Promise<LedgerRow> {
  const once = async (q: Queryable, current: Locked | undefined, optimistic: boolean) => {
    if (!current || current.deleted) throw new HttpError(404, `no row with id "${id}"`);
    const { apply, note } = await plan(current.row, q);
    if (Object.keys(apply).length === 0) return current.row;
    checkMerged(current.row, apply);
    const ctx = { user, note, bump: true };
    return writeRow(q, current.row, apply, 'update', false, ctx, optimistic);
  };
  for (let i = 0; i < OPTIMISTIC_TRIES; i++) {
    const row = await once(db, (await readRows(db, [id])).get(id), true);
    if (row) return row;
  }
  return db.tx(async (q) => written(await once(q, (await lockRows(q, [id])).get(id), false), id));
}

export async function history(db: Queryable, id: string): Promise<Change[] | null> {
  const r = await db.query<Record<string, unknown>>(
    `select at, by_user, action, fields, note, batch from initiative_history
     where initiative_id = $1 order by seq`,
    [id],
  );
  if (r.rows.length === 0) {
    const exists = await db.query('select 1 from initiatives where id = $1', [id]);
    return exists.rows.length ? [] : null;
  }
  return r.rows.map((h) => ({
    at: h.at instanceof Date ? h.at.toISOString() : String(h.at),
    by: String(h.by_user),
    action: h.action as Action,
    fields: (typeof h.fields === 'string' ? JSON.parse(h.fields) : h.fields) as FieldChanges,
    note: (h.note as string | null) ?? null,
    batch: (h.batch as string | null) ?? null,
  }));
}

/**
 * Runs one write: a transaction that bumps the revision at its end when `fn` says so (`wrote`);
 * single-row writes bump inside their own statement instead (`ctx.bump`) and say false.
 */
export async function write<T>(
  db: Db,
  fn: (q: Queryable) => Promise<{ value: T; wrote: boolean }>,
) {
  return db.tx(async (q) => {
    const out = await fn(q);
    if (out.wrote) await bumpRevision(q);
    return out.value;
  });
}

export { initiativeOf };
