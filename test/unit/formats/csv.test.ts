import { describe, expect, it } from 'vitest';
import { detectDelimiter, loadCsv, loadFile } from '../../../src/core/formats/index.ts';
import { fixtureBytes } from './helpers.ts';

const coords = (r: ReturnType<typeof loadCsv>) =>
  Array.from(r.points!.lons, (lon, i) => [lon, r.points!.lats[i]!]);

describe('CSV: encodings', () => {
  it('UTF-8 with a BOM and CRLF: the BOM is not part of the first header; quoted commas kept', () => {
    const r = loadCsv(fixtureBytes('points-utf8-bom.csv'), 'points-utf8-bom.csv');
    expect(r.meta).toMatchObject({
      encoding: 'utf-8-bom',
      delimiter: ',',
      lonField: 'lon',
      latField: 'lat',
    });
    expect(r.meta.columns).toEqual(['id', 'name', 'lon', 'lat', 'investment_cny', 'category']);
    expect(coords(r)).toEqual([
      [116.7128, 39.8742],
      [116.6833, 39.905],
    ]);
    expect(r.points!.properties[0]).toEqual({
      id: 'p1',
      name: 'Grand Canal Forest Park, east',
      lon: '116.7128',
      lat: '39.8742',
      investment_cny: '1,200',
      category: 'green_space',
    });
    expect(r.points!.properties[1]!.name).toBe('副中心站');
    expect(r.points!.ids).toEqual(['p1', 'p2']);
    expect(Array.from(r.points!.rows)).toEqual([1, 2]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('GBK bytes (as Excel writes them in Chinese) are decoded as GB18030; 经度/纬度 headers', () => {
    const bytes = fixtureBytes('points-gbk.csv');
    // The fixture really is GBK: 名 is C3 FB there (E5 90 8D in UTF-8).
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0xc3, 0xfb]);
    const r = loadCsv(bytes, 'points-gbk.csv');
    expect(r.meta).toMatchObject({ encoding: 'gb18030', lonField: '经度', latField: '纬度' });
    expect(r.meta.columns).toEqual(['名称', '经度', '纬度', '投资']);
    expect(r.points!.properties.map((p) => p.名称)).toEqual([
      '大运河森林公园',
      '城市绿心森林公园',
      '通州区政府',
    ]);
    expect(coords(r)).toEqual([
      [116.7128, 39.8742],
      [116.6981, 39.8833],
      [116.6564, 39.9097],
    ]);
    expect(r.points!.properties[1]!.投资).toBe('');
    // No id column: ids are the 1-based data rows.
    expect(r.points!.ids).toEqual([1, 2, 3]);
  });

  it('plain UTF-8 text given as a string', () => {
    const r = loadCsv('名称,lng,LAT\n站,116.5,39.9\n', 'x.csv');
    expect(r.meta.encoding).toBe('string');
    expect(coords(r)).toEqual([[116.5, 39.9]]);
  });
});

describe('CSV: delimiters and headers', () => {
  it('semicolon, with decimal commas in the coordinates', () => {
    const r = loadCsv(fixtureBytes('points-semicolon.csv'), 'points-semicolon.csv');
    expect(r.meta).toMatchObject({ delimiter: ';', lonField: 'Longitude', latField: 'Latitude' });
    expect(coords(r)).toEqual([
      [116.4, 39.9],
      [116.5, 40.1],
    ]);
    expect(r.points!.ids).toEqual(['1', '2']);
  });

  it('tab, headers in upper case', () => {
    const r = loadCsv(fixtureBytes('points-tab.tsv'), 'points-tab.tsv');
    expect(r.meta).toMatchObject({ delimiter: '\t', lonField: 'LNG', latField: 'LAT' });
    expect(coords(r)).toEqual([
      [113.1, 35.2],
      [120.1, 32.2],
    ]);
    expect(r.points!.properties[1]).toEqual({
      code: 'B',
      LNG: '120.1',
      LAT: '32.2',
      note: 'Taixing',
    });
  });

  it('detects the delimiter on the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('"a;b;c",x,y')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb,c\td')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });

  it.each([
    ['lon,lat', 'lon', 'lat'],
    ['LNG,Latitude', 'LNG', 'Latitude'],
    [' long , y ', 'long', 'y'],
    ['Longitude,纬度', 'Longitude', '纬度'],
    ['x,y', 'x', 'y'],
    ['经度,纬度', '经度', '纬度'],
  ])('header %j -> %s / %s', (header, lonField, latField) => {
    const r = loadCsv(`${header}\n116.1,39.1\n`, 'x.csv');
    expect(r.meta).toMatchObject({ lonField, latField });
    expect(coords(r)).toEqual([[116.1, 39.1]]);
  });

  it('prefers lon over x when both exist', () => {
    const r = loadCsv('x,y,lon,lat\n1,2,116.1,39.1\n', 'x.csv');
    expect(r.meta).toMatchObject({ lonField: 'lon', latField: 'lat' });
    expect(coords(r)).toEqual([[116.1, 39.1]]);
  });

  it('names blank and repeated headers, with warnings', () => {
    const r = loadCsv('lon,lat,,name,name\n1,2,3,a,b\n', 'x.csv');
    expect(r.meta.columns).toEqual(['lon', 'lat', 'column_3', 'name', 'name_2']);
    expect(r.warnings.map((w) => w.field)).toEqual(['column_3', 'name']);
  });
});

