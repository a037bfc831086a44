/**
 * Sign-in, sessions, roles and user management (SERVER.md: POST/DELETE /api/session, GET /api/me,
 * /api/users; the CSRF, session and rate-limit rules), through Hono's in-process fetch on a fresh
 * database per test: PGlite memory://, or PostgreSQL when ATLAS_TEST_DATABASE_URL is set.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { originCheck, requireRole, sessionMiddleware } from '../../server/auth/middleware.ts';
import { verifyPassword } from '../../server/auth/passwords.ts';
import { DEFAULT_LIMITS, type RateLimits } from '../../server/auth/ratelimit.ts';
import { authRoutes, BAD_CREDENTIALS } from '../../server/auth/routes.ts';
import { createUser } from '../../server/auth/users.ts';
import type { Db } from '../../server/db/index.ts';
import type { AppEnv } from '../../server/types.ts';
import { freshDb } from './fresh-db.ts';

const ORIGIN = 'http://localhost';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PASSWORDS = { ann: 'ann-admin-pass-1', ed: 'ed-editor-pass-1', vi: 'vi-viewer-pass-1' };

let db: Db;
let clock: number;
/** The three users as created once (restored before each test: scrypt is slow on purpose). */
let baseline: Array<{ name: string; role: string; password_hash: string }>;

beforeAll(async () => {
  db = await freshDb();
  await createUser(db, { name: 'ann', role: 'admin', password: PASSWORDS.ann });
  await createUser(db, { name: 'ed', role: 'editor', password: PASSWORDS.ed });
  await createUser(db, { name: 'vi', role: 'viewer', password: PASSWORDS.vi });
  baseline = (
    await db.query<{ name: string; role: string; password_hash: string }>(
      'select name, role, password_hash from users order by name',
    )
  ).rows;
}, 120_000);
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  clock = Date.parse('2026-03-01T09:00:00Z');
  await db.query('delete from sessions');
  await db.query('delete from login_failures');
  await db.query(`delete from users where name not in ('ann', 'ed', 'vi')`);
  for (const u of baseline) {
    await db.query(
      `insert into users (name, role, password_hash) values ($1, $2, $3)
       on conflict (name) do update set role = $2, password_hash = $3, disabled = false`,
      [u.name, u.role, u.password_hash],
    );
  }
});

/** The app's wiring (server/app.ts) with an injected clock, plus one editor-only route. */
function makeApp(opts: { secure?: boolean; limits?: RateLimits; trustProxy?: boolean } = {}) {
  const secure = opts.secure ?? false;
  const now = () => clock;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('db', db);
    await next();
  });
  app.use('/api/*', originCheck());
  app.use('/api/*', sessionMiddleware({ secure, now }));
  app.route(
    '/api',
    authRoutes({
      secure,
      now,
      limits: opts.limits ?? DEFAULT_LIMITS,
      trustProxy: opts.trustProxy ?? false,
    }),
  );
  app.post('/api/edit', requireRole('editor', 'admin'), (c) => c.json({ ok: true }));
  return app;
}

type App = ReturnType<typeof makeApp>;

interface Req {
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
  address?: string;
}

function send(app: App, method: string, path: string, r: Req = {}) {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (method !== 'GET' && !('origin' in headers) && !('sec-fetch-site' in headers)) {
    headers.origin = ORIGIN;
  }
  if (r.body !== undefined && !('content-type' in headers))
    headers['content-type'] = 'application/json';
  if (r.cookie) headers.cookie = r.cookie;
  const init: RequestInit = { method, headers };
  if (r.body !== undefined)
    init.body = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  const env = r.address ? { incoming: { socket: { remoteAddress: r.address } } } : undefined;
  return app.request(path, init, env);
}

/** Signs in; returns the `name=value` cookie pair to send back. */
async function signIn(app: App, username: string, password: string, r: Req = {}) {
  const res = await send(app, 'POST', '/api/session', { ...r, body: { username, password } });
  expect(res.status, await res.clone().text()).toBe(200);
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0] ?? '';
}

async function status(p: Promise<Response> | Response) {
  return (await p).status;
}

