/**
 * RFC 7946: the RFC's own examples load with the authors' geometry and are written unchanged; the
 * one writer repairs or reports every defect we found `atlas convert` writing; what it writes for
 * every fixture passes the checker; Web Mercator and other declared projections.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/common/problem.ts';
import { loadFile, loadGeoJson } from '../../../src/core/formats/index.ts';
import { checkRfc7946 } from '../../../src/core/formats/rfc7946.ts';
import { resultToRfc7946, toRfc7946 } from '../../../src/core/formats/rfc7946-write.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const RFC = join(FIXTURES, 'wild/rfc7946');

describe('RFC 7946 examples (§1.5, Appendix A)', () => {
  const files = readdirSync(RFC).filter((f) => f.endsWith('.geojson'));
  it('there are the nine examples', () => expect(files).toHaveLength(9));
  for (const file of files) {
    it(`${file}: loads with the authors' geometry, checks clean, converts unchanged`, () => {
      const text = readFileSync(join(RFC, file), 'utf8');
      const raw = JSON.parse(text) as { type: string; features?: Feature[] };
      const authors: Array<Geometry> =
        raw.type === 'FeatureCollection'
          ? raw.features!.map((f) => f.geometry)
          : [raw as unknown as Geometry];
      expect(checkRfc7946(raw)).toEqual({ errors: [], warnings: [] });
      const r = loadGeoJson(text, file);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.features!.features.map((f) => f.geometry)).toEqual(authors);
      const out = resultToRfc7946(r);
      expect(out.warnings).toEqual([]);
      expect(out.dropped).toEqual([]);
      expect(out.collection.features.map((f) => f.geometry)).toEqual(authors);
      if (raw.type === 'FeatureCollection') expect(out.collection).toEqual(raw);
    });
  }
});

describe('the writer (toRfc7946)', () => {
  const f = (geometry: unknown, extra: Record<string, unknown> = {}) =>
    ({ type: 'Feature', properties: {}, geometry, ...extra }) as Feature<Geometry>;

  it('repairs each defect found in convert output, naming the feature; keeps the good ones', () => {
    const input = [
      f({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      }),
      f({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
      f({ type: 'LineString', coordinates: [[0, 0]] }),
      f({ type: 'Point', coordinates: [1, 2, 'f'] }),
      f({ type: 'Point', coordinates: [1, 2] }, { id: { a: 1 } }),
      f({ type: 'Point', coordinates: [1, 2] }, { bbox: '0,0,3,3' }),
      f({ type: 'Point', coordinates: [5, 6] }, { id: 'good' }),
    ];
    const out = toRfc7946(input, [10, 11, 12, 13, 14, 15, 16]);
    expect(out.collection.features).toEqual([
      f({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      }),
      f({ type: 'Point', coordinates: [1, 2] }),
      f({ type: 'Point', coordinates: [1, 2] }),
      f({ type: 'Point', coordinates: [1, 2] }),
      {
        type: 'Feature',
        id: 'good',
        properties: {},
        geometry: { type: 'Point', coordinates: [5, 6] },
      },
    ]);
    expect(out.dropped).toMatchObject([
      {
        feature: 11,
        field: 'geometry',
        reason: 'no usable geometry left (ring with fewer than 3 distinct positions dropped)',
      },
      {
        feature: 12,
        field: 'geometry',
        reason: 'no usable geometry left (line with fewer than 2 positions dropped)',
      },
    ]);
    expect(out.warnings).toMatchObject([
      { feature: 10, field: 'geometry', reason: 'unclosed ring closed' },
      {
        feature: 13,
        field: 'geometry',
        reason: 'extra position elements dropped (kept lon, lat, altitude)',
      },
      { feature: 14, field: 'id', reason: 'id dropped: not a string or number ({"a":1})' },
      {
        feature: 15,
        field: 'bbox',
        reason: 'bbox dropped: bbox must be an array of numbers, but is a string',
      },
    ]);
    expect(checkRfc7946(out.collection)).toEqual({ errors: [], warnings: [] });
  });

  it('right-hand rule: a clockwise exterior and a counter-clockwise hole are reversed', () => {
    const cw = [
      [0, 0],
      [0, 4],
      [4, 4],
      [4, 0],
      [0, 0],
    ];
    const ccwHole = [
      [1, 1],
      [2, 1],
      [2, 2],
      [1, 2],
      [1, 1],
    ];
    const out = toRfc7946([f({ type: 'Polygon', coordinates: [cw, ccwHole] })]);
    expect(out.collection.features[0]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [[...cw].reverse(), [...ccwHole].reverse()],
    });
    expect(checkRfc7946(out.collection).warnings).toEqual([]);
  });

  it('a degenerate hole is dropped, its polygon kept; short lines leave a MultiLineString', () => {
    const outer = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const out = toRfc7946([
      f({
        type: 'Polygon',
        coordinates: [
          outer,
          [
            [1, 1],
            [2, 2],
            [1, 1],
          ],
        ],
      }),
      f({
        type: 'MultiLineString',
        coordinates: [
          [[0, 0]],
          [
            [0, 0],
            [1, 1],
          ],
        ],
      }),
    ]);
    expect(out.collection.features.map((x) => x.geometry)).toEqual([
      { type: 'Polygon', coordinates: [outer] },
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      },
    ]);
  });

  it('bbox: kept when 2n numbers containing the geometry, dropped when stale; crs and §7.1 members dropped', () => {
    const out = toRfc7946([
      f({ type: 'Point', coordinates: [1, 2] }, { bbox: [0, 0, 3, 3], title: 'kept' }),
      f({ type: 'Point', coordinates: [10, 20] }, { bbox: [0, 0, 3, 3], crs: {}, features: [] }),
    ]);
    expect(out.collection.features[0]).toEqual(
      f({ type: 'Point', coordinates: [1, 2] }, { bbox: [0, 0, 3, 3], title: 'kept' }),
    );
    expect(out.collection.features[1]).toEqual(f({ type: 'Point', coordinates: [10, 20] }));
    expect(out.warnings.map((w) => w.field).sort()).toEqual(['bbox', 'crs', 'features']);
  });
});

/** Every fixture file the loaders read. */
function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return fixtureFiles(p);
    return /\.(geojson|json|csv|tsv|kml|gpx|zip)$/i.test(name) ? [p] : [];
  });
}

