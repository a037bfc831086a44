/**
 * Server rows -> the app's Initiative, checked with the same schema as data:check. A row the
 * schema refuses is left out and reported (naming its id and field), never shown half-read.
 */
import { nest, nestList, type Said, say } from '../../core/common/messages.ts';
import { zodSaid } from '../../core/common/zod-said.ts';
import { INITIATIVE_COLUMNS, type Initiative } from '../../core/ledger/model.ts';
import { initiativeSchema } from '../../core/ledger/schemas.ts';

export interface RowMeta {
  version: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface ReadRows {
  rows: Initiative[];
  meta: Map<string, RowMeta>;
  /** Why rows were left out: English `reason` ("tz-1: lat is out of range ..."), coded. */
  problems: Said[];
}

/** The ledger's own columns of a server row (version and the rest dropped). */
export function ledgerColumns(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of INITIATIVE_COLUMNS) out[c] = raw[c] ?? (c === 'description' ? '' : null);
  return out;
}

export function metaOf(raw: Record<string, unknown>): RowMeta {
  const v = Number(raw.version);
  return {
    version: Number.isInteger(v) ? v : 0,
    updated_at: typeof raw.updated_at === 'string' ? raw.updated_at : null,
    updated_by: typeof raw.updated_by === 'string' ? raw.updated_by : null,
  };
}

/** One server row, or the reasons it is refused. */
export function readRow(
  raw: unknown,
): { ok: true; row: Initiative; meta: RowMeta } | { ok: false; problem: Said } {
  if (!raw || typeof raw !== 'object') return { ok: false, problem: say('api_row_not_object') };
  const r = raw as Record<string, unknown>;
  const parsed = initiativeSchema.safeParse(ledgerColumns(r));
  if (!parsed.success) {
    const id = typeof r.id === 'string' ? r.id : '?';
    const why = parsed.error.issues.map((i) =>
      say('api_row_field', {
        field: i.path.map(String).join('.') || '(row)',
        ...nest('reason', zodSaid(i)),
      }),
    );
    return { ok: false, problem: say('api_row_refused', { id, ...nestList('why', why, '; ') }) };
  }
  return { ok: true, row: parsed.data, meta: metaOf(r) };
}

export function readRows(items: readonly unknown[]): ReadRows {
  const rows: Initiative[] = [];
  const meta = new Map<string, RowMeta>();
  const problems: Said[] = [];
  for (const item of items) {
    const r = readRow(item);
    if (!r.ok) {
      problems.push(r.problem);
      continue;
    }
    rows.push(r.row);
    meta.set(r.row.id, r.meta);
  }
  return { rows, meta, problems };
}

/** The columns whose values differ between two rows (numbers and null compared exactly). */
export function changedColumns(a: Initiative, b: Initiative): (keyof Initiative)[] {
  return INITIATIVE_COLUMNS.filter((c) => a[c] !== b[c]);
}