describe('passwords (scrypt)', () => {
  it('verifies against the RFC 7914 test vector (password/NaCl, N=1024, r=8, p=16)', async () => {
    const dk =
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640';
    const stored = `scrypt$1024$8$16$${Buffer.from('NaCl').toString('base64')}$${Buffer.from(dk, 'hex').toString('base64')}`;
    expect(await verifyPassword('password', stored)).toBe(true);
    expect(await verifyPassword('Password', stored)).toBe(false);
    expect(await verifyPassword('password', 'plain-text')).toBe(false);
  });

  it('stores a salted hash with its parameters, never the password', async () => {
    const r = await db.query<{ password_hash: string }>(
      `select password_hash from users where name in ('ann', 'ed')`,
    );
    const [a, b] = r.rows.map((x) => x.password_hash);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(a).not.toContain(PASSWORDS.ann);
    expect(a?.split('$')[4]).not.toBe(b?.split('$')[4]);
  });

  it('refuses passwords shorter than 10 characters and names that are not names', async () => {
    await expect(createUser(db, { name: 'bo', role: 'editor', password: 'short' })).rejects.toThrow(
      /at least 10/,
    );
    await expect(
      createUser(db, {
        name: "x'; drop table users;--",
        role: 'editor',
        password: 'long enough pw',
      }),
    ).rejects.toThrow(/user name/);
  });
});

