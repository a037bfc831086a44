/**
 * The first start: when the database has never been loaded (meta 'ledger_loaded' absent, even if
 * `atlas user add` already created the schema), the ledger and the layers are loaded from data/
 * in ONE transaction: data/initiatives.csv (the same parser and schema as data:check), the
 * boundaries as the layer `boundaries`, and the green space as one parks layer per city
 * (`parks-<city>`), so that an admin who publishes a city's real park layer replaces exactly that
 * city's parks. After that the database is the truth; data/ is never read into it again.
 * Several instances starting at once: the meta row is claimed first, so only one loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { INITIATIVE_COLUMNS } from '../src/core/ledger/model.ts';
import { SEED_HISTORY_NOTE } from '../src/core/ledger/seed-note.ts';
import { type DataIssue, formatIssue, parseInitiativesCsv } from '../src/core/ledger/validate.ts';
import type { Db, Queryable } from './db/index.ts';
import { catalogCityIds, DATA_DIR, putLayer } from './layers/store.ts';
import { checkLayer } from './layers/validate.ts';

/** Who the loaded rows and layers are attributed to in history. */
export const SEED_USER = 'data/';

export interface SeedResult {
  /** False when the database had already been loaded (nothing done). */
  loaded: boolean;
  initiatives: number;
  layers: string[];
  /** Rows or features of data/ that were left out, as text. */
  problems: string[];
}

export async function isLoaded(q: Queryable): Promise<boolean> {
  const r = await q.query("select 1 from meta where key = 'ledger_loaded'");
  return r.rows.length > 0;
}

function readJson(dataDir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
}

export async function seedFromData(db: Db, dataDir = DATA_DIR): Promise<SeedResult> {
  if (await isLoaded(db)) return { loaded: false, initiatives: 0, layers: [], problems: [] };
  const cityIds = catalogCityIds(dataDir);
  const csv = parseInitiativesCsv(readFileSync(join(dataDir, 'initiatives.csv'), 'utf8'), {
    cityIds,
  });
  const problems: string[] = csv.issues.map((i: DataIssue) => formatIssue(i));
  if (csv.fatal) throw new Error(`data/initiatives.csv cannot be loaded: ${problems.join('; ')}`);

  // The layers, validated exactly as a publish is.
  const layers: { id: string; body: unknown }[] = [];
  layers.push({
    id: 'boundaries',
    body: {
      name: 'Administrative boundaries',
      role: 'boundaries',
      city_id: null,
      geojson: readJson(dataDir, 'boundaries.geojson'),
    },
  });
  const green = readJson(dataDir, 'green_space.geojson') as { features?: Feature[] };
  const byCity = new Map<string, Feature[]>();
  for (const f of green.features ?? []) {
    const city = String((f.properties as { city_id?: unknown } | null)?.city_id ?? '');
    byCity.set(city, [...(byCity.get(city) ?? []), f]);
  }
  for (const [city, features] of [...byCity].sort(([a], [b]) => a.localeCompare(b))) {
    layers.push({
      id: `parks-${city}`,
      body: {
        name: `Parks and green space: ${city} (data/green_space.geojson)`,
        role: 'parks',
        city_id: city,
        geojson: { type: 'FeatureCollection', features },
      },
    });
  }
  const checked = layers.map((l) => ({ id: l.id, check: checkLayer(l.id, l.body, cityIds) }));

  return db.tx(async (q) => {
    const claim = await q.query(
      `insert into meta (key, value) values ('ledger_loaded', $1)
       on conflict (key) do nothing returning key`,
      [new Date().toISOString()],
    );
    if (claim.rows.length === 0) return { loaded: false, initiatives: 0, layers: [], problems };
    let n = 0;
    const cols = INITIATIVE_COLUMNS.join(', ');
    const params = INITIATIVE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
    const note = SEED_HISTORY_NOTE;
    for (const row of csv.rows) {
      const values = INITIATIVE_COLUMNS.map((c) => row[c]);
      const ins = await q.query(
        `insert into initiatives (${cols}, version, updated_by)
         values (${params}, 1, $${INITIATIVE_COLUMNS.length + 1})
         on conflict (id) do nothing returning id`,
        [...values, SEED_USER],
      );
      if (ins.rows.length === 0) continue;
      const fields = Object.fromEntries(
        INITIATIVE_COLUMNS.map((c) => [c, { from: null, to: row[c] }]),
      );
      await q.query(
        `insert into initiative_history (initiative_id, version, by_user, action, fields, note)
         values ($1, 1, $2, 'create', $3, $4)`,
        [row.id, SEED_USER, JSON.stringify(fields), note],
      );
      n++;
    }
    if (n > 0) await q.query('update ledger_revision set revision = revision + 1 where id = 1');
    const done: string[] = [];
    for (const { id, check } of checked) {
      if (!check.ok) {
        problems.push(
          ...check.problems.map(
            (p) =>
              `layer ${id}${p.feature !== undefined ? ` (feature ${p.feature}, ${p.field})` : ` (${p.field})`}: ${p.reason}`,
          ),
        );
        continue;
      }
      await putLayer(q, id, check.meta, check.geojson, SEED_USER);
      done.push(id);
    }
    return { loaded: true, initiatives: n, layers: done, problems };
  });
}
