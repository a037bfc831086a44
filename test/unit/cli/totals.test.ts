import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellArea } from '../analytics/helpers.ts';
import { wgsToGcj } from '../formats/gcj-reference.ts';
import { atlas, CLI, FORMATS, IN, json, stderrErrors, tempDir } from './helpers.ts';

interface Totals {
  regions: Array<{
    id: string | number;
    area_m2: number;
    count: number;
    sums: Record<string, number>;
    missing: Record<string, number>;
    by: Record<string, number>;
  }>;
  skipped: Array<Record<string, unknown>>;
}

const REGIONS = `${IN}/totals-regions.geojson`;
const rel = (a: number, b: number) => Math.abs(a / b - 1);

/**
 * Known answers, by hand: region A is the 0.01° cell at 116.60 E 39.90 N, B the one east of it.
 * p1, p2 inside A; p3 on A's south edge; p4 on A's north-west vertex; p5 on the edge A and B share
 * (boundary counts as inside, so in both); p6 inside B; p7 in neither; p8 no location; p9 out of
 * range.
 */
function checkHandCounts(out: Totals) {
  const [a, b, c] = out.regions;
  expect(out.regions.map((r) => r.id)).toEqual(['A', 1, 'C']);
  expect(a).toMatchObject({
    count: 5,
    sums: { investment_cny: 1350.5 },
    missing: { investment_cny: 2 },
  });
  expect(a!.by).toEqual({ '(blank)': 1, green_space: 1, transport: 2, water: 1 });
  expect(b).toMatchObject({
    count: 2,
    sums: { investment_cny: 2200 },
    missing: { investment_cny: 0 },
  });
  expect(b!.by).toEqual({ water: 2 });
  expect(c).toMatchObject({ count: 0, sums: { investment_cny: 0 }, by: {} });
  expect(rel(a!.area_m2, cellArea(116.6, 39.9, 116.61, 39.91))).toBeLessThan(1e-4);
}