describe('POST /api/session, GET /api/me, DELETE /api/session', () => {
  it('signs in: 200 {user}, an HttpOnly SameSite=Strict cookie on Path=/; only sha256(token) stored', async () => {
    const app = makeApp();
    const res = await send(app, 'POST', '/api/session', {
      body: { username: 'ed', password: PASSWORDS.ed },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { name: 'ed', role: 'editor' } });
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^atlas_session=[A-Za-z0-9_-]{43};/);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Strict/);
    expect(set).toMatch(/; Path=\//);
    expect(set).toMatch(/; Max-Age=43200/);
    expect(set).not.toMatch(/Secure/);
    const token = set.split(';')[0]?.split('=')[1] ?? '';
    const rows = (await db.query<{ token_hash: string }>('select token_hash from sessions')).rows;
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

    const me = await send(app, 'GET', '/api/me', { cookie: `atlas_session=${token}` });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: { name: 'ed', role: 'editor' } });
  });

  it('GET /api/me without a session: 401 {"error"}', async () => {
    const res = await send(makeApp(), 'GET', '/api/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toHaveProperty('error');
    expect(
      await status(send(makeApp(), 'GET', '/api/me', { cookie: 'atlas_session=forged' })),
    ).toBe(401);
  });

  it('sign-out: 204, the session ends on the server (the old cookie no longer works)', async () => {
    const app = makeApp();
    const cookie = await signIn(app, 'ed', PASSWORDS.ed);
    const out = await send(app, 'DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^atlas_session=; Max-Age=0/);
    expect(await status(send(app, 'GET', '/api/me', { cookie }))).toBe(401);
    expect((await db.query('select * from sessions')).rows).toEqual([]);
    expect(await status(send(app, 'DELETE', '/api/session'))).toBe(401);
  });

  it('one uniform 401 for a wrong password, an unknown name and a disabled user', async () => {
    const app = makeApp();
    await db.query(`update users set disabled = true where name = 'vi'`);
    for (const [username, password] of [
      ['ed', 'wrong-password-1'],
      ['nobody', 'wrong-password-1'],
      ['vi', PASSWORDS.vi],
    ]) {
      const res = await send(app, 'POST', '/api/session', { body: { username, password } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: BAD_CREDENTIALS });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('a missing field is 422 naming it; names match without regard to case', async () => {
    const app = makeApp();
    const res = await send(app, 'POST', '/api/session', { body: { username: 'ed' } });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([{ field: 'password', reason: 'required' }]);
    const ok = await send(app, 'POST', '/api/session', {
      body: { username: 'ED', password: PASSWORDS.ed },
    });
    expect(await ok.json()).toEqual({ user: { name: 'ed', role: 'editor' } });
  });

  it('a new token at every sign-in; the session the browser had before ends', async () => {
    const app = makeApp();
    const first = await signIn(app, 'ed', PASSWORDS.ed);
    const second = await signIn(app, 'ed', PASSWORDS.ed, { cookie: first });
    expect(second).not.toBe(first);
    expect(await status(send(app, 'GET', '/api/me', { cookie: first }))).toBe(401);
    expect(await status(send(app, 'GET', '/api/me', { cookie: second }))).toBe(200);
  });

  it('behind HTTPS: __Host- prefix and Secure; the plain cookie name is not accepted', async () => {
    const app = makeApp({ secure: true });
    const res = await send(app, 'POST', '/api/session', {
      body: { username: 'ed', password: PASSWORDS.ed },
    });
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^__Host-atlas_session=[A-Za-z0-9_-]{43};/);
    expect(set).toMatch(/; Path=\//);
    expect(set).toMatch(/; Secure/);
    expect(set).not.toMatch(/Domain=/);
    const token = set.split(';')[0]?.split('=')[1] ?? '';
    expect(
      await status(send(app, 'GET', '/api/me', { cookie: `__Host-atlas_session=${token}` })),
    ).toBe(200);
    expect(await status(send(app, 'GET', '/api/me', { cookie: `atlas_session=${token}` }))).toBe(
      401,
    );
  });
});

describe('session time-outs', () => {
  it('idle: ends after 2 hours without a request; requests keep it alive', async () => {
    const app = makeApp();
    const cookie = await signIn(app, 'ed', PASSWORDS.ed);
    clock += 90 * MINUTE;
    expect(await status(send(app, 'GET', '/api/me', { cookie }))).toBe(200);
    clock += 90 * MINUTE; // 3 h after sign-in, 1.5 h after the last request
    expect(await status(send(app, 'GET', '/api/me', { cookie }))).toBe(200);
    clock += 2 * HOUR + MINUTE;
    expect(await status(send(app, 'GET', '/api/me', { cookie }))).toBe(401);
    expect((await db.query('select * from sessions')).rows).toEqual([]);
  });

  it('absolute: ends 12 hours after sign-in, however active', async () => {
    const app = makeApp();
    const cookie = await signIn(app, 'ed', PASSWORDS.ed);
    for (let h = 1; h <= 11; h++) {
      clock += HOUR;
      expect(await status(send(app, 'GET', '/api/me', { cookie }))).toBe(200);
    }
    clock += HOUR + MINUTE;
    expect(await status(send(app, 'GET', '/api/me', { cookie }))).toBe(401);
  });
});

describe('login rate limit (in the database)', () => {
  it('after 10 failures for one name within 15 minutes: 429 even with the right password; lifts by itself', async () => {
    const app = makeApp();
    for (let i = 0; i < 10; i++) {
      clock += 30_000;
      const res = await send(app, 'POST', '/api/session', {
        body: { username: 'ed', password: `guess-number-${i}` },
      });
      expect(res.status).toBe(401);
    }
    const limited = await send(app, 'POST', '/api/session', {
      body: { username: 'Ed', password: PASSWORDS.ed },
    });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toHaveProperty('error');
    // The first failure was at +30 s, the refusal at +300 s: it leaves the window in 630 s.
    expect(limited.headers.get('retry-after')).toBe('630');
    // Another name is not affected.
    await signIn(app, 'vi', PASSWORDS.vi);
    // 15 minutes after the first failure, fewer than 10 are left in the window.
    clock = clock - 10 * 30_000 + 15 * MINUTE + 30_000;
    await signIn(app, 'ed', PASSWORDS.ed);
  });

  it('30 guesses at once: at most 10 are checked (401), the rest 429; only the checked ones count', async () => {
    const app = makeApp();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(app, 'POST', '/api/session', {
          body: { username: 'ed', password: `parallel-${i}-guess` },
        }),
      ),
    );
    const codes = answers.map((r) => r.status);
    const checked = codes.filter((c) => c === 401).length;
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(10);
    const rows = await db.query(`select id from login_failures where kind = 'name' and key = 'ed'`);
    expect(rows.rows).toHaveLength(checked);
  });

  it('per address: many names from one address are limited; another address is not', async () => {
    const app = makeApp({ limits: { ...DEFAULT_LIMITS, perAddress: 5 } });
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) {
      const res = await send(app, 'POST', '/api/session', {
        body: { username: name, password: 'whatever-pass' },
        address: '203.0.113.7',
      });
      expect(res.status).toBe(401);
    }
    const res = await send(app, 'POST', '/api/session', {
      body: { username: 'ed', password: PASSWORDS.ed },
      address: '203.0.113.7',
    });
    expect(res.status).toBe(429);
    await signIn(app, 'ed', PASSWORDS.ed, { address: '198.51.100.2' });
  });

  it('behind a trusted proxy the address is the last X-Forwarded-For entry (never trusted otherwise)', async () => {
    const limits = { ...DEFAULT_LIMITS, perAddress: 2 };
    const proxied = makeApp({ limits, trustProxy: true });
    const fail = (app: App, xff: string) =>
      send(app, 'POST', '/api/session', {
        body: { username: `n-${xff}`, password: 'wrong-password-x' },
        headers: { 'x-forwarded-for': xff },
        address: '10.0.0.1',
      });
    expect(await status(fail(proxied, '1.1.1.1, 203.0.113.9'))).toBe(401);
    expect(await status(fail(proxied, '2.2.2.2, 203.0.113.9'))).toBe(401);
    expect(await status(fail(proxied, '203.0.113.9'))).toBe(429);
    expect(await status(fail(proxied, '198.51.100.4'))).toBe(401);
    const rows = await db.query<{ key: string }>(
      `select distinct key from login_failures where kind = 'address' order by key`,
    );
    expect(rows.rows.map((r) => r.key)).toEqual(['198.51.100.4', '203.0.113.9']);
    // Without trustProxy a forged header changes nothing: the socket's address counts.
    await db.query('delete from login_failures');
    const direct = makeApp({ limits });
    expect(await status(fail(direct, '5.5.5.5'))).toBe(401);
    expect(await status(fail(direct, '6.6.6.6'))).toBe(401);
    expect(await status(fail(direct, '7.7.7.7'))).toBe(429);
  });

  it('the failures are rows in the database (shared by every instance), pruned after the window', async () => {
    const a = makeApp();
    const b = makeApp(); // a second instance on the same database
    for (let i = 0; i < 5; i++) {
      await send(a, 'POST', '/api/session', { body: { username: 'ed', password: 'nope-nope-1' } });
      await send(b, 'POST', '/api/session', { body: { username: 'ed', password: 'nope-nope-2' } });
    }
    expect(
      await status(
        send(b, 'POST', '/api/session', { body: { username: 'ed', password: PASSWORDS.ed } }),
      ),
    ).toBe(429);
    clock += 16 * MINUTE;
    await send(a, 'POST', '/api/session', { body: { username: 'vi', password: 'nope-nope-3' } });
    const left = await db.query<{ key: string }>(
      `select key from login_failures where kind = 'name'`,
    );
    expect(left.rows).toEqual([{ key: 'vi' }]);
  });
});

