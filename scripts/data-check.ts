/**
 * `npm run data:check [-- --data DIR] [--initiatives FILE] [--green FILE] [--boundaries FILE]`
 *
 * Validates every file the catalogue lists (and the basemap files), plus cross-file rules:
 * ledger rows name catalogued cities, `city`-precision rows sit exactly on the city's seat,
 * other rows lie near their city's boundary; the ledger's schema rules (status in the enum,
 * investment_qualifier set exactly when investment_cny is, no duplicate ids, every source a seed
 * file name or an http(s) URL); every seed a ledger row cites is one the catalogue lists, and
 * every seed the catalogue lists is cited by at least one row; each city's park-layer completeness
 * (green_data) fits the park layer (its feature count, schematic or real outlines). Prints one line per problem (file, row/feature,
 * field, reason) and exits 1 if there is any, 0 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BBox } from '../src/core/analytics/index.ts';
import { bboxOf } from '../src/core/analytics/validate.ts';
import { checkGreenData } from '../src/core/green/completeness.ts';
import type { Catalog } from '../src/core/ledger/model.ts';
import { ledgerCounts, sourceIssues } from '../src/core/ledger/sources.ts';
import {
  type DataIssue,
  formatIssue,
  parseInitiativesCsv,
  validateBoundaries,
  validateCatalog,
  validateGreenSpace,
} from '../src/core/ledger/validate.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    initiatives: { type: 'string' },
    green: { type: 'string' },
    boundaries: { type: 'string' },
  },
});
const dataDir = resolve(values.data ?? 'data');
const issues: DataIssue[] = [];

function read(path: string, file: string): string | null {
  if (!existsSync(path)) {
    issues.push({ file, field: '(file)', reason: `not found at ${path}` });
    return null;
  }
  return readFileSync(path, 'utf8');
}

function json(path: string, file: string): unknown {
  const text = read(path, file);
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    issues.push({ file, field: '(file)', reason: `not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

const catalogResult = validateCatalog(json(join(dataDir, 'catalog.json'), 'catalog.json'));
issues.push(...catalogResult.issues);
const catalog: Catalog | null = catalogResult.value;
let counts = '';

if (catalog) {
  const ctx = { cityIds: new Set(catalog.cities.map((c) => c.id)) };
  const seats = new Map(catalog.cities.map((c) => [c.id, c.seat]));
  const fileOf = (kind: string, override?: string) => {
    const entry = catalog.layers.find((l) => l.kind === kind);
    if (override) return { path: resolve(override), file: override };
    if (!entry) {
      issues.push({ file: 'catalog.json', field: 'layers', reason: `no layer of kind ${kind}` });
      return null;
    }
    return { path: join(dataDir, entry.file), file: entry.file };
  };

  const b = fileOf('boundaries', values.boundaries);
  const boundaries = b ? validateBoundaries(json(b.path, b.file), b.file) : null;
  if (boundaries) issues.push(...boundaries.issues);
  const bboxes = new Map<string, BBox>();
  for (const f of boundaries?.value?.features ?? []) {
    const g = f.geometry;
    bboxes.set(f.properties.id, bboxOf(g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
  }
  // Near = inside the boundary's bbox grown by ~5 km (outlines are simplified and datum-shifted).
  const near = (city: string, lon: number, lat: number) => {
    const bb = bboxes.get(city);
    const m = 0.05;
    return !bb || (lon >= bb[0] - m && lon <= bb[2] + m && lat >= bb[1] - m && lat <= bb[3] + m);
  };

  const i = fileOf('initiatives', values.initiatives);
  const text = i ? read(i.path, i.file) : null;
  if (i && text !== null) {
    const r = parseInitiativesCsv(text, ctx, i.file);
    issues.push(...r.issues);
    for (const [k, row] of r.rows.entries()) {
      const base = { file: i.file, row: r.rowNumbers[k], id: row.id };
      const seat = seats.get(row.city_id);
      if (
        row.location_precision === 'city' &&
        seat &&
        (seat[0] !== row.lon || seat[1] !== row.lat)
      ) {
        issues.push({
          ...base,
          field: 'lon/lat',
          reason: `precision "city" but not the seat ${seat.join(',')}`,
        });
      }
      if (!near(row.city_id, row.lon, row.lat)) {
        issues.push({
          ...base,
          field: 'lon/lat',
          reason: `lies outside ${row.city_id}'s boundary`,
        });
      }
    }
    issues.push(...sourceIssues(r.rows, r.rowNumbers, catalog, i.file));
    counts += `${ledgerCounts(r.rows)}; `;
  }

  const g = fileOf('green_space', values.green);
  const green = g ? validateGreenSpace(json(g.path, g.file), ctx, g.file) : null;
  if (green) issues.push(...green.issues);
  counts += `${green?.value?.features.length ?? 0} green spaces, ${boundaries?.value?.features.length ?? 0} boundaries, ${catalog.cities.length} cities`;

  // Each city's park-layer completeness must fit what the layer holds; its data/ sources exist.
  if (green?.value) {
    const parks = green.value.features.map((f) => f.properties);
    for (const p of checkGreenData(catalog.cities, parks)) {
      issues.push({ file: 'catalog.json', id: p.city_id, field: p.field, reason: p.reason });
    }
  }
  for (const c of catalog.cities) {
    for (const s of c.green_data.sources) {
      if (s.startsWith('data/') && !existsSync(join(dataDir, s.slice('data/'.length)))) {
        issues.push({
          file: 'catalog.json',
          id: c.id,
          field: 'green_data.sources',
          reason: `${s} does not exist`,
        });
      }
    }
  }

  for (const c of catalog.cities) {
    if (!near(c.id, c.seat[0], c.seat[1])) {
      issues.push({
        file: 'catalog.json',
        id: c.id,
        field: 'seat',
        reason: 'lies outside the city boundary',
      });
    }
  }
}

for (const f of ['land', 'countries', 'provinces', 'context']) {
  const file = `basemap/${f}.geojson`;
  const v = json(join(dataDir, file), file) as { type?: string; features?: unknown[] } | undefined;
  if (v && (v.type !== 'FeatureCollection' || !Array.isArray(v.features) || !v.features.length)) {
    issues.push({ file, field: 'features', reason: 'is not a non-empty FeatureCollection' });
  }
}

for (const issue of issues) console.error(formatIssue(issue));
if (issues.length) {
  console.error(`data:check: ${issues.length} problem(s)`);
  process.exit(1);
}
console.log(`data:check: ok (${counts})`);
