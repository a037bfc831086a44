/**
 * Big point layers as columns (issue 11): the table an import makes, its filter, and the region
 * results over it in the worker, against answers known by construction of the file.
 */
import { describe, expect, it } from 'vitest';
import { layerResultPoints, tableResultPoints } from '../../../src/core/workspace/layer-points.ts';
import { passesLayerFilter, type Region } from '../../../src/core/workspace/model.ts';
import {
  buildColumn,
  cellText,
  filterIndices,
  type PointTable,
  rowRecord,
  TABLE_MIN_POINTS,
} from '../../../src/core/workspace/point-table.ts';
import { createAtlasApi } from '../../../src/worker/api.ts';
import { rectFeature } from '../analytics/helpers.ts';

const COLS = 120;
const ROWS = 100;

/**
 * 12,000 points on a 0.001° grid from (116, 39.9): point i is at column i % 120, row i / 120;
 * category "park" when the column is a multiple of 3 (120 is, so i % 3 === 0), else "road";
 * investment_cny is the column number written with a thousands comma when >= 100 ("1,05" never).
 */
function gridCsv(): string {
  const lines = ['id,lon,lat,category,investment_cny,note'];
  for (let i = 0; i < COLS * ROWS; i++) {
    const c = i % COLS;
    const r = Math.floor(i / COLS);
    const lon = (116 + c * 0.001).toFixed(4);
    const lat = (39.9 + r * 0.001).toFixed(4);
    const inv = c >= 100 ? `"1,${String(c).padStart(3, '0')}"` : c === 7 ? '' : String(c);
    lines.push(`P${i},${lon},${lat},${c % 3 === 0 ? 'park' : 'road'},${inv},n${c % 7}`);
  }
  return `${lines.join('\n')}\n`;
}

const rect = (w: number, s: number, e: number, n: number): Region => ({
  id: 'r',
  name: 'r',
  shape: 'rectangle',
  geometry: rectFeature('r', w, s, e, n).geometry,
});

/** Columns 10..19 and rows 10..19 of the grid (100 points; 30 of them parks). */
const BOX = rect(116.0095, 39.9095, 116.0195, 39.9195);

async function imported(api = createAtlasApi()) {
  const bytes = new TextEncoder().encode(gridCsv());
  const r = await api.importFile(bytes.buffer as ArrayBuffer, 'grid.csv', {
    crs: 'wgs84',
    keepAs: 'L',
  });
  return { api, r };
}

describe('point tables', () => {
  it('a column is numbers only when every cell is a number written as JavaScript writes it', () => {
    const num = buildColumn('a', (i) => ['1', '2.5', '', '-3'][i]!, 4);
    expect(num.kind).toBe('number');
    expect([0, 1, 2, 3].map((i) => cellText(num, i))).toEqual(['1', '2.5', '', '-3']);
    for (const cells of [
      ['1', '012'],
      ['1', '1,234'],
      ['1', '1e3'],
      ['1', 'x'],
    ]) {
      const col = buildColumn('b', (i) => cells[i]!, 2);
      expect(col.kind).toBe('text');
      expect([0, 1].map((i) => cellText(col, i))).toEqual(cells);
    }
  });

  it('a big CSV comes as a table, not GeoJSON; the worker keeps a copy', async () => {
    expect(COLS * ROWS).toBeGreaterThanOrEqual(TABLE_MIN_POINTS);
    const { api, r } = await imported();
    expect(r.fatal).toBeNull();
    expect(r.data.features).toHaveLength(0);
    expect(r.bytes).toBeNull();
    const t = r.table as PointTable;
    expect(t.count).toBe(12_000);
    expect(t.bbox[0]).toBeCloseTo(116, 9);
    expect(t.bbox[3]).toBeCloseTo(39.999, 9);
    expect(rowRecord(t, 121)).toEqual({
      id: 'P121',
      lon: '116.0010',
      lat: '39.9010',
      category: 'road',
      investment_cny: '1',
      note: 'n1',
    });
    expect(t.rows[121]).toBe(122);
    expect(api.tableIndices('L', { column: 'category', text: 'PARK' }).length).toBe(4000);
  });

  it('the filter keeps the same rows as passesLayerFilter', async () => {
    const { r } = await imported();
    const t = r.table as PointTable;
    for (const filter of [
      { column: 'note', text: 'n3' },
      { column: 'investment_cny', text: '1,1' },
      { column: 'id', text: ' p11 ' },
      { column: 'nope', text: 'x' },
      { column: 'note', text: '  ' },
    ]) {
      const expected: number[] = [];
      for (let i = 0; i < t.count; i++)
        if (passesLayerFilter(rowRecord(t, i), filter)) expected.push(i);
      expect([...filterIndices(t, filter)]).toEqual(expected);
    }
  });

  it('tableResultPoints reads like layerResultPoints (the GeoJSON path)', async () => {
    const { r } = await imported();
    const t = r.table as PointTable;
    const idx = filterIndices(t, { column: 'note', text: 'n2' });
    const features = Array.from(idx, (i) => ({
      type: 'Feature' as const,
      properties: rowRecord(t, i),
      geometry: { type: 'Point' as const, coordinates: [t.lons[i]!, t.lats[i]!] },
    }));
    const a = tableResultPoints(t, idx);
    const b = layerResultPoints({ data: { type: 'FeatureCollection', features }, filter: null });
    expect(a).toEqual(b);
  });

  it('counts in a drawn region over the worker copy: 100 points, 30 parks; filtered to parks: 30', async () => {
    const { api } = await imported();
    api.setLayers(null, { type: 'FeatureCollection', features: [] });
    const all = api.layerRegionResults([BOX], 'L', null, 'gbt50563').results[0]!;
    expect(all.count).toBe(100);
    expect(all.byCategory).toEqual({ park: 30, road: 70 });
    // Columns 10..19 sum to 145 per row, column 7 is not in the box: 10 rows -> 1,450.
    expect(all.investment_cny).toBe(1450);
    expect(all.investment_unknown).toBe(0);
    const parks = api.layerRegionResults(
      [BOX],
      'L',
      { column: 'category', text: 'park' },
      'gbt50563',
    );
    expect(parks.results[0]!.count).toBe(30);
    api.dropTable('L');
    expect(() => api.layerRegionResults([BOX], 'L', null, 'gbt50563')).toThrow(/not in the worker/);
  });

  it('"1,105" in a table is 1,105 in the sums (THE number parser)', async () => {
    const { api } = await imported();
    api.setLayers(null, { type: 'FeatureCollection', features: [] });
    // Column 105 only, rows 0..1: two points of "1,105".
    const res = api.layerRegionResults(
      [rect(116.1045, 39.8995, 116.1055, 39.9015)],
      'L',
      null,
      'gbt50563',
    );
    expect(res.results[0]).toMatchObject({ count: 2, investment_cny: 2210 });
  });
});
