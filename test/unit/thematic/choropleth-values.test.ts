/**
 * Choropleth values: known answers on squares of known area (hand-placed points; the area from
 * the exact ellipsoidal formula of a lon/lat cell, analytics/helpers.ts), and equality with
 * `atlas totals` on the shipped boundaries and ledger (the CLI run in-process, the map computed
 * through the worker's API from the app's own ledger columns).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { type Fetcher, loadAtlasData } from '../../../src/core/ledger/load.ts';
import { choroplethValues } from '../../../src/core/thematic/choropleth-values.ts';
import { createAtlasApi } from '../../../src/worker/api.ts';
import { ledgerColumns } from '../../../src/worker/client.ts';
import { cellArea } from '../analytics/helpers.ts';
import { ROOT } from '../cli/helpers.ts';

const square = (id: string, w: number, s: number, e: number, n: number): Feature<Polygon> => ({
  type: 'Feature',
  id,
  properties: { id },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
});

/** A and B: 0.01° cells side by side at 116.60-116.62 E, 39.90-39.91 N; C: an empty one. */
const REGIONS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    square('A', 116.6, 39.9, 116.61, 39.91),
    square('B', 116.61, 39.9, 116.62, 39.91),
    square('C', 116.63, 39.9, 116.64, 39.91),
  ],
};
// Three points in A (10, 20 and one not stated), one in B (not stated), one in none.
const POINTS = {
  lons: Float64Array.from([116.601, 116.605, 116.609, 116.615, 116.7]),
  lats: Float64Array.from([39.901, 39.905, 39.909, 39.905, 39.905]),
  columns: { investment_cny: Float64Array.from([10, 20, Number.NaN, Number.NaN, 5]) },
};
const KM2_A = cellArea(116.6, 39.9, 116.61, 39.91) / 1e6;
const KM2_B = cellArea(116.61, 39.9, 116.62, 39.91) / 1e6;

describe('choroplethValues (known answers)', () => {
  it('counts the points in each region', () => {
    const r = choroplethValues(REGIONS, POINTS, 'count');
    expect(r.values.map((v) => [v.id, v.value])).toEqual([
      ['A', 3],
      ['B', 1],
      ['C', 0],
    ]);
  });

  it('sums the stated values; all blank is no data (NaN), no point at all is 0', () => {
    const r = choroplethValues(REGIONS, POINTS, 'sum', { field: 'investment_cny' });
    const [a, b, c] = r.values;
    expect(a).toMatchObject({ value: 30, count: 3, sum: 30, missing: 1 });
    expect(b!.value).toBeNaN();
    expect(b).toMatchObject({ count: 1, missing: 1 });
    expect(c).toMatchObject({ value: 0, count: 0, missing: 0 });
  });

  it('points per km² of the geodesic area (about 0.95 km² per cell here)', () => {
    const r = choroplethValues(REGIONS, POINTS, 'density');
    const [a, b, c] = r.values;
    expect(KM2_A).toBeGreaterThan(0.94);
    expect(KM2_A).toBeLessThan(0.96);
    expect(a!.value / (3 / KM2_A)).toBeCloseTo(1, 4);
    expect(b!.value / (1 / KM2_B)).toBeCloseTo(1, 4);
    expect(c!.value).toBe(0);
  });

  it('refuses a sum with no field', () => {
    expect(() => choroplethValues(REGIONS, POINTS, 'sum')).toThrow(/field/);
  });
});

interface CliTotals {
  regions: Array<{
    id: string;
    area_m2: number;
    count: number;
    sums: Record<string, number>;
    missing: Record<string, number>;
  }>;
}

async function atlasTotals(): Promise<CliTotals> {
  let out = '';
  const code = await main(
    [
      'totals',
      '--regions',
      join(ROOT, 'data/boundaries.geojson'),
      '--points',
      join(ROOT, 'data/initiatives.csv'),
      '--sum',
      'investment_cny',
    ],
    {
      out: (t) => {
        out += t;
      },
      err: () => {},
      errIsTTY: false,
      writeFile: () => {},
    },
  );
  expect(code).toBe(0);
  return JSON.parse(out) as CliTotals;
}

const fetcher: Fetcher = async (url) => {
  const file = url.split('/').pop() ?? url;
  return new Response(readFileSync(join(ROOT, 'data', file)));
};

describe('the choropleth equals `atlas totals` on the same regions', () => {
  it('counts, investment sums (and the unstated), per km², for every boundary', async () => {
    const [cli, data] = await Promise.all([atlasTotals(), loadAtlasData('/data/', fetcher)]);
    const api = createAtlasApi();
    api.setLayers(data.boundaries, data.green);
    const cols = ledgerColumns(data.initiatives);
    const run = (measure: 'count' | 'sum' | 'density') =>
      api.thematicMap({
        map: 'choropleth',
        source: { kind: 'columns', lons: cols.lons, lats: cols.lats, values: cols.investment },
        measure,
        regions: null,
        method: 'quantile',
        classes: 5,
        resolution: 8,
      });
    const count = run('count');
    const sum = run('sum');
    const density = run('density');
    if (count.map !== 'choropleth' || sum.map !== 'choropleth' || density.map !== 'choropleth') {
      throw new Error('not a choropleth');
    }
    expect(cli.regions.length).toBeGreaterThan(10);
    expect(count.values.map((v) => v.id)).toEqual(cli.regions.map((r) => String(r.id)));
    cli.regions.forEach((r, i) => {
      const stated = r.count - (r.missing.investment_cny ?? 0);
      expect(count.values[i]!.value).toBe(r.count);
      expect(sum.values[i]!.missing).toBe(r.missing.investment_cny);
      if (stated > 0 || r.count === 0) expect(sum.values[i]!.value).toBe(r.sums.investment_cny);
      else expect(sum.values[i]!.value).toBeNaN();
      expect(density.values[i]!.value).toBe(r.count / (r.area_m2 / 1e6));
    });
    // Tongzhou, as in the README's example: 49 projects, CNY 35.66 billion, 47 not stated.
    const tz = sum.values.find((v) => v.id === 'tongzhou');
    expect(tz).toMatchObject({ count: 49, value: 35_660_000_000, missing: 47 });
  });
});
