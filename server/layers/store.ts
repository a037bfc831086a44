/**
 * Published layers in the database (migration 003): one row per layer, the GeoJSON kept as the
 * text that is served. Every publish and withdrawal bumps `layer_revision` in the same
 * transaction; the row keeps the revision of its last write (its ETag).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Queryable } from '../db/index.ts';
import type { LayerMeta, LayerRole } from './validate.ts';

export interface LayerSummary {
  id: string;
  name: string;
  role: LayerRole;
  city_id: string | null;
  /** Population layers: the property holding the number of people. */
  field: string | null;
  features: number;
  updated_at: string;
  updated_by: string;
  revision: number;
}

const SUMMARY = `id, name, role, city_id, field, features, revision, updated_at, updated_by`;

type Row = Omit<LayerSummary, 'updated_at' | 'revision'> & {
  updated_at: Date | string;
  revision: number | string;
};

function summary(r: Row): LayerSummary {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    city_id: r.city_id,
    field: r.field,
    features: Number(r.features),
    updated_at: new Date(r.updated_at).toISOString(),
    updated_by: r.updated_by,
    revision: Number(r.revision),
  };
}

/** The revision of the layers as a whole (bumped by every publish and withdrawal). */
export async function layersRevision(q: Queryable): Promise<number> {
  const r = await q.query<{ value: number | string }>(
    'select value from layer_revision where id = 1',
  );
  return Number(r.rows[0]?.value ?? 0);
}

export async function listLayers(q: Queryable): Promise<LayerSummary[]> {
  const r = await q.query<Row>(`select ${SUMMARY} from layers order by role, city_id, id`);
  return r.rows.map(summary);
}

export async function layerRevision(q: Queryable, id: string): Promise<number | null> {
  const r = await q.query<{ revision: number | string }>(
    'select revision from layers where id = $1',
    [id],
  );
  const row = r.rows[0];
  return row ? Number(row.revision) : null;
}

export async function layerText(
  q: Queryable,
  id: string,
): Promise<{ revision: number; geojson: string } | null> {
  const r = await q.query<{ revision: number | string; geojson: string }>(
    'select revision, geojson from layers where id = $1',
    [id],
  );
  const row = r.rows[0];
  return row ? { revision: Number(row.revision), geojson: row.geojson } : null;
}

async function bump(q: Queryable): Promise<number> {
  const r = await q.query<{ value: number | string }>(
    'update layer_revision set value = value + 1 where id = 1 returning value',
  );
  return Number(r.rows[0]?.value);
}

/** Publishes (creates or replaces) a layer; call inside a transaction. */
export async function putLayer(
  q: Queryable,
  id: string,
  meta: LayerMeta,
  geojson: FeatureCollection,
  by: string,
): Promise<{ layer: LayerSummary; created: boolean }> {
  const revision = await bump(q);
  const existed = (await layerRevision(q, id)) !== null;
  const r = await q.query<Row>(
    `insert into layers (id, name, role, city_id, field, features, geojson, revision, updated_at, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)
     on conflict (id) do update set name = excluded.name, role = excluded.role,
       city_id = excluded.city_id, field = excluded.field, features = excluded.features,
       geojson = excluded.geojson, revision = excluded.revision, updated_at = now(),
       updated_by = excluded.updated_by
     returning ${SUMMARY}`,
    [
      id,
      meta.name,
      meta.role,
      meta.city_id ?? null,
      meta.role === 'population' ? (meta.field ?? 'population') : null,
      geojson.features.length,
      JSON.stringify(geojson),
      revision,
      by,
    ],
  );
  return { layer: summary(r.rows[0] as Row), created: !existed };
}

/** Withdraws a layer; false when there was none. Call inside a transaction. */
export async function deleteLayer(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query<{ id: string }>('delete from layers where id = $1 returning id', [id]);
  if (r.rows.length === 0) return false;
  await bump(q);
  return true;
}

/** The catalogue's city ids (data/catalog.json): a layer's city must be one of them. */
export function catalogCityIds(dataDir: string): Set<string> {
  const catalog = JSON.parse(readFileSync(join(dataDir, 'catalog.json'), 'utf8')) as {
    cities?: { id?: unknown }[];
  };
  return new Set((catalog.cities ?? []).map((c) => String(c.id)));
}

/** The repository's data/ folder. */
export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data');
