/**
 * The API test harness: the whole app (server/app.ts) on a fresh migrated database (PGlite
 * memory://, or the PostgreSQL of ATLAS_TEST_DATABASE_URL via fresh-db.ts), a few ledger rows, one
 * user per role signed in through POST /api/session, and a `request` that sends what a browser
 * would (same Origin, JSON body, the user's session cookie) through Hono's in-process fetch.
 */
import type { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { createUser } from '../../server/auth/users.ts';
import type { Db } from '../../server/db/index.ts';
import type { AppEnv, Role } from '../../server/types.ts';
import { freshDb } from './fresh-db.ts';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'a-long-test-password';

/** Three valid ledger rows (values checked by hand against initiativeSchema's rules). */
export const SEED_ROWS = [
  {
    id: 'tz-canal-park',
    name_zh: '大运河森林公园',
    name_en: 'Grand Canal Forest Park',
    city_id: 'tongzhou',
    category: 'green_space',
    status: 'completed',
    start_year: 2010,
    end_year: 2012,
    investment_cny: 2.46e8,
    investment_qualifier: 'exact',
    lon: 116.7146,
    lat: 39.8794,
    location_precision: 'approximate',
    source: '001_6782f79395f3aab1.txt',
    confidence: 'stated',
    description: 'A park along the canal.',
  },
  {
    id: 'tz-library',
    name_zh: '城市图书馆',
    name_en: 'City library',
    city_id: 'tongzhou',
    category: 'culture_tourism',
    status: 'under_construction',
    start_year: 2019,
    end_year: null,
    investment_cny: null,
    investment_qualifier: null,
    lon: 116.6514,
    lat: 39.9086,
    location_precision: 'city',
    source: 'https://example.org/library',
    confidence: 'stated',
    description: '',
  },
  {
    id: 'sh-metro-line',
    name_zh: '地铁线',
    name_en: 'Metro line',
    city_id: 'shanghai',
    category: 'transport',
    status: 'planned',
    start_year: null,
    end_year: null,
    investment_cny: 4e10,
    investment_qualifier: 'at_least',
    lon: 121.4737,
    lat: 31.2304,
    location_precision: 'city',
    source: 'https://example.org/metro | 002_a3f32d6d99859141.txt',
    confidence: 'derived',
    description: 'Planned line.',
  },
] as const;

export type SeedRow = (typeof SEED_ROWS)[number];
export type RowJson = Record<string, unknown> & { id: string; version: number };

export interface RequestOptions {
  method?: string;
  /** A JSON value (sent with Content-Type: application/json). */
  json?: unknown;
  /** Sign in as this user (admin, editor, editor2 or viewer); anonymous when absent. */
  as?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: Hono<AppEnv>;
  db: Db;
  cookies: Record<string, string>;
  request(path: string, options?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

export const USERS: Record<string, Role> = {
  admin: 'admin',
  editor: 'editor',
  editor2: 'editor',
  viewer: 'viewer',
};

export async function makeTestApp(options: { seed?: boolean } = {}): Promise<TestApp> {
  const db = await freshDb();
  const app = createApp({ db });
  const cookies: Record<string, string> = {};

  const request = async (path: string, o: RequestOptions = {}): Promise<Response> => {
    const method = o.method ?? (o.json === undefined ? 'GET' : 'POST');
    const headers = new Headers(o.headers);
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin'))
      headers.set('origin', ORIGIN);
    if (o.json !== undefined) headers.set('content-type', 'application/json');
    if (o.as) headers.set('cookie', cookies[o.as] ?? '');
    const init: RequestInit = { method, headers };
    if (o.json !== undefined) init.body = JSON.stringify(o.json);
    return app.request(`${ORIGIN}${path}`, init);
  };

  for (const [name, role] of Object.entries(USERS)) {
    await createUser(db, { name, role, password: PASSWORD });
    const res = await request('/api/session', { json: { username: name, password: PASSWORD } });
    if (res.status !== 200)
      throw new Error(`sign-in of ${name}: ${res.status} ${await res.text()}`);
    const set = res.headers.get('set-cookie') ?? '';
    cookies[name] = set.split(';')[0] ?? '';
  }

  if (options.seed !== false) {
    for (const row of SEED_ROWS) {
      const res = await request('/api/initiatives', { json: row, as: 'admin' });
      if (res.status !== 201)
        throw new Error(`seeding ${row.id}: ${res.status} ${await res.text()}`);
    }
  }

  return { app, db, cookies, request, close: () => db.close() };
}

/** The response body as JSON (typed loosely for assertions). */
export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