describe('CSRF: state-changing requests must be same-origin JSON', () => {
  const login = { username: 'ed', password: PASSWORDS.ed };

  it('403 without Origin (and no Sec-Fetch-Site), with a foreign Origin or Origin: null', async () => {
    const app = makeApp();
    const cases: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
    ];
    for (const headers of cases) {
      const res = await send(app, 'POST', '/api/session', { body: login, headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toHaveProperty('error');
    }
    const bare = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(login),
    });
    expect(bare.status).toBe(403);
  });

  it('accepted with the own Origin, or without Origin but Sec-Fetch-Site: same-origin', async () => {
    const app = makeApp();
    expect(await status(send(app, 'POST', '/api/session', { body: login }))).toBe(200);
    expect(
      await status(
        send(app, 'POST', '/api/session', {
          body: login,
          headers: { 'sec-fetch-site': 'same-origin' },
        }),
      ),
    ).toBe(200);
  });

  it('403 for a form or text body (what a cross-site form can send), even same-origin', async () => {
    const app = makeApp();
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await send(app, 'POST', '/api/session', {
        body: 'username=ed&password=x',
        headers: { 'content-type': type },
      });
      expect(res.status, type).toBe(403);
    }
  });

  it('a signed-in user is protected too: a cross-origin write with the cookie is refused', async () => {
    const app = makeApp();
    const cookie = await signIn(app, 'ed', PASSWORDS.ed);
    const res = await send(app, 'POST', '/api/edit', {
      cookie,
      body: {},
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await status(send(app, 'POST', '/api/edit', { cookie, body: {} }))).toBe(200);
  });
});

