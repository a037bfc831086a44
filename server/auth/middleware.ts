/**
 * The middleware every API request passes: the same-origin check for state-changing requests
 * (CSRF), the session (who is signed in) and the role checks the routes use.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, Role } from '../types.ts';
import { cookieName, DEFAULT_TIMES, type SessionTimes, sessionUser } from './sessions.ts';

export interface SessionOptions {
  /** Behind HTTPS: the cookie is `__Host-atlas_session` with `Secure`. */
  secure: boolean;
  /** The clock (milliseconds since the epoch); tests inject one. */
  now?: () => number;
  times?: SessionTimes;
}

/** The session token the request carries, if any. */
export function sessionToken(c: Context<AppEnv>, secure: boolean): string | undefined {
  return getCookie(c, cookieName(secure)) || undefined;
}

/** Sets `c.get('user')`: the signed-in user of a live session, or null. */
export function sessionMiddleware(options: SessionOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  const times = options.times ?? DEFAULT_TIMES;
  return async (c, next) => {
    const token = sessionToken(c, options.secure);
    c.set('user', token ? await sessionUser(c.get('db'), token, now(), times) : null);
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginOptions {
  /** Further origins allowed besides the server's own (e.g. `https://atlas.example.org` behind a proxy). */
  allowedOrigins?: readonly string[];
  /** Paths where a multipart body (a file upload) is accepted. */
  multipartPaths?: RegExp;
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function isJson(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The server's own origins as this request sees them: its URL's, and its Host header's. */
function ownOrigins(c: Context<AppEnv>): Set<string> {
  const url = new URL(c.req.url);
  const out = new Set([url.origin]);
  const host = c.req.header('host');
  if (host) {
    out.add(`${url.protocol}//${host}`);
    // Behind a proxy that ends TLS the server sees http while the browser says https.
    out.add(`https://${host}`);
  }
  return out;
}

/**
 * CSRF: a state-changing request (not GET/HEAD/OPTIONS) must carry `Origin` equal to the
 * server's own origin, or, without `Origin`, `Sec-Fetch-Site: same-origin`; and its body, if any,
 * must be JSON (multipart only on upload paths). Otherwise 403 `{"error"}`.
 */
export function originCheck(options: OriginOptions = {}): MiddlewareHandler<AppEnv> {
  const extra = new Set((options.allowedOrigins ?? []).map((o) => o.replace(/\/+$/, '')));
  const multipart = options.multipartPaths ?? /^\/api\/layers\//;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (!ownOrigins(c).has(origin) && !extra.has(origin)) {
        return c.json({ error: 'cross-origin request refused (Origin does not match)' }, 403);
      }
    } else if (c.req.header('sec-fetch-site') !== 'same-origin') {
      return c.json(
        { error: 'request refused: no Origin header (a browser sends one; so must other clients)' },
        403,
      );
    }
    const contentType = c.req.header('content-type');
    if (contentType !== undefined) {
      const type = mediaType(contentType);
      const ok = isJson(type) || (type === 'multipart/form-data' && multipart.test(c.req.path));
      if (!ok) {
        return c.json({ error: `request refused: the body must be JSON (got ${type})` }, 403);
      }
    } else {
      const length = c.req.header('content-length');
      if ((length !== undefined && length !== '0') || c.req.header('transfer-encoding')) {
        return c.json({ error: 'request refused: a body without a JSON Content-Type' }, 403);
      }
    }
    return next();
  };
}

/** 401 `{"error"}` when nobody is signed in, 403 when the user's role is not one of `roles`. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user) return c.json({ error: 'sign in first' }, 401);
    if (!roles.includes(user.role)) {
      return c.json(
        { error: `not allowed for the role ${user.role} (needs ${roles.join(' or ')})` },
        403,
      );
    }
    return next();
  };
}
