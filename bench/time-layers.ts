/**
 * `npx tsx bench/time-layers.ts [--quick]`: one step of the timeline over an imported layer, as
 * the app computes it (issue 12), with seeded points over Tongzhou and a year column (2000-2020,
 * 5 % without a year). Per year step: the map's count (countUpTo, one binary search on the
 * prebuilt year index), the row list's rows (rowsAsOf over the filtered rows), the worker's region
 * results (layerRegionResults with the year: rows as of the year, their index, the totals) for
 * Tongzhou's boundary and for 10 boxes, and hexagons (thematicMap, resolution 8). A GeoJSON layer
 * of 9,999 features (just under the table threshold): featureRowsAsOf and layerResultPoints.
 * Median of 5 steps (years 2008-2012). Writes bench/results-time.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { featureRowsAsOf, rowsAsOf } from '../src/core/time/rows-as-of.ts';
import { buildYearIndex, countUpTo } from '../src/core/time/year-index.ts';
import { layerResultPoints } from '../src/core/workspace/layer-points.ts';
import type { Region } from '../src/core/workspace/model.ts';
import type { PointTable } from '../src/core/workspace/point-table.ts';
import { createAtlasApi } from '../src/worker/api.ts';
import { rng, seedPoints } from './seed.ts';

const quick = process.argv.includes('--quick');
const boundaries = JSON.parse(readFileSync('data/boundaries.geojson', 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon
>;
const tz = boundaries.features.find((f) => f.properties?.id === 'tongzhou')!;
const BBOX: [number, number, number, number] = [116.55, 39.7, 116.95, 40.05];
const tongzhou: Region = { id: 'tz', name: 'Tongzhou', shape: 'imported', geometry: tz.geometry };
const boxes: Region[] = Array.from({ length: 10 }, (_, k) => {
  const w = 116.6 + (k % 5) * 0.06;
  const s = 39.75 + Math.floor(k / 5) * 0.12;
  return {
    id: `b${k}`,
    name: `b${k}`,
    shape: 'rectangle',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [w + 0.05, s],
          [w + 0.05, s + 0.1],
          [w, s + 0.1],
          [w, s],
        ],
      ],
    },
  };
});

function yearsOf(n: number, seed: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n }, () =>
    r() < 0.05 ? Number.NaN : 2000 + Math.floor(r() * 21),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of `f(year)` over the years 2008-2012, each after the one before. */
function perStep(f: (year: number) => unknown): number {
  const ms: number[] = [];
  for (let year = 2008; year <= 2012; year++) {
    const t0 = performance.now();
    f(year);
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const fmt = (ms: number) =>
  ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const lines: string[] = [];
const out = (s: string) => {
  lines.push(s);
  console.log(s);
};

out(`# One step of the timeline over an imported layer`);
out('');
out(
  `${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}; load average ${loadavg()[0]!.toFixed(1)} at the start (the machine is shared: upper bounds). Median of 5 steps (2008-2012). \`npx tsx bench/time-layers.ts\`.`,
);
out('');
out(
  '| points (table) | map: `countUpTo` | list: `rowsAsOf` | region results, Tongzhou | region results, 10 boxes | hexagons (res. 8) |',
);
out('|---:|---:|---:|---:|---:|---:|');
const api = createAtlasApi();
api.setLayers(null, { type: 'FeatureCollection', features: [] });
for (const n of quick ? [100_000] : [100_000, 1_000_000]) {
  const pts = seedPoints(n, BBOX, 7 + n);
  const years = yearsOf(n, 3 + n);
  const table: PointTable = {
    count: n,
    lons: pts.lons,
    lats: pts.lats,
    rows: Uint32Array.from({ length: n }, (_, i) => i + 1),
    columns: [{ name: 'opened', kind: 'number', values: years }],
    bbox: BBOX,
  };
  api.putTable('T', table);
  const index = buildYearIndex(years, 'all');
  const map = perStep((y) => countUpTo(index, y));
  const list = perStep((y) => rowsAsOf(years, 'all', y));
  const time = (y: number) => ({ column: 'opened', year: y });
  api.layerRegionResults([tongzhou], 'T', null, 'gbt50563', time(2000)); // warm-up
  const one = perStep((y) => api.layerRegionResults([tongzhou], 'T', null, 'gbt50563', time(y)));
  const ten = perStep((y) => api.layerRegionResults(boxes, 'T', null, 'gbt50563', time(y)));
  const hex = perStep((y) =>
    api.thematicMap({
      map: 'hexagons',
      source: { kind: 'table', id: 'T', filter: null, field: null, time: time(y) },
      measure: 'count',
      regions: null,
      method: 'quantile',
      classes: 5,
      resolution: 8,
    }),
  );
  out(
    `| ${n.toLocaleString('en-US')} | ${fmt(map)} | ${fmt(list)} | ${fmt(one)} | ${fmt(ten)} | ${fmt(hex)} |`,
  );
}

const F = 9_999;
const fp = seedPoints(F, BBOX, 99);
const fy = yearsOf(F, 98);
const features: Feature<Geometry>[] = Array.from({ length: F }, (_, i) => ({
  type: 'Feature',
  properties: { opened: Number.isNaN(fy[i]!) ? null : fy[i]! },
  geometry: { type: 'Point', coordinates: [fp.lons[i]!, fp.lats[i]!] },
}));
const layer = { data: { type: 'FeatureCollection' as const, features }, filter: null };
const rowsMs = perStep((y) => featureRowsAsOf(layer, { years: fy, year: y }));
const pointsMs = perStep((y) => layerResultPoints(layer, { years: fy, year: y }));
const resultsMs = perStep((y) =>
  api.regionResults([tongzhou], layerResultPoints(layer, { years: fy, year: y }), 'gbt50563'),
);
out('');
out(
  `GeoJSON layer of ${F.toLocaleString('en-US')} point features: list (\`featureRowsAsOf\`) ${fmt(rowsMs)}, region points (\`layerResultPoints\`) ${fmt(pointsMs)}, region results for Tongzhou with them ${fmt(resultsMs)} per step.`,
);
writeFileSync('bench/results-time.md', `${lines.join('\n')}\n`);
