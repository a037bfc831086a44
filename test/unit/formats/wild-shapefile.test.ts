/**
 * shpjs's own Shapefile test files (test/fixtures/wild/shpjs, see its README), read through our
 * registry, against what shpjs's authors expect in their test/test.js: feature counts, property
 * values (non-ASCII included), coordinates, and rejection of the bad files. Also: nothing is
 * dropped in silence (every unusable feature is in `errors`, every left-out record in a warning).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../src/core/formats/registry.ts';
import type { LoadResult } from '../../../src/core/formats/types.ts';

const DIR = join(import.meta.dirname, '../../fixtures/wild/shpjs');

const load = (file: string) =>
  loadFile(new Uint8Array(readFileSync(join(DIR, file))), file.split('/').pop()!);

const features = (r: LoadResult) => r.features?.features ?? [];
const reported = (r: LoadResult) =>
  new Set(r.errors.flatMap((e) => (e.feature === undefined ? [] : [e.feature])));

/** Every feature has a usable geometry or is listed in `errors` (nothing silently lost). */
function allAccountedFor(r: LoadResult) {
  const bad = reported(r);
  features(r).forEach((f, i) => {
    if (f.geometry === null) expect(bad.has(i), `feature ${i} has no geometry`).toBe(true);
  });
}

function* positions(g: Geometry): Generator<Position> {
  if (g.type === 'GeometryCollection') {
    for (const x of g.geometries) yield* positions(x);
    return;
  }
  const walk = function* (c: unknown): Generator<Position> {
    if (Array.isArray(c) && typeof c[0] === 'number') yield c as Position;
    else if (Array.isArray(c)) for (const x of c) yield* walk(x);
  };
  yield* walk(g.coordinates);
}

