import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/common/problem.ts';
import { importFile } from '../../../src/core/workspace/import-file.ts';
import {
  decodeRegions,
  encodeRegions,
  parseWorkspace,
  passesLayerFilter,
  type Region,
  regionKey,
  URL_REGIONS_MAX,
} from '../../../src/core/workspace/model.ts';
import { regionResults } from '../../../src/core/workspace/results.ts';
import { cellArea, frozenCollection, rectFeature } from '../analytics/helpers.ts';

const rect = (id: string, w: number, s: number, e: number, n: number): Region => ({
  id,
  name: `Region ${id}`,
  shape: 'rectangle',
  geometry: rectFeature(id, w, s, e, n).geometry,
});

describe('regionResults', () => {
  const regions = [rect('a', 116, 40, 117, 41), rect('b', 118, 40, 119, 41)];
  const points = {
    lons: Float64Array.from([116.5, 116.2, 117, 118.5, 120]),
    lats: Float64Array.from([40.5, 40.7, 40.5, 40.5, 40.5]),
    investment: Float64Array.from([1e8, Number.NaN, 3e8, 5e7, 1e9]),
    category: ['water', 'water', 'transport', 'water', 'water'],
    status: ['completed', 'planned', 'completed', 'planned', 'planned'],
  };
  const green = frozenCollection(rectFeature('g', 116.25, 40.25, 116.75, 40.75));

  it('counts by category and status (edge inclusive), sums stated investment, measures area and green', () => {
    const [a, b] = regionResults(regions, points, green, 'gbt50563');
    expect(a).toMatchObject({
      count: 3,
      byCategory: { transport: 1, water: 2 },
      byStatus: { completed: 2, planned: 1 },
      investment_cny: 4e8,
      investment_unknown: 1,
    });
    expect(Math.abs((a?.area_m2 ?? 0) / cellArea(116, 40, 117, 41) - 1)).toBeLessThan(1e-4);
    expect(Math.abs((a?.green_m2 ?? 0) / cellArea(116.25, 40.25, 116.75, 40.75) - 1)).toBeLessThan(
      1e-4,
    );
    // The park covers its own area and a 500 m band around it.
    expect(a?.coverage_share).toBeGreaterThan(a?.green_share ?? 1);
    expect(b).toMatchObject({ count: 1, investment_cny: 5e7, green_m2: 0, coverage_share: 0 });
  });
});

describe('workspace storage and links', () => {
  it('drops stored entries that do not validate and keeps the rest', () => {
    const good = rect('a', 116, 40, 117, 41);
    const { workspace, dropped } = parseWorkspace({
      regions: [good, { ...good, id: 'b', geometry: { type: 'Point', coordinates: [1, 2] } }],
      layers: [{ id: 'x' }],
    });
    expect(workspace.regions.map((r) => r.id)).toEqual(['a']);
    expect(workspace.layers).toEqual([]);
    expect(dropped).toBe(2);
    expect(parseWorkspace(undefined).workspace).toEqual({ regions: [], layers: [] });
  });

  it('round-trips regions through the URL encoding at ~1 m, and refuses what is too long', () => {
    const rs = [
      rect('a', 116.123456, 40.1, 116.2, 40.2),
      { ...rect('b', 1, 2, 3, 4), name: '区域 二' },
    ];
    const text = encodeRegions(rs) as string;
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeRegions(text);
    expect(back.map((r) => r.name)).toEqual(['Region a', '区域 二']);
    expect(back[0]?.geometry.coordinates[0]?.[0]).toEqual([116.12346, 40.1]);
    const many = Array.from({ length: 40 }, (_, i) =>
      rect(String(i), 116 + i / 100, 40, 116.5, 40.5),
    );
    expect(encodeRegions(many)).toBeNull();
    expect(URL_REGIONS_MAX).toBe(1500);
    expect(decodeRegions('not base64!')).toEqual([]);
    // A region read back from a link is recognised as the one it came from.
    expect(regionKey(back[0] as Region)).toBe(regionKey(rs[0] as Region));
  });
});

describe('importFile', () => {
  const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

  it('asks for the columns when it cannot find them, then reads with the picked ones', async () => {
    const csv = 'name,E,N\nA,116.5,40.5\nB,116.6,95\nC,116.7,40.7\n';
    const first = await importFile(enc(csv), 'x.csv', { crs: 'wgs84' });
    expect(first.fatal?.reason).toMatch(/no coordinate columns/);
    expect(first.pick?.columns).toEqual(['name', 'E', 'N']);
    expect(first.pick?.preview[0]).toEqual(['A', '116.5', '40.5']);
    const second = await importFile(enc(csv), 'x.csv', {
      crs: 'wgs84',
      lonField: 'E',
      latField: 'N',
    });
    expect(second.fatal).toBeNull();
    expect(second.data.features).toHaveLength(2);
    expect(second.problems.map((p) => formatProblem(p))).toEqual([
      expect.stringMatching(/^row 2, N: out of range/),
    ]);
  });

  it('reads lat-before-lon columns and quoted newlines', async () => {
    const csv = 'lat,lon,note\n40.5,116.5,"two\nlines"\n40.6,116.6,plain\n';
    const r = await importFile(enc(csv), 'y.csv', { crs: 'wgs84' });
    expect(
      r.data.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates),
    ).toEqual([
      [116.5, 40.5],
      [116.6, 40.6],
    ]);
    expect(r.data.features[0]?.properties?.note).toBe('two\nlines');
  });
});

describe('passesLayerFilter', () => {
  it('keeps rows whose column contains the text, case-insensitively; empty keeps all', () => {
    const f = { column: 'name', text: ' Park ' };
    expect(passesLayerFilter({ name: 'Hailong Lake PARK' }, f)).toBe(true);
    expect(passesLayerFilter({ name: 'Museum' }, f)).toBe(false);
    expect(passesLayerFilter({}, f)).toBe(false);
    expect(passesLayerFilter({ name: 'x' }, { column: 'name', text: '' })).toBe(true);
    expect(passesLayerFilter({ name: 'x' }, null)).toBe(true);
    expect(passesLayerFilter({ n: 12 }, { column: 'n', text: '2' })).toBe(true);
  });
});

describe('regions export', () => {
  it('writes RFC 7946: a clockwise drawn ring comes out counter-clockwise, with no warning', async () => {
    const { regionsToGeoJSON } = await import('../../../src/core/workspace/model.ts');
    const { checkRfc7946 } = await import('../../../src/core/formats/rfc7946.ts');
    const clockwise: [number, number][] = [
      [116.6, 39.9],
      [116.7, 39.9],
      [116.7, 39.8],
      [116.6, 39.8],
      [116.6, 39.9],
    ];
    const out = regionsToGeoJSON([
      {
        id: 'r1',
        name: '区域 <b>1</b>',
        shape: 'rectangle',
        geometry: { type: 'Polygon', coordinates: [clockwise] },
      },
    ]);
    const report = checkRfc7946(JSON.parse(JSON.stringify(out)));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    const ring = (out.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring).toEqual([...clockwise].reverse());
    expect(out.features[0]?.properties).toEqual({
      id: 'r1',
      name: '区域 <b>1</b>',
      shape: 'rectangle',
    });
  });
});
