/**
 * The concurrency rules, with the requests really in flight together: 30 edits of the
 * same field from the same version -> exactly one 200 and 29 409s, nothing half-written; two edits
 * of different fields from the same version -> both land; 100 concurrent creates -> all present.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, makeTestApp, type RowJson, SEED_ROWS, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const patch = (id: string, version: number, body: unknown, as = 'editor') =>
  t.request(`/api/initiatives/${id}`, {
    method: 'PATCH',
    json: body,
    as,
    headers: { 'if-match': `"${version}"` },
  });

describe('concurrent writes', () => {
  it('30 edits of one field from the same version: one wins, 29 get 409', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `Name from editor ${i}`);
    const responses = await Promise.all(
      names.map((name, i) =>
        patch('tz-library', 1, { name_en: name }, i % 2 ? 'editor' : 'editor2'),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(29);
    const winner = names[statuses.indexOf(200)];
    const row = await json<RowJson>(await t.request('/api/initiatives/tz-library'));
    expect(row).toMatchObject({ name_en: winner, version: 2 });
    const h = await json<{ changes: { action: string }[] }>(
      await t.request('/api/initiatives/tz-library/history'),
    );
    expect(h.changes.map((c) => c.action)).toEqual(['create', 'update']);
    // Every loser is told the winner's value and the conflicting field.
    const loser = await json<{ current: RowJson; conflicts: string[] }>(
      responses[statuses.indexOf(409)]!,
    );
    expect(loser.conflicts).toEqual(['name_en']);
    expect(loser.current.name_en).toBe(winner);
  });

  it('two edits of different fields from the same version: both land', async () => {
    const [a, b] = await Promise.all([
      patch('tz-canal-park', 1, { status: 'ongoing_programme' }, 'editor'),
      patch('tz-canal-park', 1, { description: 'Second editor was here.' }, 'editor2'),
    ]);
    expect([a?.status, b?.status]).toEqual([200, 200]);
    const row = await json<RowJson>(await t.request('/api/initiatives/tz-canal-park'));
    expect(row).toMatchObject({
      status: 'ongoing_programme',
      description: 'Second editor was here.',
      name_en: SEED_ROWS[0].name_en,
      version: 3,
    });
  });

  it('100 concurrent creates: all present', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
    const responses = await Promise.all(
      ids.map((id, i) =>
        t.request('/api/initiatives', {
          json: { ...SEED_ROWS[2], id },
          as: i % 2 ? 'editor' : 'admin',
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 201));
    const { items } = await json<{ items: RowJson[] }>(await t.request('/api/initiatives'));
    const present = new Set(items.map((r) => r.id));
    expect(ids.filter((id) => !present.has(id))).toEqual([]);
    expect(items).toHaveLength(SEED_ROWS.length + 100);
  });

  it('the same id created 10 times at once: one 201, nine 409', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.request('/api/initiatives', {
          json: { ...SEED_ROWS[2], id: 'race', name_en: `Racer ${i}` },
          as: 'editor',
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
  });

  it('a PATCH that keeps losing the race to other writes still lands, merged, exactly once', async () => {
    // Before each of the PATCH's optimistic writes (a statement conditioned on the version it
    // read), another editor's change of a different field lands first: every optimistic try
    // loses, and the PATCH falls back to locking the row in a transaction.
    const id = 'sh-metro-line';
    const query = t.db.query.bind(t.db);
    let interfered = 0;
    let inside = false;
    const spy = vi.spyOn(t.db, 'query').mockImplementation(async (sql, params) => {
      const optimistic =
        /^\s*with u as \(\s*update initiatives/.test(sql) && /and version = \$/.test(sql);
      if (optimistic && !inside) {
        inside = true;
        interfered++;
        const before = await json<RowJson>(await t.request(`/api/initiatives/${id}`));
        const other = await patch(id, before.version, { end_year: 2030 + interfered }, 'editor2');
        expect(other.status).toBe(200);
        inside = false;
      }
      return query(sql, params);
    });
    try {
      const res = await patch(id, 1, { description: 'Lands after losing every race.' });
      expect(res.status).toBe(200);
      expect(interfered).toBeGreaterThanOrEqual(2);
      const row = await json<RowJson>(await t.request(`/api/initiatives/${id}`));
      expect(row).toMatchObject({
        description: 'Lands after losing every race.',
        end_year: 2030 + interfered,
        version: interfered + 2,
      });
      const h = await json<{ changes: { action: string; by: string; fields: object }[] }>(
        await t.request(`/api/initiatives/${id}/history`),
      );
      expect(h.changes.map((c) => c.by)).toEqual([
        'admin',
        ...Array(interfered).fill('editor2'),
        'editor',
      ]);
      expect(Object.keys(h.changes.at(-1)!.fields)).toEqual(['description']);
    } finally {
      spy.mockRestore();
    }
  });
});