describe('roles', () => {
  it('requireRole: anonymous 401, viewer 403, editor and admin pass', async () => {
    const app = makeApp();
    expect(await status(send(app, 'POST', '/api/edit', { body: {} }))).toBe(401);
    const vi = await signIn(app, 'vi', PASSWORDS.vi);
    const denied = await send(app, 'POST', '/api/edit', { cookie: vi, body: {} });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toHaveProperty('error');
    for (const [name, pw] of [
      ['ed', PASSWORDS.ed],
      ['ann', PASSWORDS.ann],
    ] as const) {
      const cookie = await signIn(app, name, pw);
      expect(await status(send(app, 'POST', '/api/edit', { cookie, body: {} }))).toBe(200);
    }
  });

  it('disabling a user ends their sessions at once and they cannot sign in', async () => {
    const app = makeApp();
    const ann = await signIn(app, 'ann', PASSWORDS.ann);
    const ed = await signIn(app, 'ed', PASSWORDS.ed);
    const res = await send(app, 'PATCH', '/api/users/ed', {
      cookie: ann,
      body: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ name: 'ed', role: 'editor', disabled: true });
    expect(await status(send(app, 'GET', '/api/me', { cookie: ed }))).toBe(401);
    expect(await status(send(app, 'POST', '/api/edit', { cookie: ed, body: {} }))).toBe(401);
    const again = await send(app, 'POST', '/api/session', {
      body: { username: 'ed', password: PASSWORDS.ed },
    });
    expect(again.status).toBe(401);
  });

  it("a role change ends the user's sessions; signed in again they have the new role", async () => {
    const app = makeApp();
    const ann = await signIn(app, 'ann', PASSWORDS.ann);
    const ed = await signIn(app, 'ed', PASSWORDS.ed);
    expect(
      await status(send(app, 'PATCH', '/api/users/ed', { cookie: ann, body: { role: 'viewer' } })),
    ).toBe(200);
    expect(await status(send(app, 'GET', '/api/me', { cookie: ed }))).toBe(401);
    const ed2 = await signIn(app, 'ed', PASSWORDS.ed);
    expect(await status(send(app, 'POST', '/api/edit', { cookie: ed2, body: {} }))).toBe(403);
  });
});

