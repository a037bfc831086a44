/**
 * Spreadsheets (test/fixtures/formats/*.xlsx, written by make-xlsx.ts with SheetJS): the first or
 * a chosen sheet, full-precision numbers, cached dates as shown, the same row checks as CSV, and
 * the CLI reading them.
 */
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../src/core/formats/index.ts';
import { importFile } from '../../../src/core/workspace/import-file.ts';
import { atlas, json } from '../cli/helpers.ts';
import { fixtureBytes } from './helpers.ts';

const FIX = 'test/fixtures/formats';

describe('.xlsx import', () => {
  it('first sheet: lon/lat with 7-8 decimals keep full precision; Chinese names; dates as shown', async () => {
    const r = await loadFile(fixtureBytes('points.xlsx'), 'points.xlsx');
    expect(r.format).toBe('xlsx');
    expect(r.fatal).toBe(false);
    expect(r.meta).toMatchObject({
      sheets: ['项目点'],
      sheet: '项目点',
      lonField: 'lon',
      latField: 'lat',
    });
    // The values typed into the generator (not the ~10 digits Excel's General format shows).
    expect(Array.from(r.points!.lons)).toEqual([116.7128123, 116.68330071, 121.5503421]);
    expect(Array.from(r.points!.lats)).toEqual([39.8742456, 39.90500093, 29.8738912]);
    expect(r.points!.properties[0]).toEqual({
      id: 'p1',
      名称: '通州大运河森林公园',
      lon: '116.7128123',
      lat: '39.8742456',
      investment_cny: '1200000',
      opened: '2020-06-01',
    });
    expect(r.points!.properties[1]!.investment_cny).toBe('35000000.5');
    expect(r.points!.ids).toEqual(['p1', 'p2', 'p3']);
    expect(r.errors).toEqual([]);
  });

  it('two sheets: the first has no coordinates -> fatal naming the other sheet', async () => {
    const r = await loadFile(fixtureBytes('two-sheets.xlsx'), 'two-sheets.xlsx');
    expect(r.fatal).toBe(true);
    expect(r.meta.sheets).toEqual(['Notes', 'Points']);
    expect(r.errors[0]!.reason).toMatch(/^sheet "Notes": no coordinate columns found/);
    expect(r.errors[0]!.reason).toMatch(/the workbook also has "Points"/);
  });

  it('a chosen sheet', async () => {
    const r = await loadFile(fixtureBytes('two-sheets.xlsx'), 'two-sheets.xlsx', {
      sheet: 'Points',
    });
    expect(r.fatal).toBe(false);
    expect(r.meta.sheet).toBe('Points');
    expect(Array.from(r.points!.lons)).toEqual([121.549792, 120.15507]);
    expect(r.points!.properties.map((p) => p.name)).toEqual(['Ningbo', 'Hangzhou']);
  });

  it('an unknown sheet name: a clear error listing the sheets', async () => {
    const r = await loadFile(fixtureBytes('two-sheets.xlsx'), 'two-sheets.xlsx', {
      sheet: 'Sheet1',
    });
    expect(r.fatal).toBe(true);
    expect(r.errors).toMatchObject([
      { field: 'sheet', reason: 'no sheet named "Sheet1": the workbook has "Notes", "Points"' },
    ]);
  });

  it('a bad row: reported by data row and column; the good rows kept', async () => {
    const r = await loadFile(fixtureBytes('bad-row.xlsx'), 'bad-row.xlsx');
    expect(r.fatal).toBe(false);
    expect(r.points!.properties.map((p) => p.name)).toEqual(['good', 'good too']);
    expect(Array.from(r.points!.rows)).toEqual([1, 4]);
    expect(r.errors).toMatchObject([
      { row: 2, field: 'lat', reason: 'not a number: "north"' },
      { row: 3, field: 'lat', reason: 'out of range: 129.9 (latitude must be between -90 and 90)' },
    ]);
    expect(r.meta.total).toBe(4);
  });

  it('no coordinate columns: fatal, with the headers and a preview for the column picker', async () => {
    const r = await loadFile(fixtureBytes('no-coordinates.xlsx'), 'no-coordinates.xlsx');
    expect(r.fatal).toBe(true);
    expect(r.meta.columns).toEqual(['project', 'district', 'investment']);
    expect(r.meta.preview).toEqual([
      ['Park A', 'Haishu', '100'],
      ['Park B', 'Yinzhou', '200'],
    ]);
    // The app offers the picker, then reads the picked columns (here: all rows bad -> an error).
    const buf = fixtureBytes('no-coordinates.xlsx');
    const out = await importFile(buf.slice().buffer, 'no-coordinates.xlsx', { crs: 'wgs84' });
    expect(out.pick).toEqual({ columns: r.meta.columns, preview: r.meta.preview });
    const picked = await importFile(buf.slice().buffer, 'no-coordinates.xlsx', {
      crs: 'wgs84',
      lonField: 'investment',
      latField: 'district',
    });
    expect(picked.pick).toBeNull();
    expect(picked.fatal?.reason).toMatch(/no usable row: 2 rows, all with problems/);
    expect(picked.data.features).toEqual([]);
  });

  it('formulas: the cached value, never recalculated; percentages, errors, booleans as shown', async () => {
    const r = await loadFile(fixtureBytes('formulas.xlsx'), 'formulas.xlsx');
    expect(r.fatal).toBe(false);
    // E2 holds =B2*2 (243) but its cached value is 999: 999 is what Excel last showed.
    expect(r.points!.properties[0]).toEqual({
      name: 'A',
      lon: '121.5',
      lat: '29.8',
      share: '25%',
      doubled: '999',
      lookup: '#N/A',
      open: 'TRUE',
    });
  });

  it('an Excel 97-2003 .xls is read too', async () => {
    const r = await loadFile(fixtureBytes('points.xls'), 'points.xls');
    expect(r.fatal).toBe(false);
    expect(r.points!.properties[0]).toMatchObject({ name: '宁波', lon: '121.549792' });
  });

  it('a workbook without its extension is recognised by content', async () => {
    const r = await loadFile(fixtureBytes('points.xlsx'), 'download');
    expect(r.format).toBe('xlsx');
    expect(r.points!.lons.length).toBe(3);
  });

  it('the app import passes the sheet and returns the list of sheets', async () => {
    const buf = fixtureBytes('two-sheets.xlsx');
    const first = await importFile(buf.slice().buffer, 'two-sheets.xlsx', { crs: 'wgs84' });
    expect(first.sheets).toEqual(['Notes', 'Points']);
    expect(first.sheet).toBe('Notes');
    expect(first.fatal).not.toBeNull();
    const second = await importFile(buf.slice().buffer, 'two-sheets.xlsx', {
      crs: 'wgs84',
      sheet: 'Points',
    });
    expect(second.fatal).toBeNull();
    expect(second.sheet).toBe('Points');
    expect(second.data.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [121.549792, 29.868388] },
      { type: 'Point', coordinates: [120.15507, 30.274084] },
    ]);
  });
});