describe('shpjs test files: counts the authors expect', () => {
  it.each([
    ['senate.zip', 40],
    ['mixedcase.zip', 40],
    ['train_stations.zip', 361],
    ['pandr.zip', 80],
    ['empty-shp.zip', 2],
    ['zero-len-line.zip', 3],
    ['qgis.zip', 2],
    ['zipped/LGA_2013_AUST.zip', 13],
  ])('%s has %i features', async (file, n) => {
    const r = await load(file);
    expect(r.fatal, JSON.stringify(r.errors)).toBe(false);
    expect(r.format).toBe('shapefile');
    expect(features(r)).toHaveLength(n);
    allAccountedFor(r);
  });

  it('senate.zip: Massachusetts State Plane metres reprojected by its .prj (proj4 in shpjs)', async () => {
    const r = await load('senate.zip');
    expect(r.errors).toEqual([]);
    for (const f of features(r)) {
      for (const [lon, lat] of positions(f.geometry!)) {
        expect(lon).toBeGreaterThan(-73.6);
        expect(lon).toBeLessThan(-69.8);
        expect(lat).toBeGreaterThan(41.1);
        expect(lat).toBeLessThan(43);
      }
    }
    expect(features(r)[0]!.properties).toMatchObject({ SENATOR: 'Harriette L. Chandler (D)' });
  });

  it('zero-len-line.zip: the line with no points is a null geometry, reported', async () => {
    const r = await load('zero-len-line.zip');
    expect(features(r)[1]!.geometry).toBeNull();
    expect(r.errors).toMatchObject([
      { feature: 1, field: 'geometry', reason: 'no geometry (null)' },
    ]);
  });

  it('LGA_2013_AUST: null geometries reported; feature 4 is Kangaroo Island with 21 parts', async () => {
    const r = await load('zipped/LGA_2013_AUST.zip');
    const f4 = features(r)[4]!;
    expect(f4.properties).toMatchObject({ LGA_NAME13: 'Kangaroo Island (DC)' });
    expect(f4.geometry?.type).toBe('MultiPolygon');
    expect((f4.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(21);
    expect([...reported(r)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('SHP_Exclude.zip: weirdly ordered rings make one polygon with a hole', async () => {
    const r = await load('SHP_Exclude.zip');
    const g = features(r)[0]!.geometry as { type: string; coordinates: unknown[] };
    expect(g.coordinates).toHaveLength(2);
  });

  it('Z coordinates: multipoint z and polyline z as the authors list them (to 1e-9; their 1e-14 noise came from a WGS84 → WGS84 proj4 pass we skip)', async () => {
    const mp = features(await load('zipped/export_multipointz.zip'))[0]!.geometry;
    const want = [
      [-123.00000000000001, 48.00000000000001, 1200],
      [-122, 47, 2500],
      [-121, 46, 3600],
    ];
    const got = (mp as { coordinates: number[][] }).coordinates;
    want.forEach((p, i) => {
      p.forEach((v, k) => {
        expect(got[i]![k]).toBeCloseTo(v, 9);
      });
    });
    const pl = features(await load('zipped/export_polylinez.zip'))[0]!.geometry;
    expect(pl?.type).toBe('MultiLineString');
    const lines = [
      [
        [-119.99999999999999, 45, 800],
        [-119, 44, 1100],
        [-118.00000000000001, 43, 2300],
      ],
      [
        [-115, 40, 0],
        [-114.00000000000001, 39, 0],
        [-113, 38, 0],
      ],
    ];
    const gotLines = (pl as { coordinates: number[][][] }).coordinates;
    expect(gotLines).toHaveLength(2);
    lines.forEach((line, i) => {
      expect(gotLines[i]).toHaveLength(line.length);
      line.forEach((p, j) => {
        p.forEach((v, k) => {
          expect(gotLines[i]![j]![k]).toBeCloseTo(v, 9);
        });
      });
    });
  });
});

describe('shpjs test files: encodings', () => {
  const fields = async (file: string) => features(await load(file)).map((f) => f.properties?.field);

  it('utf.zip (.cpg UTF-8)', async () => {
    expect(await fields('utf.zip')).toEqual(['💩', 'Hněvošický háj']);
  });

  it('codepage.zip (.cpg "ANSI 1250"): windows-1250, the emoji was lost when it was written', async () => {
    expect(await fields('codepage.zip')).toEqual(['??', 'Hněvošický háj']);
  });

  it('htmlcpg (.cpg holding an HTML page): ignored with a warning, UTF-8 guessed and said', async () => {
    const r = await load('zipped/htmlcpg.zip');
    expect(features(r).map((f) => f.properties?.field)).toEqual(['💩', 'Hněvošický háj']);
    const reasons = r.warnings.map((w) => w.reason);
    expect(reasons).toContainEqual(
      expect.stringMatching(/^htmlcpg\.cpg: ".*" is not a code page; ignored$/),
    );
    expect(reasons).toContainEqual(
      expect.stringMatching(
        /^htmlcpg\.dbf: no usable \.cpg .* read as UTF-8, guessed from the bytes/,
      ),
    );
  });

  it('htmlprj (.prj holding an HTML page): read, the .prj ignored with a warning naming it', async () => {
    const r = await load('zipped/htmlprj.zip');
    expect(r.fatal).toBe(false);
    expect(features(r).map((f) => f.properties?.field)).toEqual(['💩', 'Hněvošický háj']);
    expect(r.warnings.map((w) => w.reason)).toContain(
      'htmlprj.prj cannot be read as a projection (it starts "<!DOCTYPE html><html><head> <m…"); ignored: coordinates taken as they are',
    );
  });
});

describe('shpjs test files: bad files get a plain message', () => {
  it.each([
    ['badzip.zip', /^badzip\.zip is not a zipped Shapefile: not a zip file/],
    ['noshp.zip', /^no \.shp file in the zip \(it holds counties\.dbf, counties\.sbn\)$/],
    ['zipped/bad.zip', /^bad\.shp is not a Shapefile \(no Shapefile header\)$/],
  ])('%s is rejected', async (file, reason) => {
    const r = await load(file);
    expect(r.fatal).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.reason).toMatch(reason);
  });
});

describe('shpjs test files: padding records and float noise', () => {
  it('T8Th4_6n.zip: shpjs counts 3 (2 empty records after the one indexed); we keep 1 and say so', async () => {
    const r = await load('T8Th4_6n.zip');
    expect(features(r)).toHaveLength(1);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.reason)).toContain(
      'POLYLINE.shp: 2 empty records after the 1 listed in POLYLINE.shx were ignored',
    );
  });

  it('ipra_dresden_polygon ("file too long"): one polygon, the padding said', async () => {
    const r = await load('zipped/ipra_dresden_polygon.zip');
    expect(features(r)).toHaveLength(1);
    expect(r.errors).toEqual([]);
    expect(features(r)[0]!.properties).toEqual({ NAME: '3', MARPLOT_ID: 'C9AD056098C50029' });
  });

  it('TM_WORLD_BORDERS: Russia and Antarctica kept (float32 noise at ±180 clamped, said)', async () => {
    const r = await load('TM_WORLD_BORDERS_SIMPL-0.3.zip');
    expect(features(r)).toHaveLength(246);
    expect(r.errors).toEqual([]);
    const names = features(r).map((f) => f.properties?.NAME);
    expect(names).toContain('Russia');
    expect(names).toContain('Antarctica');
    // "ANSI" DBF with Latin-1 bytes: windows-1252 guessed, and said.
    expect(names).toContain('Åland Islands');
    const reasons = r.warnings.map((w) => w.reason);
    expect(reasons).toContain(
      '7 vertices in 2 features lay just beyond ±180° longitude or ±90° latitude (by at most 0.0000019°, float rounding) and were moved onto the limit',
    );
    expect(reasons).toContainEqual(
      expect.stringMatching(
        /^TM_WORLD_BORDERS_SIMPL-0\.3\.dbf: the code page is "ANSI" \(DBF language byte 0x57.* read as windows-1252, guessed from the bytes/,
      ),
    );
    for (const f of features(r)) {
      for (const [lon, lat] of positions(f.geometry!)) {
        expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
      }
    }
  });
});
