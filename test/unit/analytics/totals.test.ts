import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  featureId,
  PointIndex,
  PreparedPolygon,
  regionTotals,
  toNumber,
} from '../../../src/core/analytics/index.ts';
import {
  cellArea,
  deepFreeze,
  english,
  feature,
  loadIn,
  matchOut,
  pointSet,
  random,
} from './helpers.ts';

const regions = loadIn('totals-regions');
const points = loadIn('totals-points');
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('regionTotals on a hand-made fixture', () => {
  const result = regionTotals(regions, pointSet(points), {
    sum: ['investment_cny'],
    by: 'category',
  });
  const [a, b, c] = result.regions;

  it('counts points inside, on an edge and on a vertex; a point on a shared edge counts in both', () => {
    expect(a!.count).toBe(5); // p1, p2, p3 (south edge), p4 (vertex), p5 (shared edge)
    expect(b!.count).toBe(2); // p5 (shared edge), p6
  });

  it('sums numeric values and numeric strings, skips blank / non-numeric values and counts them', () => {
    expect(a!.sums).toEqual({ investment_cny: 100 + 250.5 + 1000 });
    expect(a!.missing).toEqual({ investment_cny: 2 }); // '' and 'n/a', never read as 0
    expect(b!.sums).toEqual({ investment_cny: 1000 + 1200 }); // '1,200' is 1200
    expect(b!.missing).toEqual({ investment_cny: 0 });
  });

  it('counts by a field, blank values under "(blank)"', () => {
    expect(a!.by).toEqual({ '(blank)': 1, green_space: 1, transport: 2, water: 1 });
    expect(b!.by).toEqual({ water: 2 });
  });

  it('a region with no points: count 0, sums 0, missing 0, by empty', () => {
    expect(c).toMatchObject({ count: 0, sums: { investment_cny: 0 } });
    expect(c!.missing).toEqual({ investment_cny: 0 });
    expect(c!.by).toEqual({});
  });

  it('ids follow the contract rule: feature.id, else properties.id, else the index', () => {
    expect(result.regions.map((r) => r.id)).toEqual(['A', 1, 'C']);
    const withField = regionTotals(regions, pointSet(points), { idField: 'code' });
    expect(withField.regions.map((r) => r.id)).toEqual(['A', 'region-b', 'C']);
    expect(withField.regions[0]).not.toHaveProperty('by');
  });

  it('region area is ellipsoidal (closed-form cell area within 0.01 %)', () => {
    expect(rel(a!.area_m2, cellArea(116.6, 39.9, 116.61, 39.91))).toBeLessThan(1e-4);
  });

  it('reports points without usable coordinates, by row', () => {
    expect(english(result.skipped)).toEqual([
      { row: 7, reason: 'missing or invalid coordinates (lon NaN, lat NaN)' },
      { row: 8, reason: 'missing or invalid coordinates (lon 200, lat 95)' },
    ]);
    const withRows = regionTotals(regions, {
      ...pointSet(points),
      rows: Array.from({ length: 9 }, (_, i) => i + 2),
    });
    expect(withRows.skipped.map((s) => s.row)).toEqual([9, 10]);
  });

  it('takes numeric columns (typed arrays, NaN = missing) instead of properties', () => {
    const ps = pointSet(points);
    const column = new Float64Array([100, 250.5, Number.NaN, Number.NaN, 1000, 1200, 5, 7, 9]);
    const r = regionTotals(
      regions,
      { lons: ps.lons, lats: ps.lats, columns: { investment_cny: column } },
      {
        sum: ['investment_cny'],
      },
    );
    expect(r.regions[0]!.sums.investment_cny).toBe(1350.5);
    expect(r.regions[0]!.missing.investment_cny).toBe(2);
  });

  it('matches the expected output file', () => {
    matchOut('totals', result);
  });
});

describe('bad input', () => {
  it('an empty FeatureCollection gives no regions', () => {
    expect(regionTotals(loadIn('bad-empty'), pointSet(points)).regions).toEqual([]);
  });

  it('repairs a bow-tie (both lobes kept), closes an unclosed ring, names what it skipped', () => {
    const bad = loadIn('bad-regions');
    const r = regionTotals(bad, pointSet(points));
    expect(r.regions.map((x) => x.id)).toEqual(['bow-tie', 'unclosed']);
    expect(english(r.repairedRegions)).toEqual([
      expect.objectContaining({
        feature: 0,
        id: 'bow-tie',
        reason: expect.stringMatching(/self-intersecting.*repaired/),
      }),
    ]);
    // Two triangles, each a quarter of the 0.01° cell.
    expect(rel(r.regions[0]!.area_m2, cellArea(116.6, 39.9, 116.61, 39.91) / 2)).toBeLessThan(1e-3);
    expect(english(r.skippedRegions)).toEqual([
      expect.objectContaining({
        id: 'degenerate',
        reason: expect.stringMatching(/empty geometry/),
      }),
      expect.objectContaining({
        id: 'non-numeric',
        reason: 'non-numeric coordinate at polygon 0 ring 0 vertex 1',
      }),
    ]);
    const strict = regionTotals(bad, pointSet(points), { repair: false });
    expect(strict.skippedRegions[0]).toMatchObject({
      id: 'bow-tie',
      reason: expect.stringMatching(/self-intersecting polygon near \[116.605, 39.905\]/),
    });
  });

  it('does not mutate its inputs (fixtures are deep-frozen)', () => {
    expect(Object.isFrozen(regions.features[0]!.geometry)).toBe(true);
    expect(() =>
      regionTotals(regions, pointSet(points), { sum: ['investment_cny'] }),
    ).not.toThrow();
  });

  it('throws on an index built over other points', () => {
    const index = PointIndex.build(new Float64Array([1]), new Float64Array([1]));
    expect(() => regionTotals(regions, pointSet(points), { index })).toThrow(
      /index holds 1 points/,
    );
  });
});

