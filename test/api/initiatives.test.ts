/**
 * /api/initiatives as SERVER.md writes it: list (ETag, 304, compressed, pages), get, create,
 * edit with If-Match and the per-field merge, delete and restore, history, batch; roles, CSRF and
 * mass assignment. Through the whole app (server/app.ts) on PGlite memory:// (or PostgreSQL when
 * ATLAS_TEST_DATABASE_URL is set). Expected values are the seed rows' hand-written values.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { json, makeTestApp, ORIGIN, type RowJson, SEED_ROWS, type TestApp } from './harness.ts';

let t: TestApp;
// Opening PGlite compiles its WebAssembly: seconds, more on a loaded machine.
beforeAll(async () => {
  t = await makeTestApp();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const base = SEED_ROWS[0];
const newRow = (id: string, extra: Record<string, unknown> = {}) => ({ ...base, id, ...extra });

async function getRow(id: string): Promise<RowJson> {
  const res = await t.request(`/api/initiatives/${id}`);
  expect(res.status).toBe(200);
  return json<RowJson>(res);
}

async function patch(id: string, version: number | null, body: unknown, as = 'editor') {
  const headers: Record<string, string> = version === null ? {} : { 'if-match': `"${version}"` };
  return t.request(`/api/initiatives/${id}`, { method: 'PATCH', json: body, as, headers });
}

describe('reading', () => {
  it('lists every row with numbers as numbers, version and updated_*', async () => {
    const res = await t.request('/api/initiatives');
    expect(res.status).toBe(200);
    const { items } = await json<{ items: RowJson[] }>(res);
    expect(items.map((r) => r.id)).toEqual(['tz-canal-park', 'tz-library', 'sh-metro-line']);
    const park = items[0]!;
    expect(park).toMatchObject({ ...base, version: 1, updated_by: 'admin' });
    expect(park.investment_cny).toBe(246000000);
    expect(park.lon).toBe(116.7146);
    expect(park.start_year).toBe(2010);
    expect(typeof park.updated_at).toBe('string');
    expect(Number.isNaN(Date.parse(String(park.updated_at)))).toBe(false);
    expect(items[1]).toMatchObject({
      end_year: null,
      investment_cny: null,
      investment_qualifier: null,
    });
    expect(park).not.toHaveProperty('deleted');
  });

  it('carries the revision as ETag, answers 304 to it, and a write changes it', async () => {
    const first = await t.request('/api/initiatives');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await t.request('/api/initiatives', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const created = await t.request('/api/initiatives', {
      json: newRow('etag-probe'),
      as: 'editor',
    });
    expect(created.status).toBe(201);
    const after = await t.request('/api/initiatives', { headers: { 'if-none-match': etag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const ids = (await json<{ items: RowJson[] }>(after)).items.map((r) => r.id);
    expect(ids).toContain('etag-probe');
  });

  it('on a database only this process writes, reads the revision again only after a write', async () => {
    const reads: string[] = [];
    const query = t.db.query.bind(t.db);
    const spy = vi.spyOn(t.db, 'query').mockImplementation((sql, params) => {
      if (/from ledger_revision/.test(sql)) reads.push(sql);
      return query(sql, params);
    });
    try {
      const first = await t.request('/api/initiatives');
      for (let i = 0; i < 5; i++) await t.request('/api/initiatives');
      const before = reads.length;
      if (t.db.exclusive) expect(before).toBeLessThanOrEqual(1);
      else expect(before).toBe(6);
      // A write made outside the API (a statement outside a transaction) is noticed too.
      await t.db.query(
        "update initiatives set description = 'changed outside' where id = 'tz-library'",
      );
      await t.db.query('update ledger_revision set revision = revision + 1 where id = 1');
      const after = await t.request('/api/initiatives');
      expect(after.headers.get('etag')).not.toBe(first.headers.get('etag'));
      const row = (await json<{ items: RowJson[] }>(after)).items.find(
        (r) => r.id === 'tz-library',
      );
      expect(row?.description).toBe('changed outside');
    } finally {
      spy.mockRestore();
    }
  });

  it('compresses with brotli or gzip as the client accepts, same content', async () => {
    const plain = await (await t.request('/api/initiatives')).text();
    const br = await t.request('/api/initiatives', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gz = await t.request('/api/initiatives', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
  });

  it('compresses a page and answers 304 to its ETag', async () => {
    const path = '/api/initiatives?limit=2&offset=0';
    const plain = await t.request(path);
    const etag = plain.headers.get('etag');
    expect(etag).toBeTruthy();
    const same = await t.request(path, { headers: { 'if-none-match': etag! } });
    expect(same.status).toBe(304);
    const text = await plain.text();
    expect(JSON.parse(text).items).toHaveLength(2);
    const big = await t.request('/api/initiatives?limit=1000', {
      headers: { 'accept-encoding': 'br' },
    });
    // Three rows or more of JSON: over the 1 KB under which bodies go as they are.
    expect(big.headers.get('content-encoding')).toBe('br');
    const raw = Buffer.from(await big.arrayBuffer());
    expect(JSON.parse(brotliDecompressSync(raw).toString()).items.length).toBeGreaterThan(2);
  });

  it('returns a page with limit and offset', async () => {
    const res = await t.request('/api/initiatives?limit=1&offset=1');
    const body = await json<{ items: RowJson[]; total: number }>(res);
    expect(body.items.map((r) => r.id)).toEqual(['tz-library']);
    expect((await t.request('/api/initiatives?limit=-1')).status).toBe(400);
  });

  it('gets one row with its version as ETag, or 404', async () => {
    const res = await t.request('/api/initiatives/tz-library');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(await json(res)).toMatchObject({ id: 'tz-library', name_zh: '城市图书馆', version: 1 });
    const same = await t.request('/api/initiatives/tz-library', {
      headers: { 'if-none-match': '"1"' },
    });
    expect(same.status).toBe(304);
    expect((await t.request('/api/initiatives/nope')).status).toBe(404);
  });
});

describe('a private atlas (ATLAS_PUBLIC_READ=0)', () => {
  it('answers 401 to anonymous reads and serves signed-in viewers', async () => {
    vi.stubEnv('ATLAS_PUBLIC_READ', '0');
    try {
      const app = createApp({ db: t.db });
      const get = (path: string, cookie?: string) =>
        app.request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
      for (const path of [
        '/api/initiatives',
        '/api/initiatives/tz-library',
        '/api/initiatives/tz-library/history',
      ]) {
        expect((await get(path)).status).toBe(401);
        expect((await get(path, t.cookies.viewer)).status).toBe(200);
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('creating', () => {
  it('answers 201 with version 1 and records who', async () => {
    const res = await t.request('/api/initiatives', { json: newRow('c-one'), as: 'editor' });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ id: 'c-one', version: 1, updated_by: 'editor' });
  });

  it('refuses an invalid row with 422 and errors by field, writing nothing', async () => {
    const res = await t.request('/api/initiatives', {
      json: newRow('c-bad', { category: 'castle', lon: 200, investment_qualifier: null }),
      as: 'editor',
    });
    expect(res.status).toBe(422);
    const body = await json<{ error: string; errors: { field: string; reason: string }[] }>(res);
    expect(body.errors.map((e) => e.field).sort()).toEqual(['category', 'lon']);
    expect(body.errors.find((e) => e.field === 'lon')?.reason).toMatch(/out of range/);
    expect((await t.request('/api/initiatives/c-bad')).status).toBe(404);
  });

  it('checks rules across fields (investment without qualifier, end before start)', async () => {
    const res = await t.request('/api/initiatives', {
      json: newRow('c-bad2', { investment_qualifier: null, start_year: 2020, end_year: 2019 }),
      as: 'editor',
    });
    expect(res.status).toBe(422);
    const fields = (await json<{ errors: { field: string }[] }>(res)).errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['end_year', 'investment_qualifier']);
  });

  it('answers 409 when the id exists', async () => {
    const res = await t.request('/api/initiatives', { json: newRow('tz-library'), as: 'editor' });
    expect(res.status).toBe(409);
    expect((await getRow('tz-library')).name_en).toBe('City library');
  });

  it('never takes version or updated_* from the client, and refuses deleted/history', async () => {
    const res = await t.request('/api/initiatives', {
      json: newRow('c-mass', { version: 99, updated_by: 'mallory', updated_at: '2000-01-01' }),
      as: 'editor',
    });
    expect(res.status).toBe(201);
    const row = await json<RowJson>(res);
    expect(row.version).toBe(1);
    expect(row.updated_by).toBe('editor');
    expect(row.updated_at).not.toMatch(/^2000/);
    const bad = await t.request('/api/initiatives', {
      json: newRow('c-mass2', { deleted: true, history: [] }),
      as: 'editor',
    });
    expect(bad.status).toBe(422);
    const fields = (await json<{ errors: { field: string }[] }>(bad)).errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['deleted', 'history']);
  });

  it('stores a name holding SQL and HTML verbatim', async () => {
    const name = `Robert'); DROP TABLE initiatives;-- <script>alert("x")</script> &amp; <b>`;
    const res = await t.request('/api/initiatives', {
      json: newRow('c-hostile', { name_en: name, description: `'; select pg_sleep(1); --` }),
      as: 'editor',
    });
    expect(res.status).toBe(201);
    const row = await getRow('c-hostile');
    expect(row.name_en).toBe(name);
    expect(row.description).toBe(`'; select pg_sleep(1); --`);
    expect((await t.request('/api/initiatives')).status).toBe(200);
  });

  it('refuses anonymous (401), viewers (403) and cross-origin requests (403)', async () => {
    expect((await t.request('/api/initiatives', { json: newRow('c-anon') })).status).toBe(401);
    expect(
      (await t.request('/api/initiatives', { json: newRow('c-vi'), as: 'viewer' })).status,
    ).toBe(403);
    const csrf = await t.request('/api/initiatives', {
      json: newRow('c-csrf'),
      as: 'editor',
      headers: { origin: 'https://evil.example' },
    });
    expect(csrf.status).toBe(403);
    for (const id of ['c-anon', 'c-vi', 'c-csrf']) {
      expect((await t.request(`/api/initiatives/${id}`)).status).toBe(404);
    }
  });
});

describe('editing', () => {
  it('needs If-Match (428), answers 200 with version + 1', async () => {
    await t.request('/api/initiatives', { json: newRow('e-one'), as: 'editor' });
    expect((await patch('e-one', null, { status: 'planned' })).status).toBe(428);
    const etag = (await t.request('/api/initiatives')).headers.get('etag');
    const res = await patch('e-one', 1, { status: 'planned', note: 'per the 2024 budget' });
    expect(res.status).toBe(200);
    expect((await t.request('/api/initiatives')).headers.get('etag')).not.toBe(etag);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await json(res)).toMatchObject({ status: 'planned', version: 2, updated_by: 'editor' });
  });

  it('merges a stale edit of another field; a field both changed is a 409 with nothing written', async () => {
    await t.request('/api/initiatives', { json: newRow('e-merge'), as: 'editor' });
    expect((await patch('e-merge', 1, { name_en: 'Renamed park' }, 'editor')).status).toBe(200);
    // editor2 still has version 1: a different field lands, keeping editor's name.
    const merged = await patch('e-merge', 1, { status: 'planned' }, 'editor2');
    expect(merged.status).toBe(200);
    expect(await json(merged)).toMatchObject({
      name_en: 'Renamed park',
      status: 'planned',
      version: 3,
    });
    // editor2 again from version 1, on the name editor changed (and on a free field): 409.
    const conflict = await patch(
      'e-merge',
      1,
      { name_en: 'Other name', start_year: 2011 },
      'editor2',
    );
    expect(conflict.status).toBe(409);
    const body = await json<{ error: string; current: RowJson; conflicts: string[] }>(conflict);
    expect(body.conflicts).toEqual(['name_en']);
    expect(body.current).toMatchObject({ name_en: 'Renamed park', version: 3 });
    const now = await getRow('e-merge');
    expect(now).toMatchObject({ name_en: 'Renamed park', start_year: 2010, version: 3 });
  });

  it('the same value sent from a stale version is no conflict', async () => {
    await t.request('/api/initiatives', { json: newRow('e-same'), as: 'editor' });
    await patch('e-same', 1, { status: 'planned' });
    const res = await patch('e-same', 1, { status: 'planned' }, 'editor2');
    expect(res.status).toBe(200);
    expect((await json<RowJson>(res)).version).toBe(2);
  });

  it('answers 422 for an invalid change, 404 for an unknown row, and cannot change the id', async () => {
    await t.request('/api/initiatives', { json: newRow('e-bad'), as: 'editor' });
    const bad = await patch('e-bad', 1, { lat: 'north' });
    expect(bad.status).toBe(422);
    expect((await json<{ errors: { field: string }[] }>(bad)).errors.map((e) => e.field)).toEqual([
      'lat',
    ]);
    // Clearing the figure but not its qualifier breaks a rule across fields.
    const rule = await patch('e-bad', 1, { investment_cny: null });
    expect(rule.status).toBe(422);
    expect((await json<{ errors: { field: string }[] }>(rule)).errors.map((e) => e.field)).toEqual([
      'investment_qualifier',
    ]);
    expect((await patch('e-bad', 1, { id: 'other' })).status).toBe(422);
    expect((await patch('e-bad', 1, { version: 7, status: 'planned' })).status).toBe(200);
    expect((await getRow('e-bad')).version).toBe(2);
    expect((await patch('nope', 1, { status: 'planned' })).status).toBe(404);
    expect((await patch('e-bad', 2, { status: 'completed' }, 'viewer')).status).toBe(403);
  });
});

describe('deleting, restoring and history', () => {
  it('deletes with If-Match (428 without, 409 stale), keeps history, restores with version + 1', async () => {
    await t.request('/api/initiatives', { json: newRow('d-one'), as: 'editor' });
    await patch('d-one', 1, {
      lon: 116.72,
      lat: 39.88,
      location_precision: 'exact',
      note: 'surveyed',
    });
    const del = (v: number | null) =>
      t.request('/api/initiatives/d-one', {
        method: 'DELETE',
        as: 'editor',
        headers: v === null ? {} : { 'if-match': `"${v}"` },
      });
    expect((await del(null)).status).toBe(428);
    expect((await del(1)).status).toBe(409);
    const etag = (await t.request('/api/initiatives')).headers.get('etag');
    expect((await del(2)).status).toBe(204);
    expect((await t.request('/api/initiatives')).headers.get('etag')).not.toBe(etag);
    expect((await t.request('/api/initiatives/d-one')).status).toBe(404);
    const list = await json<{ items: RowJson[] }>(await t.request('/api/initiatives'));
    expect(list.items.some((r) => r.id === 'd-one')).toBe(false);
    expect((await del(3)).status).toBe(404);

    const restored = await t.request('/api/initiatives/d-one/restore', {
      method: 'POST',
      as: 'editor2',
      json: { note: 'deleted by mistake' },
    });
    expect(restored.status).toBe(200);
    expect(await json(restored)).toMatchObject({
      id: 'd-one',
      version: 4,
      lon: 116.72,
      updated_by: 'editor2',
    });

    const h = await json<{ changes: Record<string, unknown>[] }>(
      await t.request('/api/initiatives/d-one/history'),
    );
    expect(h.changes.map((c) => [c.action, c.by])).toEqual([
      ['create', 'editor'],
      ['update', 'editor'],
      ['delete', 'editor'],
      ['restore', 'editor2'],
    ]);
    expect(h.changes[3]).toMatchObject({ fields: {}, note: 'deleted by mistake' });
    expect(h.changes[1]).toMatchObject({
      fields: {
        lon: { from: 116.7146, to: 116.72 },
        lat: { from: 39.8794, to: 39.88 },
        location_precision: { from: 'approximate', to: 'exact' },
      },
      note: 'surveyed',
      batch: null,
    });
    expect(h.changes[0]?.fields).toMatchObject({ name_zh: { from: null, to: base.name_zh } });
    expect((await t.request('/api/initiatives/nope/history')).status).toBe(404);
  });

  it('keeps history append-only in the database itself', async () => {
    await expect(t.db.query('update initiative_history set note = $1', ['x'])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('delete from initiative_history')).rejects.toThrow(/append-only/);
  });
});

describe('batch', () => {
  it('creates, updates and deletes in one go, history carrying the batch id', async () => {
    const lib = await getRow('tz-library');
    const res = await t.request('/api/initiatives/batch', {
      as: 'editor',
      json: {
        upserts: [
          newRow('b-new-1'),
          newRow('b-new-2', { name_en: 'Second' }),
          { ...SEED_ROWS[1], version: lib.version, status: 'completed' },
        ],
        deletes: ['sh-metro-line'],
        note: 'import of the 2025 ledger',
      },
    });
    expect(res.status).toBe(200);
    const out = await json<{ created: number; updated: number; deleted: number; batch: string }>(
      res,
    );
    expect(out).toMatchObject({ created: 2, updated: 1, deleted: 1 });
    expect(out.batch).toMatch(/\S/);
    expect((await getRow('tz-library')).status).toBe('completed');
    expect((await t.request('/api/initiatives/sh-metro-line')).status).toBe(404);
    const h = await json<{ changes: { action: string; batch: string; note: string }[] }>(
      await t.request('/api/initiatives/b-new-2/history'),
    );
    expect(h.changes).toEqual([
      expect.objectContaining({
        action: 'create',
        batch: out.batch,
        note: 'import of the 2025 ledger',
      }),
    ]);
  });

  it('is all or nothing: one invalid row gives 422 per row and writes nothing', async () => {
    const before = (await t.request('/api/initiatives')).headers.get('etag');
    const res = await t.request('/api/initiatives/batch', {
      as: 'editor',
      json: { upserts: [newRow('b-ok'), newRow('b-bad', { status: 'someday' })], deletes: [] },
    });
    expect(res.status).toBe(422);
    const body = await json<{ errors: Record<string, unknown>[] }>(res);
    expect(body.errors).toEqual([
      expect.objectContaining({ list: 'upserts', row: 1, id: 'b-bad', field: 'status' }),
    ]);
    expect((await t.request('/api/initiatives/b-ok')).status).toBe(404);
    expect((await t.request('/api/initiatives')).headers.get('etag')).toBe(before);
  });

  it('a stale upsert of a field changed since the preview gives 409 and writes nothing', async () => {
    await t.request('/api/initiatives', { json: newRow('b-stale'), as: 'editor' });
    await patch('b-stale', 1, { description: 'edited meanwhile' });
    const res = await t.request('/api/initiatives/batch', {
      as: 'editor2',
      json: {
        upserts: [
          newRow('b-fresh'),
          { ...newRow('b-stale'), version: 1, description: 'from import' },
        ],
        deletes: ['tz-canal-park'],
      },
    });
    expect(res.status).toBe(409);
    const body = await json<{ errors: Record<string, unknown>[] }>(res);
    expect(body.errors).toEqual([
      expect.objectContaining({ id: 'b-stale', row: 1, conflicts: ['description'] }),
    ]);
    expect((await t.request('/api/initiatives/b-fresh')).status).toBe(404);
    expect((await t.request('/api/initiatives/tz-canal-park')).status).toBe(200);
    expect((await getRow('b-stale')).description).toBe('edited meanwhile');
    // The same import, from the preview's version, with only other fields changed: merged.
    const ok = await t.request('/api/initiatives/batch', {
      as: 'editor2',
      json: { upserts: [{ ...newRow('b-stale'), version: 1, status: 'planned' }] },
    });
    expect(ok.status).toBe(200);
    expect(await getRow('b-stale')).toMatchObject({
      status: 'planned',
      description: 'edited meanwhile',
    });
  });

  it('creates 1,500 rows (two statements of 1,000 and 500) in order, each with its history', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `bulk-${String(1499 - i).padStart(4, '0')}`);
    const res = await t.request('/api/initiatives/batch', {
      as: 'editor',
      json: {
        upserts: ids.map((id, i) => newRow(id, { start_year: 2000 + (i % 50), end_year: null })),
      },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ created: 1500, updated: 0, deleted: 0 });
    const { items } = await json<{ items: RowJson[] }>(await t.request('/api/initiatives'));
    expect(items.filter((r) => r.id.startsWith('bulk-')).map((r) => r.id)).toEqual(ids);
    expect(await getRow('bulk-0000')).toMatchObject({
      version: 1,
      start_year: 2049,
      lon: 116.7146,
    });
    const h = await json<{ changes: { action: string; fields: Record<string, unknown> }[] }>(
      await t.request('/api/initiatives/bulk-0000/history'),
    );
    expect(h.changes).toHaveLength(1);
    expect(h.changes[0]?.fields.start_year).toEqual({ from: null, to: 2049 });
    const again = await t.request('/api/initiatives/batch', {
      as: 'editor',
      json: { upserts: [newRow('bulk-new'), newRow('bulk-0001')] },
    });
    expect(again.status).toBe(409);
    expect((await t.request('/api/initiatives/bulk-new')).status).toBe(404);
  });

  it('refuses viewers and anonymous callers', async () => {
    const body = { upserts: [newRow('b-vi')] };
    expect((await t.request('/api/initiatives/batch', { json: body, as: 'viewer' })).status).toBe(
      403,
    );
    expect((await t.request('/api/initiatives/batch', { json: body })).status).toBe(401);
  });
});
