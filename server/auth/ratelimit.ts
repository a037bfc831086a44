/**
 * Login failures, counted in the database (shared by every server instance) per user name and
 * per client address over a sliding window. While a key is over its limit every sign-in for it
 * gets 429, even with the right password; the limit lifts by itself when old failures leave the
 * window (no permanent lock-out). Attempts refused with 429 are not counted.
 */
import type { Queryable } from '../db/index.ts';

export interface RateLimits {
  windowMs: number;
  /** Failures for one user name within the window before 429 (SERVER.md: 10 in 15 minutes). */
  perName: number;
  /** Failures from one address within the window (many names from one place: guessing). */
  perAddress: number;
}

export const DEFAULT_LIMITS: RateLimits = { windowMs: 15 * 60_000, perName: 10, perAddress: 50 };

export interface LimitKeys {
  name: string;
  address: string;
}

function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Counts a sign-in attempt as a failure before its password is checked (so parallel guesses see
 * each other: the first `perName` of them, in arrival order, get past the limit), then returns how long the name or
 * address stays limited (0: go ahead). A refused attempt's rows are removed at once (refusals do not
 * extend the limit); a successful one removes them with `forgetAttempt`.
 */
export async function beginAttempt(
  db: Queryable,
  keys: LimitKeys,
  now: number,
  limits: RateLimits = DEFAULT_LIMITS,
): Promise<{ wait: number; ids: number[] }> {
  const at = new Date(now);
  const since = new Date(now - limits.windowMs);
  // Failures that left the window count for nothing: keep the table small.
  await db.query('delete from login_failures where at <= $1', [since]);
  const inserted = await db.query<{ id: number | string; kind: string }>(
    `insert into login_failures (kind, key, at) values ('name', $1, $3), ('address', $2, $3)
     returning id, kind`,
    [nameKey(keys.name), keys.address, at],
  );
  const ids = inserted.rows.map((r) => Number(r.id));
  const own = (kind: string) => Number(inserted.rows.find((r) => r.kind === kind)?.id ?? 0);
  let wait = 0;
  for (const [kind, key, max] of [
    ['name', nameKey(keys.name), limits.perName],
    ['address', keys.address, limits.perAddress],
  ] as const) {
    // Counting this attempt and those that came before it (lower id; later ones wait for it),
    // the key is over its limit when a (max+1)-th failure is in the window; it lifts when the
    // max-th failure before this one leaves the window.
    const r = await db.query<{ at: Date | string }>(
      `select at from login_failures where kind = $1 and key = $2 and at > $3 and id <= $5
        order by id desc offset $4 limit 1`,
      [kind, key, since, max, own(kind)],
    );
    const row = r.rows[0];
    if (row) wait = Math.max(wait, new Date(row.at).getTime() + limits.windowMs - now);
  }
  if (wait > 0) {
    await forgetAttempt(db, ids);
    return { wait: Math.max(wait, 1000), ids: [] };
  }
  return { wait: 0, ids };
}

/** Removes an attempt's failure rows (it succeeded, or it was refused with 429). */
export async function forgetAttempt(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.query('delete from login_failures where id = any($1)', [ids]);
}

/** A successful sign-in clears the name's failures (its address's stay counted). */
export async function clearNameFailures(db: Queryable, name: string): Promise<void> {
  await db.query(`delete from login_failures where kind = 'name' and key = $1`, [nameKey(name)]);
}
