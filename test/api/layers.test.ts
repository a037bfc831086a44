/**
 * /api/layers (SERVER.md): list and GeoJSON for anyone who can read (ETag, 304, gzip/brotli),
 * publish and withdraw for admins only, validated like an import with every problem named.
 * Known answers come from the hand-made fixtures in test/fixtures/layers (see its README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originCheck, sessionMiddleware } from '../../server/auth/middleware.ts';
import { authRoutes } from '../../server/auth/routes.ts';
import { createUser } from '../../server/auth/users.ts';
import type { Db } from '../../server/db/index.ts';
import { layerRoutes } from '../../server/layers/routes.ts';
import type { AppEnv } from '../../server/types.ts';
import { say } from '../../src/core/common/messages.ts';
import { freshDb } from './fresh-db.ts';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'layers');
const fixture = (f: string) => JSON.parse(readFileSync(join(FIX, f), 'utf8')) as unknown;
const ORIGIN = 'http://localhost';
const PASSWORD = 'correct horse battery';

let db: Db;
let app: Hono<AppEnv>;
const cookies: Record<string, string> = {};

function request(path: string, init: RequestInit & { as?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.method && init.method !== 'GET') {
    if (!headers.has('origin')) headers.set('origin', ORIGIN);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
  }
  if (init.as) headers.set('cookie', cookies[init.as] ?? '');
  return app.request(`${ORIGIN}${path}`, { ...init, headers });
}

const put = (id: string, body: unknown, as = 'admin') =>
  request(`/api/layers/${id}`, { method: 'PUT', body: JSON.stringify(body), as });

beforeAll(async () => {
  db = await freshDb();
  app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('db', db);
    await next();
  });
  app.use('/api/*', originCheck());
  app.use('/api/*', sessionMiddleware({ secure: false }));
  app.route('/api', authRoutes({ secure: false }));
  app.route('/api/layers', layerRoutes());
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    await createUser(db, { name: role, role, password: PASSWORD });
    const res = await request('/api/session', {
      method: 'POST',
      body: JSON.stringify({ username: role, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookies[role] = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
}, 120_000);

afterAll(async () => {
  await db.close();
});

describe('publishing a park layer', () => {
  it('an admin publishes; everyone reads it as GeoJSON with the green-space properties', async () => {
    const res = await put('parks-tongzhou', {
      name: 'Tongzhou parks (city GIS)',
      role: 'parks',
      city_id: 'tongzhou',
      geojson: fixture('tongzhou-parks.geojson'),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: 'parks-tongzhou',
      name: 'Tongzhou parks (city GIS)',
      role: 'parks',
      city_id: 'tongzhou',
      features: 2,
      updated_by: 'admin',
    });

    const list = await request('/api/layers');
    expect(list.status).toBe(200);
    const { layers } = (await list.json()) as { layers: Record<string, unknown>[] };
    expect(layers.map((l) => l.id)).toEqual(['parks-tongzhou']);
    expect(layers[0]).toMatchObject({ role: 'parks', city_id: 'tongzhou', features: 2 });

    const one = await request('/api/layers/parks-tongzhou');
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const fc = (await one.json()) as {
      features: { properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    expect(fc.features).toHaveLength(2);
    // The first feature follows the schema already: kept as it is.
    expect(fc.features[0]?.properties).toMatchObject({
      id: 'tz-test-park',
      stated_area_m2: 120000,
      geometry_quality: 'surveyed',
    });
    // The second had only a name: it gets the layer's city, an id from its position, its name
    // verbatim (HTML and all), the default kind.
    expect(fc.features[1]?.properties).toMatchObject({
      id: 'parks-tongzhou-2',
      name_zh: '运河公园 <b>x</b>',
      city_id: 'tongzhou',
      kind: 'comprehensive_park',
    });
  });

  it('ETag and 304; a new publish changes the ETag', async () => {
    const first = await request('/api/layers/parks-tongzhou');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"\d+"$/);
    const again = await request('/api/layers/parks-tongzhou', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    const weak = await request('/api/layers/parks-tongzhou', {
      headers: { 'if-none-match': `"x", W/${etag}` },
    });
    expect(weak.status).toBe(304);

    const listEtag = (await request('/api/layers')).headers.get('etag') ?? '';
    expect((await request('/api/layers', { headers: { 'if-none-match': listEtag } })).status).toBe(
      304,
    );

    const republish = await put('parks-tongzhou', {
      name: 'Tongzhou parks, v2',
      role: 'parks',
      city_id: 'tongzhou',
      geojson: fixture('tongzhou-parks.geojson'),
    });
    expect(republish.status).toBe(200);
    const after = await request('/api/layers/parks-tongzhou', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await request('/api/layers', { headers: { 'if-none-match': listEtag } })).status).toBe(
      200,
    );
  });

  it('compressed with brotli or gzip as the client accepts', async () => {
    const plain = await (await request('/api/layers/parks-tongzhou')).text();
    const br = await request('/api/layers/parks-tongzhou', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(plain);
    const gz = await request('/api/layers/parks-tongzhou', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(plain);
  });

  it('a Web Mercator layer (declared in the FeatureCollection) is converted to degrees', async () => {
    const fc = fixture('tongzhou-parks-3857.geojson') as Record<string, unknown>;
    const res = await put('parks-tongzhou-mercator', {
      ...fc,
      name: 'Mercator',
      role: 'parks',
      city_id: 'tongzhou',
    });
    expect(res.status).toBe(201);
    const got = (await (await request('/api/layers/parks-tongzhou-mercator')).json()) as {
      features: { geometry: { coordinates: number[][][] } }[];
    };
    const corner = got.features[0]?.geometry.coordinates[0]?.[0] ?? [];
    expect(corner[0]).toBeCloseTo(116.65, 6);
    expect(corner[1]).toBeCloseTo(39.9, 6);
  });
});

describe('bad layers are refused with every problem named', () => {
  it('a city that is not in the catalogue, and a missing role', async () => {
    const res = await put('parks-x', {
      name: 'x',
      role: 'parks',
      city_id: 'atlantis',
      geojson: fixture('tongzhou-parks.geojson'),
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; reason: string }[] };
    expect(body.errors).toEqual([
      { field: 'city_id', ...say('ledger_city_unknown', { city: 'atlantis' }) },
    ]);
    expect(body.errors[0]?.reason).toBe('"atlantis" is not in the catalogue');
    const noRole = await put('parks-x', { name: 'x', geojson: fixture('tongzhou-parks.geojson') });
    expect(noRole.status).toBe(422);
    const b2 = (await noRole.json()) as { errors: { field: string }[] };
    expect(b2.errors.map((e) => e.field)).toContain('role');
  });

  it('a point in a park layer and an unclosed ring: named by feature, nothing published', async () => {
    const res = await put('parks-bad', {
      name: 'bad',
      role: 'parks',
      city_id: 'tongzhou',
      geojson: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'ok' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [116.6, 39.9],
                  [116.61, 39.9],
                  [116.61, 39.91],
                  [116.6, 39.9],
                ],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { name: 'a point' },
            geometry: { type: 'Point', coordinates: [116.6, 39.9] },
          },
          {
            type: 'Feature',
            properties: { name: 'open ring' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [116.6, 39.9],
                  [116.61, 39.9],
                  [116.61, 39.91],
                  [116.6, 39.91],
                ],
              ],
            },
          },
        ],
      },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { feature?: number; field: string }[] };
    expect(body.errors.map((e) => e.feature)).toEqual([1, 2]);
    expect(body.errors[0]?.field).toBe('geometry');
    expect(JSON.stringify(body.errors[1])).toContain('ring is not closed');
    expect((await request('/api/layers/parks-bad')).status).toBe(404);
  });

  it('a population layer whose count is negative names the property', async () => {
    const res = await put('pop-tz', {
      name: 'population',
      role: 'population',
      city_id: 'tongzhou',
      field: 'pop',
      geojson: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { pop: 10 },
            geometry: { type: 'Point', coordinates: [116.6, 39.9] },
          },
          {
            type: 'Feature',
            properties: { pop: -3 },
            geometry: { type: 'Point', coordinates: [116.6, 39.9] },
          },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([
      {
        feature: 1,
        field: 'properties.pop',
        reason: 'is not a number ≥ 0',
        code: 'ledger_not_count',
      },
    ]);
  });

  it('a body that is not JSON: 400; a bad id: 422', async () => {
    const res = await request('/api/layers/x', { method: 'PUT', body: '{"name":', as: 'admin' });
    expect(res.status).toBe(400);
    const bad = await put('Bad%20Id', {
      name: 'x',
      role: 'points',
      geojson: fixture('tongzhou-parks.geojson'),
    });
    expect(bad.status).toBe(422);
  });
});

describe('roles, CSRF, withdrawal', () => {
  const body = {
    name: 'p',
    role: 'parks',
    city_id: 'tongzhou',
    geojson: fixture('tongzhou-parks.geojson'),
  };

  it('anonymous 401, editor and viewer 403, nothing written', async () => {
    expect((await put('parks-y', body, 'nobody')).status).toBe(401);
    expect((await put('parks-y', body, 'editor')).status).toBe(403);
    expect((await put('parks-y', body, 'viewer')).status).toBe(403);
    expect(
      (await request('/api/layers/parks-tongzhou', { method: 'DELETE', as: 'editor' })).status,
    ).toBe(403);
    expect((await request('/api/layers/parks-y')).status).toBe(404);
  });

  it('an admin without Origin (a cross-site form) gets 403', async () => {
    const res = await app.request(`${ORIGIN}/api/layers/parks-y`, {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: { cookie: cookies.admin ?? '', 'content-type': 'application/json' },
    });
    expect(res.status).toBe(403);
  });

  it('an admin withdraws a layer: 204, then 404', async () => {
    const del = await request('/api/layers/parks-tongzhou-mercator', {
      method: 'DELETE',
      as: 'admin',
    });
    expect(del.status).toBe(204);
    expect((await request('/api/layers/parks-tongzhou-mercator')).status).toBe(404);
    const again = await request('/api/layers/parks-tongzhou-mercator', {
      method: 'DELETE',
      as: 'admin',
    });
    expect(again.status).toBe(404);
    const { layers } = (await (await request('/api/layers')).json()) as {
      layers: { id: string }[];
    };
    expect(layers.map((l) => l.id)).toEqual(['parks-tongzhou']);
  });

  it('a name holding SQL and HTML is stored verbatim', async () => {
    const name = `Parks'); drop table layers; -- <script>alert(1)</script>`;
    expect((await put('parks-z', { ...body, name })).status).toBe(201);
    const { layers } = (await (await request('/api/layers')).json()) as {
      layers: { id: string; name: string }[];
    };
    expect(layers.find((l) => l.id === 'parks-z')?.name).toBe(name);
  });

  it('with ATLAS_PUBLIC_READ=0 an anonymous read gets 401, a viewer reads', async () => {
    process.env.ATLAS_PUBLIC_READ = '0';
    try {
      expect((await request('/api/layers')).status).toBe(401);
      expect((await request('/api/layers/parks-z')).status).toBe(401);
      expect((await request('/api/layers', { as: 'viewer' })).status).toBe(200);
    } finally {
      delete process.env.ATLAS_PUBLIC_READ;
    }
  });
});