describe('/api/users (admin only)', () => {
  it('anonymous 401, editor 403; admin lists users without any password hash', async () => {
    const app = makeApp();
    expect(await status(send(app, 'GET', '/api/users'))).toBe(401);
    const ed = await signIn(app, 'ed', PASSWORDS.ed);
    expect(await status(send(app, 'GET', '/api/users', { cookie: ed }))).toBe(403);
    expect(
      await status(
        send(app, 'POST', '/api/users', {
          cookie: ed,
          body: { name: 'x', role: 'admin', password: 'long-enough-1' },
        }),
      ),
    ).toBe(403);
    const ann = await signIn(app, 'ann', PASSWORDS.ann);
    const res = await send(app, 'GET', '/api/users', { cookie: ann });
    const body = (await res.json()) as { users: Array<Record<string, unknown>> };
    expect(body.users.map((u) => [u.name, u.role, u.disabled])).toEqual([
      ['ann', 'admin', false],
      ['ed', 'editor', false],
      ['vi', 'viewer', false],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/);
  });

  it('POST creates (201); the new user signs in; 409 on a taken name; 422 names the fields', async () => {
    const app = makeApp();
    const ann = await signIn(app, 'ann', PASSWORDS.ann);
    const pw = `'; drop table users; -- <b>pw</b>`;
    const res = await send(app, 'POST', '/api/users', {
      cookie: ann,
      body: { name: 'bo', role: 'editor', password: pw },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).user).toMatchObject({ name: 'bo', role: 'editor', disabled: false });
    await signIn(app, 'bo', pw);
    const dup = await send(app, 'POST', '/api/users', {
      cookie: ann,
      body: { name: 'BO', role: 'viewer', password: 'another-pass-1' },
    });
    expect(dup.status).toBe(409);
    const bad = await send(app, 'POST', '/api/users', {
      cookie: ann,
      body: { name: '', role: 'boss', password: 'short' },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()).errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'name',
      'role',
      'password',
    ]);
    const mass = await send(app, 'POST', '/api/users', {
      cookie: ann,
      body: {
        name: 'cy',
        role: 'viewer',
        password: 'long-enough-1',
        password_hash: 'scrypt$1$1$1$a$b',
      },
    });
    expect(mass.status).toBe(422);
  });

  it('PATCH a password: the user signs in with the new one only, and their other sessions end', async () => {
    const app = makeApp();
    const ann = await signIn(app, 'ann', PASSWORDS.ann);
    const ed = await signIn(app, 'ed', PASSWORDS.ed);
    expect(
      await status(
        send(app, 'PATCH', '/api/users/ed', {
          cookie: ann,
          body: { password: 'brand-new-pass-1' },
        }),
      ),
    ).toBe(200);
    expect(await status(send(app, 'GET', '/api/me', { cookie: ed }))).toBe(401);
    expect(
      await status(
        send(app, 'POST', '/api/session', { body: { username: 'ed', password: PASSWORDS.ed } }),
      ),
    ).toBe(401);
    await signIn(app, 'ed', 'brand-new-pass-1');
    const short = await send(app, 'PATCH', '/api/users/ed', {
      cookie: ann,
      body: { password: 'x' },
    });
    expect(short.status).toBe(422);
    expect(
      await status(
        send(app, 'PATCH', '/api/users/nobody', { cookie: ann, body: { role: 'viewer' } }),
      ),
    ).toBe(404);
    expect(
      await status(send(app, 'PATCH', '/api/users/ed', { cookie: ann, body: { name: 'eddy' } })),
    ).toBe(422);
  });

  it('DELETE removes the user and their sessions (204); never the last enabled admin (409)', async () => {
    const app = makeApp();
    const ann = await signIn(app, 'ann', PASSWORDS.ann);
    const ed = await signIn(app, 'ed', PASSWORDS.ed);
    expect(await status(send(app, 'DELETE', '/api/users/ed', { cookie: ann }))).toBe(204);
    expect(await status(send(app, 'GET', '/api/me', { cookie: ed }))).toBe(401);
    expect(await status(send(app, 'DELETE', '/api/users/ed', { cookie: ann }))).toBe(404);
    expect(await status(send(app, 'DELETE', '/api/users/ann', { cookie: ann }))).toBe(409);
    expect(
      await status(send(app, 'PATCH', '/api/users/ann', { cookie: ann, body: { role: 'editor' } })),
    ).toBe(409);
    expect(
      await status(send(app, 'PATCH', '/api/users/ann', { cookie: ann, body: { disabled: true } })),
    ).toBe(409);
    expect(await status(send(app, 'GET', '/api/me', { cookie: ann }))).toBe(200);
  });
});

describe('the real app (server/app.ts) wires it all', () => {
  it('sign-in, /me, and the ledger routes behind the same origin and role checks', async () => {
    const app = createApp({ db }) as unknown as App;
    const anon = await send(app, 'POST', '/api/initiatives', { body: { id: 'x' } });
    expect(anon.status).toBe(401);
    const vi = await signIn(app, 'vi', PASSWORDS.vi);
    expect(await status(send(app, 'GET', '/api/me', { cookie: vi }))).toBe(200);
    expect(
      await status(send(app, 'POST', '/api/initiatives', { cookie: vi, body: { id: 'x' } })),
    ).toBe(403);
    const ed = await signIn(app, 'ed', PASSWORDS.ed);
    const csrf = await send(app, 'POST', '/api/initiatives', {
      cookie: ed,
      body: { id: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(csrf.status).toBe(403);
    expect(await status(send(app, 'DELETE', '/api/session', { cookie: ed }))).toBe(204);
    expect(await status(send(app, 'GET', '/api/me', { cookie: ed }))).toBe(401);
  });
});
