/**
 * With the atlas server (GET /api/health answers), the layers its admins published replace the
 * ones shipped in data/ for everyone, signed in or not: parks (the cities' green space: coverage,
 * scorecard, region results), residential land, population and boundaries. Each layer is checked
 * with the same validators as data/ (features that fail are skipped and named). Without a server
 * (a static host) the data is returned as it is.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { completenessWithPublished, type PublishedParks } from '../../core/green/completeness.ts';
import type { AtlasData } from '../../core/ledger/load.ts';
import type { BoundaryCollection, GreenCollection } from '../../core/ledger/model.ts';
import {
  type DataIssue,
  type PopulationLayer,
  validateBoundaries,
  validateGreenSpace,
  validatePopulation,
  validateResidential,
} from '../../core/ledger/validate.ts';

export interface PublishedLayer {
  id: string;
  name: string;
  role: 'parks' | 'residential' | 'population' | 'boundaries' | 'points';
  city_id: string | null;
  field?: string | null;
  features: number;
  updated_by?: string;
  updated_at?: string;
}

/** Who the server's first start attributes data/'s layers to (server/seed.ts SEED_USER). */
const SEED_USER = 'data/';

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

async function getJson(fetcher: Fetch, url: string): Promise<unknown> {
  const res = await fetcher(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** The published layers, or null when no atlas server answers. */
export async function listPublished(
  apiBase: string,
  fetcher: Fetch,
): Promise<PublishedLayer[] | null> {
  try {
    const health = (await getJson(fetcher, `${apiBase}health`)) as { ok?: unknown };
    if (health?.ok !== true) return null;
  } catch {
    return null;
  }
  const list = (await getJson(fetcher, `${apiBase}layers`)) as { layers?: PublishedLayer[] };
  return list.layers ?? [];
}

/** `data` with the published layers in place of data/'s (unchanged without a server). */
export async function withPublishedLayers(
  data: AtlasData,
  apiBase: string,
  fetcher: Fetch,
): Promise<AtlasData> {
  try {
    const layers = await listPublished(apiBase, fetcher);
    return layers ? await replaceLayers(data, layers, apiBase, fetcher) : data;
  } catch (e) {
    // The server answered but its layers could not be read: data/'s stay, and the app says so.
    const message = e instanceof Error ? e.message : String(e);
    return {
      ...data,
      failures: [...data.failures, { layer: 'published', file: `${apiBase}layers`, message }],
    };
  }
}

async function replaceLayers(
  data: AtlasData,
  layers: PublishedLayer[],
  apiBase: string,
  fetcher: Fetch,
): Promise<AtlasData> {
  const issues: DataIssue[] = [];
  const cityIds = new Set(data.catalog.cities.map((c) => c.id));
  const fetched = await Promise.all(
    layers
      .filter((l) => l.role !== 'points')
      .map(async (l) => ({
        layer: l,
        json: await getJson(fetcher, `${apiBase}layers/${encodeURIComponent(l.id)}`),
      })),
  );
  const parks: GreenCollection['features'] = [];
  const publishedParks: PublishedParks[] = [];
  const residential: Feature[] = [];
  const population: PopulationLayer[] = [];
  let boundaries: BoundaryCollection | null = null;
  for (const { layer, json } of fetched) {
    const file = `layer ${layer.id}`;
    if (layer.role === 'parks') {
      const r = validateGreenSpace(json, { cityIds }, file);
      issues.push(...r.issues);
      const features = r.value?.features ?? [];
      parks.push(...features);
      // A park layer an administrator published (not data/'s, loaded on the first start) is the
      // city's complete park layer: the scorecard rates from it.
      if (layer.updated_by && layer.updated_by !== SEED_USER) {
        const cities = new Set(features.map((f) => f.properties.city_id));
        for (const city_id of cities) {
          publishedParks.push({
            city_id,
            layer_id: layer.id,
            features: features.filter((f) => f.properties.city_id === city_id).length,
            updated_by: layer.updated_by,
            updated_at: layer.updated_at ?? '',
          });
        }
      }
    } else if (layer.role === 'residential') {
      const r = validateResidential(json, file);
      issues.push(...r.issues);
      residential.push(...(r.value?.features ?? []));
    } else if (layer.role === 'population') {
      const r = validatePopulation(json, layer.field ?? 'population', file);
      issues.push(...r.issues);
      if (r.value) population.push(r.value);
    } else if (layer.role === 'boundaries') {
      const r = validateBoundaries(json, file);
      issues.push(...r.issues);
      if (r.value) boundaries = r.value;
    }
  }
  const catalog = {
    ...data.catalog,
    cities: data.catalog.cities.map((c) => {
      const p = publishedParks.find((x) => x.city_id === c.id);
      return p ? { ...c, green_data: completenessWithPublished(c.green_data, p) } : c;
    }),
  };
  return {
    ...data,
    catalog,
    // The server is the truth for parks: a withdrawn layer takes its parks away.
    green: { type: 'FeatureCollection', features: parks },
    residential: residential.length ? { type: 'FeatureCollection', features: residential } : null,
    population: mergePopulation(population),
    boundaries: boundaries ?? data.boundaries,
    issues: [...data.issues, ...issues],
  };
}

/** Several population layers as one: all of one kind; counts under one property name. */
function mergePopulation(layers: PopulationLayer[]): PopulationLayer | null {
  const first = layers[0];
  if (!first) return null;
  const same = layers.filter((l) => l.kind === first.kind);
  const features: FeatureCollection['features'] = same.flatMap((l) =>
    l.features.features.map((f) =>
      l.field === first.field
        ? f
        : { ...f, properties: { ...f.properties, [first.field]: f.properties?.[l.field] } },
    ),
  );
  return {
    kind: first.kind,
    field: first.field,
    features: { type: 'FeatureCollection', features },
  };
}
