import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { polygonArea } from '../../../src/core/analytics/index.ts';
import {
  loadFile,
  loadGpx,
  loadKml,
  loadShapefile,
  usableFeatures,
} from '../../../src/core/formats/index.ts';
import { cellArea } from '../analytics/helpers.ts';
import { fixtureBytes } from './helpers.ts';

describe('KML (@tmcw/togeojson)', () => {
  it('placemarks become features with exact coordinates; one without geometry is reported', async () => {
    const r = await loadKml(fixtureBytes('places.kml'), 'places.kml');
    expect(r.fatal).toBe(false);
    const fs = r.features!.features;
    expect(fs.map((f) => f.properties?.name)).toEqual([
      '城市绿心森林公园',
      'Square',
      'Road',
      'No geometry',
    ]);
    expect(fs[0]!.geometry).toEqual({ type: 'Point', coordinates: [116.6981, 39.8833, 0] });
    expect(fs[0]!.properties?.category).toBe('green_space');
    expect(fs[1]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [116.6, 39.9],
          [116.61, 39.9],
          [116.61, 39.91],
          [116.6, 39.91],
          [116.6, 39.9],
        ],
      ],
    });
    expect(fs[2]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [116.6, 39.9],
        [116.7, 39.95],
      ],
    });
    expect(r.errors).toMatchObject([
      { feature: 3, field: 'geometry', reason: 'no geometry (null)' },
    ]);
  });

  it('an injected parser (here xmldom’s) gives the same result', async () => {
    const injected = await loadKml(fixtureBytes('places.kml'), 'places.kml', {
      xmlParser: new DOMParser({ onError: () => {} }),
    });
    const plain = await loadKml(fixtureBytes('places.kml'), 'places.kml');
    expect(injected.features).toEqual(plain.features);
  });

  it('malformed XML: fatal, with line and column', async () => {
    const r = await loadKml(fixtureBytes('broken.kml'), 'broken.kml');
    expect(r.fatal).toBe(true);
    // xmldom locates the mismatch at the end of the unclosed element's line (line 4).
    expect(r.errors[0]).toMatchObject({ field: 'xml', line: 4, column: 37 });
    expect(r.errors[0]!.reason).toBe(
      'malformed XML at line 4, column 37: Opening and ending tag mismatch: "Placemark" != "Document"',
    );
  });

  it('XML that is not KML is fatal', async () => {
    const r = await loadKml('<gpx></gpx>', 'x.kml');
    expect(r.errors[0]!.reason).toBe('not KML: the root element is <gpx>');
  });
});

describe('GPX', () => {
  it('waypoints and tracks', async () => {
    const r = await loadGpx(fixtureBytes('track.gpx'), 'track.gpx');
    expect(r.errors).toEqual([]);
    const fs = r.features!.features;
    const wpts = fs.filter((f) => f.geometry?.type === 'Point');
    expect(wpts.map((f) => [f.properties?.name, f.geometry])).toEqual([
      ['Tiananmen', { type: 'Point', coordinates: [116.3975, 39.9087, 44] }],
      ['Tongzhou', { type: 'Point', coordinates: [116.6564, 39.9097] }],
    ]);
    const track = fs.find((f) => f.geometry?.type === 'LineString')!;
    expect(track.properties?.name).toBe('Canal walk');
    expect(track.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [116.7, 39.9],
        [116.71, 39.91],
        [116.72, 39.92],
      ],
    });
  });
});

describe('zipped Shapefile (shpjs)', () => {
  it('reads polygons (with a hole) and attributes (UTF-8 via .cpg); a null shape is reported', async () => {
    const r = await loadShapefile(fixtureBytes('parcels.zip'), 'parcels.zip');
    expect(r.fatal).toBe(false);
    expect(r.meta.layers).toEqual(['parcels']);
    const fs = r.features!.features;
    expect(fs.map((f) => f.properties)).toEqual([
      { ID: 1, NAME: '公园A' },
      { ID: 2, NAME: 'Park B' },
      { ID: 3, NAME: '' },
    ]);
    expect(r.errors).toMatchObject([
      { feature: 2, field: 'geometry', reason: 'no geometry (null)' },
    ]);
    const square = fs[0]!.geometry as { type: string; coordinates: number[][][] };
    expect(square.type).toBe('Polygon');
    const expected = [
      [116.6, 39.9],
      [116.6, 39.91],
      [116.61, 39.91],
      [116.61, 39.9],
      [116.6, 39.9],
    ];
    square.coordinates[0]!.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i]![0]!, 10);
      expect(p[1]).toBeCloseTo(expected[i]![1]!, 10);
    });
    const holed = fs[1]!.geometry as { coordinates: number[][][] };
    expect(holed.coordinates).toHaveLength(2);
    // Area with the hole, against the closed-form ellipsoidal cell area (0.01 % on 0.01° edges).
    const want = cellArea(116.62, 39.9, 116.64, 39.92) - cellArea(116.625, 39.905, 116.635, 39.915);
    expect(Math.abs(polygonArea(holed.coordinates) / want - 1)).toBeLessThan(1e-4);
  });

  it('bytes that are not a zip, and a zip with no .shp, are fatal', async () => {
    const notZip = await loadShapefile(new TextEncoder().encode('hello'), 'x.zip');
    expect(notZip).toMatchObject({ fatal: true, errors: [{ field: 'zip' }] });
    expect(notZip.errors[0]!.reason).toMatch(/not a zip file/);
    // An empty zip: just the end-of-central-directory record.
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    const noShp = await loadShapefile(empty, 'x.zip');
    expect(noShp).toMatchObject({
      fatal: true,
      errors: [{ field: 'zip', reason: 'no .shp file in the zip (it holds nothing)' }],
    });
  });

  it('through the registry, by extension and by content', async () => {
    expect((await loadFile(fixtureBytes('parcels.zip'), 'parcels.zip')).format).toBe('shapefile');
    expect((await loadFile(fixtureBytes('parcels.zip'), 'upload.bin')).format).toBe('shapefile');
    expect(
      usableFeatures(await loadFile(fixtureBytes('parcels.zip'), 'p.zip')).features,
    ).toHaveLength(2);
  });
});