describe('atlas and spreadsheets', () => {
  it('atlas convert points.xlsx: the first sheet as GeoJSON', () => {
    const fc = json<{ features: Array<{ geometry: { coordinates: number[] } }> }>(
      atlas('convert', `${FIX}/points.xlsx`),
    );
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([
      [116.7128123, 39.8742456],
      [116.68330071, 39.90500093],
      [121.5503421, 29.8738912],
    ]);
  });

  it('atlas convert --sheet Points; an unknown --sheet is invalid input (exit 1)', () => {
    const fc = json<{ features: unknown[] }>(
      atlas('convert', `${FIX}/two-sheets.xlsx`, '--sheet', 'Points'),
    );
    expect(fc.features).toHaveLength(2);
    const bad = atlas('convert', `${FIX}/two-sheets.xlsx`, '--sheet', 'Nope');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'no sheet named \\"Nope\\": the workbook has \\"Notes\\", \\"Points\\"',
    );
  });

  it('atlas validate reports the bad rows of a sheet; --help lists --sheet', () => {
    const v = atlas('validate', `${FIX}/bad-row.xlsx`);
    expect(v.status).toBe(1);
    const out = JSON.parse(v.stdout) as { errors: Array<Record<string, unknown>> };
    expect(out.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 2, field: 'lat' })]),
    );
    for (const command of ['convert', 'validate', 'totals', 'nearest']) {
      expect(atlas(command, '--help').stdout).toContain('--sheet NAME');
    }
  });
});