describe('point-in-polygon', () => {
  it('a point exactly on a shared diagonal edge counts in both; near it, in exactly one', () => {
    // Dyadic coordinates, so the point is exactly on the edge in floating point.
    const t1 = new PreparedPolygon([
      [
        [
          [116.5, 39.75],
          [116.625, 39.875],
          [116.5, 39.875],
          [116.5, 39.75],
        ],
      ],
    ]);
    const t2 = new PreparedPolygon([
      [
        [
          [116.5, 39.75],
          [116.625, 39.75],
          [116.625, 39.875],
          [116.5, 39.75],
        ],
      ],
    ]);
    expect(t1.contains(116.5625, 39.8125)).toBe(true);
    expect(t2.contains(116.5625, 39.8125)).toBe(true);
    for (let i = 1; i < 200; i++) {
      const x = 116.5 + (0.125 * i) / 200 + 1e-13 * ((i % 3) - 1);
      const y = 39.75 + (0.125 * i) / 200;
      const n = Number(t1.contains(x, y)) + Number(t2.contains(x, y));
      // Never in neither (no gap); off the edge, in exactly one (no double count).
      if (i % 3 === 1) expect(n, `${x},${y}`).toBeGreaterThanOrEqual(1);
      else expect(n, `${x},${y}`).toBe(1);
    }
  });

  it('agrees with turf.booleanPointInPolygon on random points (holes, many vertices)', () => {
    const outer: number[][] = [];
    for (let i = 0; i < 200; i++) {
      const t = (2 * Math.PI * i) / 200;
      const r = 1 + 0.3 * Math.sin(5 * t);
      outer.push([116 + r * Math.cos(t), 40 + r * Math.sin(t)]);
    }
    outer.push(outer[0]!);
    const hole = [
      [115.8, 39.8],
      [115.8, 40.2],
      [116.2, 40.2],
      [116.2, 39.8],
      [115.8, 39.8],
    ];
    const poly = turf.polygon([outer, hole]);
    const prepared = new PreparedPolygon([[outer, hole]]);
    const rnd = random(7);
    for (let i = 0; i < 5000; i++) {
      const p = [114.5 + 3 * rnd(), 38.5 + 3 * rnd()];
      expect(prepared.contains(p[0]!, p[1]!)).toBe(turf.booleanPointInPolygon(p, poly));
    }
    for (const v of [...outer, ...hole]) expect(prepared.contains(v[0]!, v[1]!)).toBe(true);
  });
});

describe('PointIndex', () => {
  it('skips invalid coordinates, and survives a transfer of its single buffer', () => {
    const lons = new Float64Array([116.6, Number.NaN, 116.7, 181, 116.65]);
    const lats = new Float64Array([39.9, 39.9, 39.95, 39.9, 39.92]);
    const index = PointIndex.build(lons, lats);
    expect(Array.from(index.invalid)).toEqual([1, 3]);
    expect(index.size).toBe(3);
    const moved = structuredClone(index.buffer, { transfer: [index.buffer] });
    expect(index.buffer.byteLength).toBe(0); // transferred away
    const back = PointIndex.fromBuffer(moved);
    expect(back.range([116.6, 39.9, 116.66, 39.93]).sort()).toEqual([0, 4]);
    expect(Array.from(back.invalid)).toEqual([1, 3]);
    expect(() => PointIndex.fromBuffer(new ArrayBuffer(32))).toThrow(/Not a PointIndex/);
  });

  it('handles no points', () => {
    const index = PointIndex.build(new Float64Array(0), new Float64Array(0));
    expect(index.range([-180, -90, 180, 90])).toEqual([]);
  });
});

describe('values and ids', () => {
  it('numbers: blanks, words, hex, Infinity are missing', () => {
    expect([1, '2.5', ' 3 ', '1,234.5', '-1e3'].map(toNumber)).toEqual([1, 2.5, 3, 1234.5, -1000]);
    expect(
      ['', '  ', 'n/a', '12亿', '0x10', 'Infinity', null, undefined, true, Number.NaN].map(
        toNumber,
      ),
    ).toEqual(Array(10).fill(null));
  });

  it('the id rule', () => {
    const f = deepFreeze({ id: 7, properties: { id: 'p', name: 'n', blank: '' } });
    expect(featureId(f, 3, 'name')).toBe('n');
    expect(featureId(f, 3, 'blank')).toBe(7);
    expect(featureId({ properties: { id: 'p' } }, 3)).toBe('p');
    expect(featureId({ properties: {} }, 3)).toBe(3);
    expect(featureId(feature({ type: 'Point', coordinates: [0, 0] }), 0)).toBe(0);
  });
});
