/**
 * Sign-in and user management, mounted at /api:
 *   POST /session {"username","password"} -> 200 {"user"} + cookie; 401 (one text for every
 *   failure); 429 while the name or address is rate-limited (Retry-After); DELETE /session -> 204;
 *   GET /me -> 200 {"user"} or 401; GET/POST /users, PATCH/DELETE /users/:name (admin).
 */
import { type Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../types.ts';
import { requireRole, sessionToken } from './middleware.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import {
  beginAttempt,
  clearNameFailures,
  DEFAULT_LIMITS,
  forgetAttempt,
  type RateLimits,
} from './ratelimit.ts';
import type { SessionTimes } from './sessions.ts';
import { cookieName, createSession, DEFAULT_TIMES, endSession, hashToken } from './sessions.ts';
import {
  createUser,
  deleteUser,
  findUser,
  getUser,
  isRole,
  LastAdminError,
  listUsers,
  type UserChange,
  UserExistsError,
  UserInputError,
  UserNotFoundError,
  updateUser,
} from './users.ts';

export interface AuthOptions {
  secure: boolean;
  now?: () => number;
  times?: SessionTimes;
  limits?: RateLimits;
  /**
   * Behind a reverse proxy or load balancer (every socket is the proxy's): take the client's
   * address from the last X-Forwarded-For entry, the one the proxy appended. Default: the
   * environment's ATLAS_TRUST_PROXY=1. Never on a server reachable directly (clients could forge it).
   */
  trustProxy?: boolean;
}

/** The one answer to every failed sign-in (no user enumeration). */
export const BAD_CREDENTIALS = 'wrong user name or password';

/**
 * The client's address: the socket's (Node server), else 'unknown' (e.g. in-process requests);
 * with `trustProxy`, the last X-Forwarded-For entry when there is one.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await c.req.json();
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function userErrorResponse(c: Context<AppEnv>, e: unknown): Response {
  if (e instanceof UserInputError) {
    return c.json({ error: 'invalid user', errors: e.errors }, 422);
  }
  if (e instanceof UserExistsError) return c.json({ error: e.message }, 409);
  if (e instanceof UserNotFoundError) return c.json({ error: e.message }, 404);
  if (e instanceof LastAdminError) return c.json({ error: e.message }, 409);
  throw e;
}

function unknownFields(body: Record<string, unknown>, allowed: string[]) {
  return Object.keys(body)
    .filter((k) => !allowed.includes(k))
    .map((field) => ({
      field,
      reason: `not a field that can be set (allowed: ${allowed.join(', ')})`,
    }));
}

export function authRoutes(options: AuthOptions): Hono<AppEnv> {
  const now = options.now ?? Date.now;
  const times = options.times ?? DEFAULT_TIMES;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const trustProxy = options.trustProxy ?? process.env.ATLAS_TRUST_PROXY === '1';
  const cookie = cookieName(options.secure);
  const app = new Hono<AppEnv>();

  app.post('/session', async (c) => {
    const body = await jsonBody(c);
    const username = body?.username;
    const password = body?.password;
    if (typeof username !== 'string' || typeof password !== 'string' || username === '') {
      return c.json(
        {
          error: 'send {"username","password"}',
          errors: [
            ...(typeof username === 'string' && username !== ''
              ? []
              : [{ field: 'username', reason: 'required' }]),
            ...(typeof password === 'string' ? [] : [{ field: 'password', reason: 'required' }]),
          ],
        },
        422,
      );
    }
    const db = c.get('db');
    const keys = { name: username, address: clientAddress(c, trustProxy) };
    const { wait, ids } = await beginAttempt(db, keys, now(), limits);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return c.json({ error: 'too many failed sign-ins; try again later' }, 429);
    }
    const user = await findUser(db, username);
    const ok = user
      ? await verifyPassword(password, user.password_hash)
      : (await verifyPassword(password, await dummyHash())) && false;
    if (!user || !ok || user.disabled) {
      // The attempt was counted as a failure in beginAttempt: it stays counted.
      return c.json({ error: BAD_CREDENTIALS }, 401);
    }
    await forgetAttempt(db, ids);
    await clearNameFailures(db, username);
    // A new token at every sign-in; a session the browser already had ends here.
    const old = sessionToken(c, options.secure);
    if (old) await endSession(db, old);
    const token = await createSession(db, user.name, now());
    setCookie(c, cookie, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: options.secure,
      maxAge: Math.floor(times.absoluteMs / 1000),
    });
    return c.json({ user: { name: user.name, role: user.role } });
  });

  app.delete('/session', async (c) => {
    const token = sessionToken(c, options.secure);
    if (token) await endSession(c.get('db'), token);
    deleteCookie(c, cookie, { path: '/', secure: options.secure });
    if (!c.get('user')) return c.json({ error: 'not signed in' }, 401);
    return c.body(null, 204);
  });

  app.get('/me', (c) => {
    const user = c.get('user');
    return user ? c.json({ user }) : c.json({ error: 'not signed in' }, 401);
  });

  app.get('/users', requireRole('admin'), async (c) => {
    return c.json({ users: await listUsers(c.get('db')) });
  });

  app.post('/users', requireRole('admin'), async (c) => {
    const body = await jsonBody(c);
    if (!body) return c.json({ error: 'send {"name","role","password"}' }, 422);
    const extra = unknownFields(body, ['name', 'role', 'password']);
    if (extra.length > 0) return c.json({ error: 'invalid user', errors: extra }, 422);
    try {
      const db = c.get('db');
      await createUser(db, {
        name: body.name as string,
        role: body.role as never,
        password: body.password as string,
      });
      return c.json({ user: await getUser(db, body.name as string) }, 201);
    } catch (e) {
      return userErrorResponse(c, e);
    }
  });

  app.patch('/users/:name', requireRole('admin'), async (c) => {
    const body = await jsonBody(c);
    if (!body) return c.json({ error: 'send {"role"?,"password"?,"disabled"?}' }, 422);
    const extra = unknownFields(body, ['role', 'password', 'disabled']);
    if (extra.length > 0) return c.json({ error: 'invalid change', errors: extra }, 422);
    const change: UserChange = {};
    const errors: Array<{ field: string; reason: string }> = [];
    if ('role' in body) {
      if (isRole(body.role)) change.role = body.role;
      else errors.push({ field: 'role', reason: 'the role must be one of admin, editor, viewer' });
    }
    if ('password' in body) {
      if (typeof body.password === 'string') change.password = body.password;
      else errors.push({ field: 'password', reason: 'the password must be a string' });
    }
    if ('disabled' in body) {
      if (typeof body.disabled === 'boolean') change.disabled = body.disabled;
      else errors.push({ field: 'disabled', reason: 'disabled is true or false' });
    }
    if (errors.length > 0) return c.json({ error: 'invalid change', errors }, 422);
    const token = sessionToken(c, options.secure);
    try {
      const user = await c
        .get('db')
        .tx((q) => updateUser(q, c.req.param('name'), change, token && hashToken(token)));
      return c.json({ user });
    } catch (e) {
      return userErrorResponse(c, e);
    }
  });

  app.delete('/users/:name', requireRole('admin'), async (c) => {
    try {
      await c.get('db').tx((q) => deleteUser(q, c.req.param('name')));
      return c.body(null, 204);
    } catch (e) {
      if (e instanceof Error && /foreign key/i.test(e.message)) {
        return c.json(
          { error: 'this user has changes in the history; disable the user instead' },
          409,
        );
      }
      return userErrorResponse(c, e);
    }
  });

  return app;
}