describe('CSV: WKT column', () => {
  it('reads POINT, EWKT and POINT Z; reports EMPTY, other geometries and bad text by row', () => {
    const r = loadCsv(fixtureBytes('points-wkt.csv'), 'points-wkt.csv');
    expect(r.meta.wktField).toBe('WKT');
    expect(coords(r)).toEqual([
      [116.4, 39.9],
      [116.5, 40],
    ]);
    expect(r.points!.ids).toEqual(['w1', 'w2']);
    expect(r.errors).toMatchObject([
      { row: 3, field: 'WKT', reason: 'empty point (POINT EMPTY)' },
      { row: 4, field: 'WKT', reason: 'WKT geometry LINESTRING is not a POINT' },
      { row: 5, field: 'WKT', reason: 'not a WKT POINT(lon lat): "POINT(116.6"' },
    ]);
  });

  it('finds a WKT column by its content when the header is not a known name', () => {
    const r = loadCsv('name,where\na,POINT(1 2)\n', 'x.csv');
    expect(r.meta.wktField).toBe('where');
    expect(coords(r)).toEqual([[1, 2]]);
  });
});

describe('CSV: bad rows and bad files', () => {
  const r = loadCsv(fixtureBytes('points-broken.csv'), 'points-broken.csv');

  it('keeps the good rows, with their 1-based data row numbers', () => {
    expect(r.points!.ids).toEqual(['ok1', 'after-blank', 'ok2']);
    expect(Array.from(r.points!.rows)).toEqual([1, 7, 9]);
    expect(coords(r)).toEqual([
      [116.1, 39.1],
      [116.7, 39.7],
      [116.9, 39.9],
    ]);
    expect(r.fatal).toBe(false);
    expect(r.meta.total).toBe(8);
  });

  it('reports each bad coordinate with its row and column', () => {
    expect(r.errors).toMatchObject([
      { row: 2, field: 'lon', reason: 'blank' },
      { row: 3, field: 'lat', reason: 'not a number: "north"' },
      {
        row: 4,
        field: 'lon',
        reason: 'out of range: 190 (longitude must be between -180 and 180)',
      },
      {
        row: 5,
        field: 'lat',
        reason:
          'out of range: 116.5 (latitude must be between -90 and 90; are the longitude and latitude columns swapped?)',
      },
      { row: 8, field: 'lat', reason: 'blank' },
    ]);
    expect(r.warnings).toMatchObject([
      { row: 8, field: '', reason: 'has 2 fields, the header has 4' },
    ]);
  });

  it('no coordinate columns: a fatal error that lists the headers seen', () => {
    const bad = loadCsv(fixtureBytes('no-coordinates.csv'), 'no-coordinates.csv');
    expect(bad.fatal).toBe(true);
    expect(bad.points).toBeUndefined();
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]!.field).toBe('header');
    expect(bad.errors[0]!.reason).toMatch(/no coordinate columns found/);
    expect(bad.errors[0]!.reason).toMatch(/headers seen: name, address, value$/);
  });

  it('only a longitude column: says which one is missing', () => {
    const bad = loadCsv('lon,name\n1,a\n', 'x.csv');
    expect(bad.errors[0]!.reason).toMatch(/found longitude column lon but no latitude column/);
  });

  it('an empty file is fatal', () => {
    expect(loadCsv('', 'x.csv')).toMatchObject({ fatal: true, errors: [{ field: 'header' }] });
  });

  it('--id-field picks the id column; an unknown one falls back with a warning', () => {
    const withId = loadCsv('code,lon,lat\nA,1,2\n', 'x.csv', { idField: 'code' });
    expect(withId.points!.ids).toEqual(['A']);
    const missing = loadCsv('code,lon,lat\nA,1,2\n', 'x.csv', { idField: 'nope' });
    expect(missing.points!.ids).toEqual([1]);
    expect(missing.warnings[0]).toMatchObject({ field: 'nope' });
  });

  it('through the registry by extension (.csv, .tsv, .txt)', async () => {
    for (const name of ['a.csv', 'a.tsv', 'a.txt']) {
      const res = await loadFile('lon\tlat\n1\t2\n', name);
      expect(res.format).toBe('csv');
      expect(res.points!.lons[0]).toBe(1);
    }
  });
});
