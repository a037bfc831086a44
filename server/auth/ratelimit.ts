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

/** Milliseconds until the oldest counted failure of a limited key leaves the window, or 0. */
export async function limitedFor(
  db: Queryable,
  keys: LimitKeys,
  now: number,
  limits: RateLimits = DEFAULT_LIMITS,
): Promise<number> {
  const since = new Date(now - limits.windowMs);
  let wait = 0;
  for (const [kind, key, max] of [
    ['name', nameKey(keys.name), limits.perName],
    ['address', keys.address, limits.perAddress],
  ] as const) {
    // The max-th most recent failure: when it is inside the window the key is limited until it leaves.
    const r = await db.query<{ at: Date | string }>(
      `select at from login_failures where kind = $1 and key = $2 and at > $3
        order by at desc offset $4 limit 1`,
      [kind, key, since, max - 1],
    );
    const row = r.rows[0];
    if (row) wait = Math.max(wait, new Date(row.at).getTime() + limits.windowMs - now);
  }
  return wait;
}

export async function recordFailure(
  db: Queryable,
  keys: LimitKeys,
  now: number,
  limits: RateLimits = DEFAULT_LIMITS,
): Promise<void> {
  const at = new Date(now);
  await db.query(
    `insert into login_failures (kind, key, at) values ('name', $1, $3), ('address', $2, $3)`,
    [nameKey(keys.name), keys.address, at],
  );
  // Keep the table small: failures that left the window count for nothing.
  await db.query('delete from login_failures where at <= $1', [new Date(now - limits.windowMs)]);
}

/** A successful sign-in clears the name's failures (its address's stay counted). */
export async function clearNameFailures(db: Queryable, name: string): Promise<void> {
  await db.query(`delete from login_failures where kind = 'name' and key = $1`, [nameKey(name)]);
}
