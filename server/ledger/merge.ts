/**
 * The per-field three-way merge of a stale edit (pure: no I/O).
 *
 * A client edits from the row as it was at some version (the base). Meanwhile others may have
 * changed the row (theirs = the row now). For every field the client sends (mine):
 * - the same value as theirs: nothing to write, no conflict (both made the same change, or none);
 * - theirs still equals the base: nobody else touched it, the client's value is applied;
 * - mine equals the base: the client did not change it, theirs stays;
 * - otherwise both changed it differently: a conflict.
 * Fields the client does not send keep theirs. Whole-row merges (uMap) or rejecting any stale
 * version (OpenStreetMap) would lose or refuse edits that do not overlap.
 */

export type FieldValue = string | number | boolean | null;
export type Fields = Readonly<Record<string, FieldValue | undefined>>;

/** One recorded change of a row: the fields it changed with their values before and after. */
export interface RecordedChange {
  /** The row's version after this change. */
  version: number;
  fields: Readonly<Record<string, { from: unknown; to: unknown }>>;
}

export interface MergeResult {
  /** The fields to write (those of `mine` that change the row and do not conflict). */
  apply: Record<string, FieldValue>;
  /** Fields both the client and someone else changed, to different values; sorted. */
  conflicts: string[];
}

/** Equality of stored field values: strings and numbers exactly; null and undefined alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return Object.is(a, b) || a === b;
}

export function mergeFields(base: Fields, theirs: Fields, mine: Fields): MergeResult {
  const apply: Record<string, FieldValue> = {};
  const conflicts: string[] = [];
  for (const key of Object.keys(mine)) {
    const m = mine[key];
    if (m === undefined) continue;
    const t = theirs[key];
    if (sameValue(m, t)) continue;
    if (sameValue(base[key], t)) apply[key] = m;
    else if (sameValue(m, base[key])) continue;
    else conflicts.push(key);
  }
  conflicts.sort();
  return { apply, conflicts };
}

/**
 * The row as it was at `version`, rebuilt from the row now and the changes recorded after that
 * version (any order): each field takes the `from` of the earliest later change that touched it.
 */
export function rowAtVersion(
  current: Fields,
  version: number,
  changes: readonly RecordedChange[],
): Record<string, FieldValue | undefined> {
  const base: Record<string, FieldValue | undefined> = { ...current };
  const later = changes.filter((c) => c.version > version).sort((a, b) => b.version - a.version);
  for (const c of later) {
    for (const [field, { from }] of Object.entries(c.fields)) {
      base[field] = (from ?? null) as FieldValue;
    }
  }
  return base;
}
