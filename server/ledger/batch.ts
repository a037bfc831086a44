/**
 * POST /api/initiatives/batch: upserts and deletes, all or nothing in one transaction. Every row
 * is checked first (422 with per-row errors, nothing written); then, with the rows locked, an
 * upsert of an existing id is merged per field from the `version` its preview saw (a field both
 * changed: 409 per row); any error rolls the whole batch back. History entries carry the batch id.
 */
import { say } from '../../src/core/common/messages.ts';
import type { Initiative } from '../../src/core/ledger/model.ts';
import type { Db } from '../db/index.ts';
import { type FieldError, HttpError } from '../http/errors.ts';
import type { FieldValue } from './merge.ts';
import { type Column, columnValues, parseNewRow, validateRow } from './rows.ts';
import { insertRows, lockRows, mergeOnto, softDelete, updateRow, write } from './store.ts';

export interface BatchResult {
  created: number;
  updated: number;
  deleted: number;
  batch: string;
}

interface Upsert {
  row: Initiative;
  version: number | null;
  index: number;
}

const MAX_ROWS = 100_000;

function parseBody(body: unknown): { upserts: Upsert[]; deletes: string[]; note: string | null } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(422, 'the batch must be an object {"upserts":[row],"deletes":[id],"note"}');
  }
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const k of Object.keys(b)) {
    if (!['upserts', 'deletes', 'note'].includes(k))
      errors.push({ field: k, ...say('server_not_in_batch') });
  }
  const rawUpserts = b.upserts ?? [];
  const rawDeletes = b.deletes ?? [];
  if (!Array.isArray(rawUpserts)) errors.push({ field: 'upserts', ...say('server_upserts_list') });
  if (!Array.isArray(rawDeletes)) errors.push({ field: 'deletes', ...say('server_deletes_list') });
  if (b.note !== undefined && b.note !== null && typeof b.note !== 'string') {
    errors.push({ field: 'note', ...say('server_must_be_text') });
  }
  if (errors.length) throw new HttpError(422, 'the batch is not valid', { errors });
  const ups = rawUpserts as unknown[];
  const dels = rawDeletes as unknown[];
  if (ups.length + dels.length > MAX_ROWS) {
    throw new HttpError(422, `a batch holds at most ${MAX_ROWS} rows`);
  }
  const upserts: Upsert[] = [];
  const seen = new Set<string>();
  ups.forEach((raw, index) => {
    const parsed = parseNewRow(raw);
    const rawVersion = (raw as { version?: unknown } | null)?.version;
    const id =
      typeof (raw as { id?: unknown } | null)?.id === 'string'
        ? (raw as { id: string }).id
        : undefined;
    const at = { list: 'upserts' as const, row: index, ...(id ? { id } : {}) };
    if (!parsed.ok) {
      for (const e of parsed.errors) errors.push({ ...at, ...e });
      return;
    }
    let version: number | null = null;
    if (rawVersion !== undefined && rawVersion !== null) {
      if (typeof rawVersion !== 'number' || !Number.isInteger(rawVersion) || rawVersion < 1) {
        errors.push({
          ...at,
          field: 'version',
          ...say('server_batch_version'),
        });
        return;
      }
      version = rawVersion;
    }
    if (seen.has(parsed.value.id)) {
      errors.push({ ...at, field: 'id', ...say('server_batch_twice') });
      return;
    }
    seen.add(parsed.value.id);
    upserts.push({ row: parsed.value, version, index });
  });
  const deletes: string[] = [];
  dels.forEach((id, index) => {
    const at = { list: 'deletes' as const, row: index };
    if (typeof id !== 'string' || id === '')
      errors.push({ ...at, field: 'id', ...say('server_batch_id') });
    else if (seen.has(id)) errors.push({ ...at, id, field: 'id', ...say('server_batch_both') });
    else {
      seen.add(id);
      deletes.push(id);
    }
  });
  if (errors.length)
    throw new HttpError(422, 'some rows of the batch are not valid; nothing was written', {
      errors,
    });
  return { upserts, deletes, note: typeof b.note === 'string' ? b.note : null };
}

export async function runBatch(
  db: Db,
  body: unknown,
  user: string,
  batch: string,
): Promise<BatchResult> {
  const { upserts, deletes, note } = parseBody(body);
  const ctx = { user, note, batch };
  return write(db, async (q) => {
    const locked = await lockRows(q, [...upserts.map((u) => u.row.id), ...deletes]);
    const conflicts: (FieldError & { conflicts?: string[] })[] = [];
    const invalid: FieldError[] = [];
    const plan: (() => Promise<unknown>)[] = [];
    const creates: Initiative[] = [];
    let created = 0;
    let updated = 0;
    let deleted = 0;
    for (const u of upserts) {
      const at = { list: 'upserts' as const, row: u.index, id: u.row.id };
      const existing = locked.get(u.row.id);
      if (!existing) {
        creates.push(u.row);
        created++;
        continue;
      }
      const mine = columnValues(u.row) as Partial<Record<Column, FieldValue>>;
      delete mine.id;
      if (existing.deleted) {
        // A deleted row brought back by the import: restored with the batch's values.
        const apply: Partial<Record<Column, FieldValue>> = {};
        for (const [k, v] of Object.entries(mine) as [Column, FieldValue][]) {
          if (existing.row[k] !== v) apply[k] = v;
        }
        plan.push(() => updateRow(q, existing.row, apply, ctx, 'restore'));
        updated++;
        continue;
      }
      if (u.version === null) {
        conflicts.push({
          ...at,
          field: 'id',
          ...say('server_batch_exists'),
        });
        continue;
      }
      const m = await mergeOnto(q, existing.row, u.version, mine);
      if (m.conflicts.length) {
        conflicts.push({
          ...at,
          field: m.conflicts.join(', '),
          ...say('server_batch_changed'),
          conflicts: m.conflicts,
        });
        continue;
      }
      if (Object.keys(m.apply).length === 0) continue;
      const merged = validateRow({ ...columnValues(existing.row), ...m.apply });
      if (!merged.ok) {
        for (const e of merged.errors) invalid.push({ ...at, ...e });
        continue;
      }
      plan.push(() => updateRow(q, existing.row, m.apply, ctx));
      updated++;
    }
    deletes.forEach((id, index) => {
      const existing = locked.get(id);
      const at = { list: 'deletes' as const, row: index, id, field: 'id' };
      if (!existing) invalid.push({ ...at, ...say('server_no_such_row') });
      else if (existing.deleted) conflicts.push({ ...at, ...say('server_already_deleted') });
      else {
        plan.push(() => softDelete(q, existing.row, ctx));
        deleted++;
      }
    });
    if (conflicts.length) {
      throw new HttpError(409, 'some rows changed since the preview; nothing was written', {
        errors: [...conflicts, ...invalid],
      });
    }
    if (invalid.length)
      throw new HttpError(422, 'some rows of the batch are not valid; nothing was written', {
        errors: invalid,
      });
    await insertRows(q, creates, ctx);
    for (const step of plan) await step();
    return { value: { created, updated, deleted, batch }, wrote: plan.length + creates.length > 0 };
  });
}