describe('property: what convert writes passes the RFC 7946 checker, for every fixture', () => {
  const files = fixtureFiles(FIXTURES).filter((p) => !p.includes('/out/'));
  it('covers the fixtures', () => expect(files.length).toBeGreaterThan(50));
  for (const path of files) {
    it(relative(FIXTURES, path), async () => {
      const r = await loadFile(new Uint8Array(readFileSync(path)), path);
      if (r.fatal) return; // nothing is written for a file that cannot be read
      const out = resultToRfc7946(r);
      const written = JSON.parse(JSON.stringify(out.collection)) as unknown;
      expect(checkRfc7946(written).errors).toEqual([]);
    });
  }
});

describe('projections', () => {
  const R = 6378137;
  // Independent inverse: lon = x/R, lat = atan(sinh(y/R)) (the Gudermannian).
  const lon = ((13363000 / R) * 180) / Math.PI;
  const lat = (Math.atan(Math.sinh(3787000 / R)) * 180) / Math.PI;
  const point = (crs?: string) =>
    JSON.stringify({
      type: 'FeatureCollection',
      ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [13363000, 3787000] },
        },
      ],
    });

  it('a declared EPSG:3857 crs: converted, with a warning naming Web Mercator', () => {
    const r = loadGeoJson(point('urn:ogc:def:crs:EPSG::3857'), 'm.geojson');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.reason).toMatch(/EPSG:3857.*Web Mercator/);
    const [x, y] = (r.features!.features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(x).toBeCloseTo(lon, 9);
    expect(y).toBeCloseTo(lat, 9);
    expect(x).toBeCloseTo(120.0419, 4);
    expect(y).toBeCloseTo(32.1803, 4);
  });

  it('no declaration, coordinates plainly in metres: converted with the same warning', () => {
    const r = loadGeoJson(point(), 'm.geojson');
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]!.reason).toMatch(/Web Mercator \(EPSG:3857\)/);
  });

  it('one out-of-range vertex among degrees is an error, not a Mercator file', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [116, 39] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 40] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [190, 39] } },
      ],
    });
    const r = loadGeoJson(text, 'x.geojson');
    expect(r.warnings).toEqual([]);
    expect(r.errors.map((e) => e.feature)).toEqual([2]);
  });

  it.each([
    ['urn:ogc:def:crs:EPSG::4547', 'EPSG:4547'],
    ['EPSG:32650', 'EPSG:32650'],
  ])('a declared projected crs %s is refused by name', (name, short) => {
    const r = loadGeoJson(point(name), 'g.geojson');
    expect(r.fatal).toBe(true);
    expect(r.errors[0]!.reason).toMatch(
      new RegExp(`^this file is in ${short}; convert it to WGS84 \\(EPSG:4326\\) first`),
    );
  });

  it('CRS84 is read as is; CGCS2000 geographic (EPSG:4490) with a note', () => {
    const deg = (crs: string) =>
      JSON.stringify({
        type: 'Feature',
        crs: { type: 'name', properties: { name: crs } },
        properties: {},
        geometry: { type: 'Point', coordinates: [116, 39] },
      });
    // A crs on a Feature root is read too (the loader looks at the root object).
    const a = loadGeoJson(deg('urn:ogc:def:crs:OGC:1.3:CRS84'), 'a.geojson');
    expect(a.warnings).toEqual([]);
    const b = loadGeoJson(deg('EPSG:4490'), 'b.geojson');
    expect(b.warnings[0]!.reason).toMatch(/CGCS2000 \(EPSG:4490\): read as WGS84/);
    expect((b.features!.features[0]!.geometry as { coordinates: number[] }).coordinates).toEqual([
      116, 39,
    ]);
  });
});

describe('the app import path (core/workspace/import-file.ts, run by the worker)', () => {
  const HOSTILE = join(RFC, 'hostile');
  const buffer = (file: string) => {
    const b = readFileSync(join(HOSTILE, file));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };

  it('an EPSG:3857 file: the point lands in degrees and the report says Web Mercator', async () => {
    const { importFile } = await import('../../../src/core/workspace/import-file.ts');
    const r = await importFile(buffer('web-mercator-3857.geojson'), 'm.geojson', { crs: 'wgs84' });
    expect(r.fatal).toBeNull();
    const [x, y] = (r.data.features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(x).toBeCloseTo(120.0419, 4);
    expect(y).toBeCloseTo(32.1803, 4);
    expect(r.notes.map((p) => formatProblem(p)).join('\n')).toMatch(/EPSG:3857.*Web Mercator/);
  });

  it('an EPSG:4547 file is refused with its name', async () => {
    const { importFile } = await import('../../../src/core/workspace/import-file.ts');
    const r = await importFile(buffer('gauss-kruger-4547.geojson'), 'g.geojson', { crs: 'wgs84' });
    expect(r.data.features).toEqual([]);
    expect(`${r.fatal?.reason} ${r.problems.map((p) => formatProblem(p)).join(' ')}`).toMatch(
      /this file is in EPSG:4547/,
    );
  });
});
