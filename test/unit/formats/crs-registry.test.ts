import { describe, expect, it } from 'vitest';
import { geodesicDistance } from '../../../src/core/analytics/index.ts';
import {
  detectFormat,
  FORMAT_IDS,
  geometryToWgs84,
  loadCsv,
  loadFile,
  loadGeoJson,
  toWgs84,
} from '../../../src/core/formats/index.ts';
import { gcjToBd, wgsToGcj } from './gcj-reference.ts';
import { fixtureBytes } from './helpers.ts';

const TIANANMEN: [number, number] = [116.3975, 39.9087];
const metres = (a: [number, number], b: [number, number]) =>
  geodesicDistance(a[0], a[1], b[0], b[1]);

describe('datum conversion to WGS84 (gcoord)', () => {
  it('the reference formula gives the well-known Beijing offset (WGS84 116.3975,39.9087 -> GCJ-02 ≈ 116.4037,39.9101)', () => {
    const gcj = wgsToGcj(...TIANANMEN);
    expect(gcj[0]).toBeCloseTo(116.4037, 4);
    expect(gcj[1]).toBeCloseTo(39.9101, 4);
    const offset = metres(TIANANMEN, gcj);
    expect(offset).toBeGreaterThan(500);
    expect(offset).toBeLessThan(700);
  });

  it('GCJ-02 -> WGS84 undoes the reference forward transform within 1 m, in several cities', () => {
    for (const p of [
      TIANANMEN,
      [116.6564, 39.9097],
      [112.6, 35.07],
      [120.05, 32.16],
      [86.05, 44.3],
    ] as Array<[number, number]>) {
      const back = toWgs84(...wgsToGcj(...p), 'gcj02');
      expect(metres(back, p)).toBeLessThan(1);
    }
  });

  it('BD-09 -> WGS84 undoes GCJ-02 then BD-09 within 1 m', () => {
    const bd = gcjToBd(...wgsToGcj(...TIANANMEN));
    expect(metres(toWgs84(...bd, 'bd09'), TIANANMEN)).toBeLessThan(1);
    // Baidu's offset from WGS84 is larger: about 1.2 km here.
    expect(metres(bd, TIANANMEN)).toBeGreaterThan(1000);
  });

  it('wgs84 is the identity; points outside China are not shifted', () => {
    expect(toWgs84(116.3975, 39.9087, 'wgs84')).toEqual([116.3975, 39.9087]);
    expect(toWgs84(2.35, 48.85, 'gcj02')).toEqual([2.35, 48.85]);
  });

  it('every vertex of a geometry is converted, extra ordinates kept', () => {
    const gcj = wgsToGcj(...TIANANMEN);
    const g = geometryToWgs84(
      { type: 'LineString', coordinates: [[gcj[0], gcj[1], 44], gcj] },
      'gcj02',
    );
    expect(g.coordinates[0]![2]).toBe(44);
    for (const p of g.coordinates) expect(metres([p[0]!, p[1]!], TIANANMEN)).toBeLessThan(1);
  });

  it('the loaders apply it to CSV points and to GeoJSON features', async () => {
    const gcj = wgsToGcj(...TIANANMEN);
    const csv = loadCsv(`lon,lat\n${gcj[0]},${gcj[1]}\n`, 'x.csv', { crs: 'gcj02' });
    expect(csv.meta.crs).toBe('gcj02');
    expect(metres([csv.points!.lons[0]!, csv.points!.lats[0]!], TIANANMEN)).toBeLessThan(1);
    const gj = loadGeoJson(
      JSON.stringify({
        type: 'Polygon',
        coordinates: [[gcj, [gcj[0] + 0.01, gcj[1]], [gcj[0], gcj[1] + 0.01], gcj]],
      }),
      'x.geojson',
      { crs: 'gcj02' },
    );
    const ring = (gj.features!.features[0]!.geometry as { coordinates: number[][][] })
      .coordinates[0]!;
    expect(metres([ring[0]![0]!, ring[0]![1]!], TIANANMEN)).toBeLessThan(1);
    expect(metres([ring[3]![0]!, ring[3]![1]!], TIANANMEN)).toBeLessThan(1);
    const bd = gcjToBd(...gcj);
    const viaRegistry = await loadFile(`lon,lat\n${bd[0]},${bd[1]}\n`, 'x.csv', { crs: 'bd09' });
    expect(
      metres([viaRegistry.points!.lons[0]!, viaRegistry.points!.lats[0]!], TIANANMEN),
    ).toBeLessThan(1);
  });
});

describe('format registry', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('lists the formats', () => {
    expect([...FORMAT_IDS].sort()).toEqual(['csv', 'geojson', 'gpx', 'kml', 'shapefile', 'xlsx']);
  });

  it.each([
    ['a.CSV', 'lon,lat', 'csv'],
    ['a.geojson', '{}', 'geojson'],
    ['a.json', '{}', 'geojson'],
    ['a.kml', '<kml/>', 'kml'],
    ['a.gpx', '<gpx/>', 'gpx'],
    ['a.zip', 'PK', 'shapefile'],
    ['upload', '  {"type":"FeatureCollection"}', 'geojson'],
    ['upload.xml', '<?xml version="1.0"?>\n<kml xmlns="x"></kml>', 'kml'],
    ['upload.xml', '<?xml version="1.0"?><!-- c --><gpx></gpx>', 'gpx'],
    ['upload', 'lon;lat\n1;2', 'csv'],
  ])('%s (%j) -> %s', (name, content, id) => {
    expect(detectFormat(bytes(content), name)?.id).toBe(id);
  });

  it('an explicit format wins; an unknown one is a fatal error, not an exception', async () => {
    expect(detectFormat(bytes('lon,lat'), 'a.geojson', 'csv')?.id).toBe('csv');
    const r = await loadFile('x', 'a.csv', { format: 'dxf' });
    expect(r).toMatchObject({ fatal: true, errors: [{ field: 'format' }] });
  });

  it('loadFile reads every fixture without throwing', async () => {
    for (const name of [
      'points-utf8-bom.csv',
      'points-gbk.csv',
      'points-semicolon.csv',
      'points-tab.tsv',
      'points-wkt.csv',
      'points-broken.csv',
      'no-coordinates.csv',
      'malformed.geojson',
      'mixed.geojson',
      'places.kml',
      'broken.kml',
      'track.gpx',
      'parcels.zip',
    ]) {
      const r = await loadFile(fixtureBytes(name), name);
      expect(r.meta.total, name).toBeGreaterThanOrEqual(0);
    }
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const u8 = fixtureBytes('points-tab.tsv');
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
    const r = await loadFile(ab, 'points-tab.tsv');
    expect(Array.from(r.points!.lons)).toEqual([113.1, 120.1]);
  });
});
