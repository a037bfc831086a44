/**
 * The first start loads data/ (server/seed.ts): the ledger, the boundaries and one parks layer
 * per city, in one transaction, once. Known answers: `npm run data:check` reports 196 initiatives,
 * 18 green spaces and 16 boundaries; green_space.geojson has 5 parks in tongzhou and taixing,
 * 3 in meihekou and shihezi, 2 in jiyuan (counted by hand with a script); the first ledger row is
 * tz-control-plan at 116.6514, 39.9086, start year 2016, no investment.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/users.ts';
import type { Db } from '../../server/db/index.ts';
import { DATA_DIR } from '../../server/layers/store.ts';
import { isLoaded, SEED_USER, seedFromData } from '../../server/seed.ts';
import { freshDb } from './fresh-db.ts';

let db: Db | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

const count = async (sql: string) =>
  Number((await (db as Db).query<{ n: number }>(sql)).rows[0]?.n);

describe('the first start loads data/', () => {
  it('loads the ledger and the layers once, even when users already exist', async () => {
    db = await freshDb();
    // As after `atlas user add` on a new database: schema and a user, no ledger.
    await createUser(db, { name: 'admin', role: 'admin', password: 'correct horse battery' });
    expect(await isLoaded(db)).toBe(false);

    const first = await seedFromData(db);
    expect(first).toMatchObject({ loaded: true, initiatives: 196, problems: [] });
    expect(first.layers).toEqual([
      'boundaries',
      'parks-jiyuan',
      'parks-meihekou',
      'parks-shihezi',
      'parks-taixing',
      'parks-tongzhou',
    ]);
    expect(await isLoaded(db)).toBe(true);
    expect(await count('select count(*)::int as n from initiatives')).toBe(196);
    const layers = await db.query<{ id: string; features: number; role: string }>(
      'select id, features, role from layers order by id',
    );
    expect(layers.rows.map((l) => [l.id, l.role, l.features])).toEqual([
      ['boundaries', 'boundaries', 16],
      ['parks-jiyuan', 'parks', 2],
      ['parks-meihekou', 'parks', 3],
      ['parks-shihezi', 'parks', 3],
      ['parks-taixing', 'parks', 5],
      ['parks-tongzhou', 'parks', 5],
    ]);

    const row = (
      await db.query(
        "select lon, lat, start_year, investment_cny, version, updated_by from initiatives where id = 'tz-control-plan'",
      )
    ).rows[0];
    expect(row).toEqual({
      lon: 116.6514,
      lat: 39.9086,
      start_year: 2016,
      investment_cny: null,
      version: 1,
      updated_by: SEED_USER,
    });
    const history = await db.query<{ action: string; version: number; by_user: string }>(
      "select action, version, by_user from initiative_history where initiative_id = 'tz-control-plan'",
    );
    expect(history.rows).toEqual([{ action: 'create', version: 1, by_user: SEED_USER }]);
    expect(
      await count('select revision::int as n from ledger_revision where id = 1'),
    ).toBeGreaterThan(0);

    // A second start loads nothing, and an emptied ledger stays empty (the database is the truth).
    await db.query('delete from initiatives');
    const second = await seedFromData(db);
    expect(second.loaded).toBe(false);
    expect(await count('select count(*)::int as n from initiatives')).toBe(0);
    expect(await count('select count(*)::int as n from layers')).toBe(6);
  }, 60_000);

  it('a ledger that cannot be read stops the start and writes nothing', async () => {
    db = await freshDb();
    const dir = mkdtempSync(join(tmpdir(), 'atlas-seed-'));
    try {
      cpSync(DATA_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'initiatives.csv'), 'id,name_zh\nx,y\n');
      await expect(seedFromData(db, dir)).rejects.toThrow(/initiatives\.csv cannot be loaded/);
      expect(await isLoaded(db)).toBe(false);
      expect(await count('select count(*)::int as n from initiatives')).toBe(0);
      expect(await count('select count(*)::int as n from layers')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a bad row in data/ is reported and the good rows load', async () => {
    db = await freshDb();
    const dir = mkdtempSync(join(tmpdir(), 'atlas-seed-'));
    try {
      cpSync(DATA_DIR, dir, { recursive: true });
      const { readFileSync } = await import('node:fs');
      const csv = readFileSync(join(dir, 'initiatives.csv'), 'utf8');
      // Row 1's latitude becomes 99 (out of range): the row is left out and named.
      const lines = csv.split('\n');
      lines[1] = (lines[1] ?? '').replace(',39.9086,', ',99,');
      writeFileSync(join(dir, 'initiatives.csv'), lines.join('\n'));
      const r = await seedFromData(db, dir);
      expect(r.initiatives).toBe(195);
      expect(r.problems).toEqual([
        'initiatives.csv (row 1, line 2, id "tz-control-plan", lat): is out of range (-90..90)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
