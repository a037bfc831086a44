/**
 * A ledger file imported as an update of the current ledger: which rows are new, which changed
 * (and which of their columns), which are unchanged and which current rows the file does not have.
 * Rows are matched by id; values are compared exactly (numbers as numbers, null as null).
 */
import { INITIATIVE_COLUMNS, type Initiative } from './model.ts';

export type Column = (typeof INITIATIVE_COLUMNS)[number];

export interface ChangedRow {
  id: string;
  before: Initiative;
  after: Initiative;
  /** The columns whose values differ, in the ledger's column order. */
  fields: Column[];
}

export interface LedgerDiff {
  added: Initiative[];
  changed: ChangedRow[];
  unchanged: Initiative[];
  /** Current rows absent from the file (a batch deletes them only when asked to). */
  missing: Initiative[];
}

/** The columns whose values differ between two rows. */
export function rowChanges(a: Initiative, b: Initiative): Column[] {
  return INITIATIVE_COLUMNS.filter((c) => a[c] !== b[c]);
}

export function diffLedger(
  current: readonly Initiative[],
  incoming: readonly Initiative[],
): LedgerDiff {
  const byId = new Map(current.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const out: LedgerDiff = { added: [], changed: [], unchanged: [], missing: [] };
  for (const row of incoming) {
    seen.add(row.id);
    const before = byId.get(row.id);
    if (!before) {
      out.added.push(row);
      continue;
    }
    const fields = rowChanges(before, row);
    if (fields.length === 0) out.unchanged.push(row);
    else out.changed.push({ id: row.id, before, after: row, fields });
  }
  for (const r of current) if (!seen.has(r.id)) out.missing.push(r);
  return out;
}