describe('atlas totals', () => {
  it('GeoJSON points: counts (boundary inside), sums, missing, by; skipped features listed', () => {
    const out = json<Totals>(
      atlas(
        'totals',
        '--regions',
        REGIONS,
        '--points',
        `${IN}/totals-points.geojson`,
        '--sum',
        'investment_cny',
        '--by',
        'category',
      ),
    );
    expect(Object.keys(out)).toEqual(['regions', 'skipped']);
    expect(Object.keys(out.regions[0]!)).toEqual([
      'id',
      'area_m2',
      'count',
      'sums',
      'missing',
      'by',
    ]);
    checkHandCounts(out);
    expect(out.skipped).toEqual([
      { feature: 7, field: 'geometry', reason: 'no geometry (null)' },
      {
        feature: 8,
        field: 'geometry',
        reason: 'coordinate out of range (lon 200, lat 95) at coordinates',
      },
    ]);
  });

  it('the same points as a GBK CSV with 经度/纬度 headers: same totals, skipped rows by data row', () => {
    const out = json<Totals>(
      atlas(
        'totals',
        '--regions',
        REGIONS,
        '--points',
        `${CLI}/totals-points-gbk.csv`,
        '--sum',
        'investment_cny',
        '--by',
        'category',
      ),
    );
    checkHandCounts(out);
    expect(out.skipped).toEqual([
      { row: 8, field: '经度', reason: 'blank' },
      { row: 8, field: '纬度', reason: 'blank' },
      {
        row: 9,
        field: '经度',
        reason: 'out of range: 200 (longitude must be between -180 and 180)',
      },
      { row: 9, field: '纬度', reason: 'out of range: 95 (latitude must be between -90 and 90)' },
    ]);
  });

  it('several --sum fields; without --by, "by" is empty; --id-field names the regions', () => {
    const out = json<Totals>(
      atlas(
        'totals',
        '--regions',
        REGIONS,
        '--points',
        `${IN}/totals-points.geojson`,
        '--sum',
        'investment_cny',
        '--sum',
        'id',
        '--id-field',
        'name',
      ),
    );
    expect(out.regions.map((r) => r.id)).toEqual(['A', 'B', 'C']);
    // "p1".."p6" are not numbers: all missing.
    expect(out.regions[0]!.sums).toEqual({ investment_cny: 1350.5, id: 0 });
    expect(out.regions[0]!.missing).toEqual({ investment_cny: 2, id: 5 });
    expect(out.regions[0]!.by).toEqual({});
  });

  it('--crs gcj02 converts the points: one in A in WGS84 but in B in raw GCJ-02 coordinates', () => {
    const [lon, lat] = wgsToGcj(116.608, 39.905);
    expect(lon).toBeGreaterThan(116.61); // raw, it lies in B
    const dir = tempDir();
    const file = join(dir, 'gcj.csv');
    writeFileSync(file, `id,lng,lat\ng1,${lon},${lat}\n`);
    const raw = json<Totals>(atlas('totals', '--regions', REGIONS, '--points', file));
    expect(raw.regions.map((r) => r.count)).toEqual([0, 1, 0]);
    const converted = json<Totals>(
      atlas('totals', '--regions', REGIONS, '--points', file, '--crs', 'gcj02'),
    );
    expect(converted.regions.map((r) => r.count)).toEqual([1, 0, 0]);
    // --crs is the datum of the points; regions in the same datum take --regions-crs.
    const both = json<Totals>(
      atlas(
        'totals',
        '--regions',
        REGIONS,
        '--points',
        file,
        '--crs',
        'gcj02',
        '--regions-crs',
        'gcj02',
      ),
    );
    expect(both.regions.map((r) => r.count)).toEqual([0, 1, 0]);
  });

  it('invalid input: regions that are a point table, a CSV without coordinates, a missing file', () => {
    expect(
      stderrErrors(
        atlas(
          'totals',
          '--regions',
          `${FORMATS}/points-tab.tsv`,
          '--points',
          `${IN}/totals-points.geojson`,
        ),
      ),
    ).toEqual([
      {
        file: `${FORMATS}/points-tab.tsv`,
        field: 'geometry',
        reason: 'regions must be polygons, but this is a point table (csv)',
      },
    ]);
    const noCoords = stderrErrors(
      atlas('totals', '--regions', REGIONS, '--points', `${FORMATS}/no-coordinates.csv`),
    );
    expect(noCoords).toHaveLength(1);
    expect(noCoords[0]).toMatchObject({ file: `${FORMATS}/no-coordinates.csv`, field: 'header' });
    expect(noCoords[0]!.reason).toMatch(/headers seen: name, address, value/);
    expect(
      stderrErrors(
        atlas('totals', '--regions', 'nope.geojson', '--points', `${IN}/totals-points.geojson`),
      ),
    ).toEqual([
      { file: 'nope.geojson', field: 'file', reason: 'cannot read the file: no such file' },
    ]);
  });

  it('invalid input: a region that is not a polygon, named by feature and field', () => {
    expect(
      stderrErrors(
        atlas(
          'totals',
          '--regions',
          `${CLI}/regions-with-point.geojson`,
          '--points',
          `${IN}/totals-points.geojson`,
        ),
      ),
    ).toEqual([
      {
        file: `${CLI}/regions-with-point.geojson`,
        feature: 1,
        field: 'geometry',
        reason: 'geometry type Point is not Polygon or MultiPolygon (regions must be polygons)',
      },
    ]);
  });
});

describe('atlas totals on a ledger table', () => {
  it('sums investment_cny by the ledger rule: exact and "at least" only, the rest missing', () => {
    // All five rows inside region A (the 0.01° cell at 116.60 E 39.90 N); by hand:
    // counted 100 (exact) + 50 (at least) = 150; missing: about 30, target 1000, blank.
    const dir = tempDir();
    const file = join(dir, 'ledger.csv');
    writeFileSync(
      file,
      [
        'id,lon,lat,investment_cny,investment_qualifier',
        'a,116.603,39.903,100,exact',
        'b,116.604,39.904,50,at_least',
        'c,116.605,39.905,30,about',
        'd,116.606,39.906,1000,target',
        'e,116.607,39.907,,',
      ].join('\n'),
    );
    const run = atlas('totals', '--regions', REGIONS, '--points', file, '--sum', 'investment_cny');
    const out = json<Totals>(run);
    expect(out.regions[0]).toMatchObject({
      id: 'A',
      count: 5,
      sums: { investment_cny: 150 },
      missing: { investment_cny: 3 },
    });
    expect(run.stderr).toMatch(/2 figures qualified "about" or "target".*not summed/);
  });
});
