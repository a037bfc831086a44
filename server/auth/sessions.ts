/**
 * Sessions in the database (so several server instances share them): a token of 32 random bytes
 * goes to the browser in an HttpOnly cookie; only its sha256 is stored. A session ends at
 * sign-out, after `idleMs` without a request, `absoluteMs` after sign-in, or when the user is
 * disabled, deleted or their role or password changes (users.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index.ts';
import type { Role, SessionUser } from '../types.ts';

export interface SessionTimes {
  /** Ends a session after this long without a request (default 2 hours). */
  idleMs: number;
  /** Ends a session this long after sign-in whatever happens (default 12 hours). */
  absoluteMs: number;
}

export const DEFAULT_TIMES: SessionTimes = { idleMs: 2 * 3600_000, absoluteMs: 12 * 3600_000 };

/** last_seen_at is written at most once a minute per session (reads stay cheap). */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function cookieName(secure: boolean): string {
  return secure ? '__Host-atlas_session' : 'atlas_session';
}

/** A new session for `userName`; returns the token for the cookie. */
export async function createSession(db: Queryable, userName: string, now: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = new Date(now);
  await db.query(
    'insert into sessions (token_hash, user_name, created_at, last_seen_at) values ($1, $2, $3, $3)',
    [hashToken(token), userName, at],
  );
  return token;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [hashToken(token)]);
}

/** The user of a live session, or null (an expired session is deleted on the way). */
export async function sessionUser(
  db: Queryable,
  token: string,
  now: number,
  times: SessionTimes = DEFAULT_TIMES,
): Promise<SessionUser | null> {
  if (token.length === 0 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const r = await db.query<{
    name: string;
    role: Role;
    disabled: boolean;
    created_at: Date | string;
    last_seen_at: Date | string;
  }>(
    `select u.name, u.role, u.disabled, s.created_at, s.last_seen_at
       from sessions s join users u on u.name = s.user_name
      where s.token_hash = $1`,
    [tokenHash],
  );
  const row = r.rows[0];
  if (!row) return null;
  const created = new Date(row.created_at).getTime();
  const seen = new Date(row.last_seen_at).getTime();
  if (row.disabled || now - seen > times.idleMs || now - created > times.absoluteMs) {
    await db.query('delete from sessions where token_hash = $1', [tokenHash]);
    return null;
  }
  if (now - seen > TOUCH_EVERY_MS) {
    await db.query('update sessions set last_seen_at = $2 where token_hash = $1', [
      tokenHash,
      new Date(now),
    ]);
  }
  return { name: row.name, role: row.role };
}
