import type { FeatureCollection, Point } from 'geojson';
import type {
  BoundaryCollection,
  Catalog,
  GreenCollection,
  Initiative,
  LayerEntry,
} from './model.ts';
import {
  type DataIssue,
  formatIssue,
  type PopulationLayer,
  parseInitiativesCsv,
  validateBoundaries,
  validateCatalog,
  validateGreenSpace,
  validatePopulation,
  validateResidential,
} from './validate.ts';

export type { Area, BoundaryCollection, GreenCollection } from './model.ts';

export interface LayerFailure {
  layer: string;
  file: string;
  message: string;
}

/** What the app shows. A layer that failed is null/empty and named in `failures`. */
export interface AtlasData {
  catalog: Catalog;
  initiatives: Initiative[];
  boundaries: BoundaryCollection | null;
  green: GreenCollection | null;
  cityLabels: FeatureCollection<Point, { id: string; name_zh: string; name_en: string }>;
  /** Optional: residential land (coverage's denominator when present). */
  residential: FeatureCollection | null;
  /** Optional: population (polygons or points with a count in `field`). */
  population: PopulationLayer | null;
  failures: LayerFailure[];
  /** Row/feature-level problems: those rows were skipped, the rest loaded. */
  issues: DataIssue[];
}

export type Fetcher = (
  url: string,
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

async function fetchText(fetcher: Fetcher, url: string): Promise<string> {
  let res: Awaited<ReturnType<Fetcher>>;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new Error(`network error (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function layerOf(catalog: Catalog, kind: LayerEntry['kind']): LayerEntry | undefined {
  return catalog.layers.find((l) => l.kind === kind);
}

/**
 * Loads the catalogue, then each layer it lists independently: a layer that is missing or broken
 * is reported and the others still load; bad rows are reported and the good rows kept.
 * Throws only when the catalogue itself cannot be read (nothing else can be found without it).
 */
export async function loadAtlasData(dataBase: string, fetcher: Fetcher): Promise<AtlasData> {
  const catalogResult = validateCatalog(
    parseJson(await fetchText(fetcher, `${dataBase}catalog.json`)),
  );
  const catalog = catalogResult.value;
  if (!catalog) {
    const first = catalogResult.issues[0];
    throw new Error(`catalog.json is invalid${first ? `: ${formatIssue(first)}` : ''}`);
  }
  const failures: LayerFailure[] = [];
  const issues: DataIssue[] = [...catalogResult.issues];
  const ctx = { cityIds: new Set(catalog.cities.map((c) => c.id)) };

  async function load<T>(
    kind: LayerEntry['kind'],
    parse: (text: string) => { value: T | null; issues: DataIssue[] },
  ): Promise<T | null> {
    const entry = layerOf(catalog as Catalog, kind);
    if (!entry) return null;
    try {
      const result = parse(await fetchText(fetcher, `${dataBase}${entry.file}`));
      issues.push(...result.issues);
      if (result.value === null) {
        const first = result.issues[0];
        throw new Error(first ? formatIssue(first) : 'invalid file');
      }
      return result.value;
    } catch (e) {
      failures.push({
        layer: entry.id,
        file: entry.file,
        message: e instanceof Error ? e.message : String(e),
      });
      return null;
    }
  }

  const popField = layerOf(catalog, 'population')?.field ?? 'population';
  const [initiatives, boundaries, green, residential, population] = await Promise.all([
    load<Initiative[]>('initiatives', (t) => {
      const r = parseInitiativesCsv(t, ctx);
      return { value: r.fatal ? null : r.rows, issues: r.issues };
    }),
    load<BoundaryCollection>('boundaries', (t) => validateBoundaries(parseJson(t))),
    load<GreenCollection>('green_space', (t) => validateGreenSpace(parseJson(t), ctx)),
    load<FeatureCollection>('residential', (t) =>
      validateResidential(parseJson(t), layerOf(catalog, 'residential')?.file ?? ''),
    ),
    load<PopulationLayer>('population', (t) =>
      validatePopulation(parseJson(t), popField, layerOf(catalog, 'population')?.file ?? ''),
    ),
  ]);

  return {
    catalog,
    initiatives: initiatives ?? [],
    boundaries,
    green,
    residential,
    population,
    cityLabels: {
      type: 'FeatureCollection',
      features: catalog.cities.map((c) => ({
        type: 'Feature',
        id: c.id,
        geometry: { type: 'Point', coordinates: c.seat },
        properties: { id: c.id, name_zh: c.name_zh, name_en: c.name_en },
      })),
    },
    failures,
    issues,
  };
}
