import { describe, expect, it } from 'vitest';
import { ApiError, AtlasApi, kindOf } from '../../../src/web/api/client.ts';
import { readRows } from '../../../src/web/api/rows.ts';
import { fromForm, resolveConflict, toForm } from '../../../src/web/ui/edit/form-model.ts';

type Call = { url: string; init: RequestInit | undefined };

function fake(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Call[] = [];
  const fetcher = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  };
  return { api: new AtlasApi(fetcher), calls };
}

const ROW = {
  id: 'a-park',
  name_zh: '甲公园',
  name_en: 'A Park',
  city_id: 'tongzhou',
  category: 'green_space',
  status: 'planned',
  start_year: 2020,
  end_year: null,
  investment_cny: null,
  investment_qualifier: null,
  lon: 116.7,
  lat: 39.9,
  location_precision: 'city',
  source: 'https://example.org/a',
  confidence: 'stated',
  description: '',
  version: 3,
  updated_at: '2025-01-01T00:00:00Z',
  updated_by: 'ana',
};

describe('API client error mapping', () => {
  it('maps statuses to kinds', () => {
    expect([401, 403, 404, 409, 428, 422, 429, 500].map(kindOf)).toEqual([
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'precondition',
      'validation',
      'rate_limited',
      'server',
    ]);
  });

  it('a 422 carries the field errors; a 403 the server message', async () => {
    const { api } = fake(422, {
      error: 'invalid row',
      errors: [{ field: 'lat', reason: 'is out of range' }],
    });
    const e = await api.create(ROW as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).kind).toBe('validation');
    expect((e as ApiError).errors).toEqual([{ field: 'lat', reason: 'is out of range' }]);
    const f = await fake(403, { error: 'forbidden' })
      .api.remove('x', 1)
      .catch((x: unknown) => x);
    expect((f as ApiError).kind).toBe('forbidden');
    expect((f as ApiError).message).toBe('forbidden');
  });

  it('a 409 of a PATCH carries the current row and the conflicting fields', async () => {
    const { api, calls } = fake(409, { error: 'conflict', current: ROW, conflicts: ['name_en'] });
    const e = (await api
      .patch('a-park', 2, { name_en: 'B' }, 'why')
      .catch((x: unknown) => x)) as ApiError;
    expect(e.kind).toBe('conflict');
    expect(e.current?.version).toBe(3);
    expect(e.conflicts).toEqual(['name_en']);
    const init = calls[0]?.init;
    expect(new Headers(init?.headers).get('If-Match')).toBe('"2"');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ name_en: 'B', note: 'why' });
    expect(init?.method).toBe('PATCH');
  });

  it('a body that is not JSON, or a network failure, still gives an ApiError', async () => {
    const bad = new AtlasApi(async () => new Response('<html>oops', { status: 502 }));
    const e = (await bad.get('x').catch((x: unknown) => x)) as ApiError;
    expect([e.kind, e.status, e.message]).toEqual(['server', 502, 'HTTP 502']);
    const down = new AtlasApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    const n = (await down.get('x').catch((x: unknown) => x)) as ApiError;
    expect(n.kind).toBe('network');
    expect(await down.health()).toBe(false);
  });

  it('list sends If-None-Match and returns null on 304; me() is null on 401', async () => {
    const { api, calls } = fake(304, undefined);
    expect(await api.list('"7"')).toBeNull();
    expect(new Headers(calls[0]?.init?.headers).get('If-None-Match')).toBe('"7"');
    expect(await fake(401, { error: 'not signed in' }).api.me()).toBeNull();
    const ok = await fake(200, { items: [ROW] }, { ETag: '"8"' }).api.list();
    expect(ok?.etag).toBe('"8"');
  });

  it('health is true only for {"ok":true}; a static host answering index.html is not a server', async () => {
    expect(await fake(200, { ok: true, db: 'pglite' }).api.health()).toBe(true);
    const html = new AtlasApi(async () => new Response('<!doctype html>', { status: 200 }));
    expect(await html.health()).toBe(false);
    expect(await fake(404, {}).api.health()).toBe(false);
  });
});

describe('server rows and forms', () => {
  it('rows are checked with the ledger schema: a bad row is named and left out', () => {
    const r = readRows([ROW, { ...ROW, id: 'bad', lat: 123 }]);
    expect(r.rows.map((x) => x.id)).toEqual(['a-park']);
    expect(r.meta.get('a-park')?.version).toBe(3);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.reason).toMatch(/^bad: lat /);
  });

  it('a form round-trips a row and refuses what data:check refuses, by field', () => {
    const row = readRows([ROW]).rows[0];
    if (!row) throw new Error('no row');
    const back = fromForm(toForm(row));
    expect(back).toEqual({ ok: true, row });
    const bad = fromForm({ ...toForm(row), lat: 'north' });
    expect(bad.ok ? null : bad.errors.lat?.reason).toBe('"north" is not a number');
    const noQualifier = fromForm({ ...toForm(row), investment_cny: '5' });
    expect(noQualifier.ok ? [] : Object.keys(noQualifier.errors)).toEqual(['investment_qualifier']);
    const early = fromForm({ ...toForm(row), end_year: '2019' });
    expect(early.ok ? null : early.errors.end_year?.reason).toBe('is before start_year');
  });

  it('a resolved conflict sends my other changes and my kept values, and names the dropped ones', () => {
    const current = readRows([{ ...ROW, name_en: 'Theirs', status: 'completed' }]).rows[0];
    if (!current) throw new Error('no row');
    const mine = { name_en: 'Mine', description: 'more', status: 'under_construction' as const };
    const r = resolveConflict(
      { mine, fields: ['name_en', 'status'], current },
      { name_en: 'theirs', status: 'mine' },
    );
    expect(r.changes).toEqual({ description: 'more', status: 'under_construction' });
    expect(r.dropped).toEqual({ name_en: 'Mine' });
  });
});
