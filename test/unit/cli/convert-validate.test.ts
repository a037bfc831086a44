import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicDistance } from '../../../src/core/analytics/index.ts';
import { wgsToGcj } from '../formats/gcj-reference.ts';
import { atlas, CLI, FORMATS, IN, json, ROOT, tempDir } from './helpers.ts';

type Errors = { errors: Array<Record<string, unknown>> };

describe('atlas convert', () => {
  it('a GBK CSV to GeoJSON points with every column as a property; bad rows reported on stderr', () => {
    const run = atlas('convert', `${CLI}/totals-points-gbk.csv`);
    const fc = json<FeatureCollection<Point>>(run);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(7);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [116.605, 39.905] },
      properties: {
        编号: 'p1',
        名称: '甲',
        经度: '116.605',
        纬度: '39.905',
        investment_cny: '100',
        category: 'transport',
      },
    });
    expect(run.stderr).toMatch(/totals-points-gbk\.csv \(row 8, 经度\): blank/);
    expect(run.stderr).toMatch(/totals-points-gbk\.csv \(row 9, 纬度\): out of range: 95/);
  });

  it('--crs gcj02: the reference GCJ-02 offset of Tiananmen is undone within 1 m; -o writes a file', () => {
    const [lon, lat] = wgsToGcj(116.3975, 39.9087);
    const dir = tempDir();
    const input = join(dir, 'in.geojson');
    const output = join(dir, 'out.geojson');
    const fs = {
      type: 'Feature',
      properties: { name: 'Tiananmen' },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    };
    writeFileSync(input, JSON.stringify(fs));
    const run = atlas('convert', input, '--crs', 'gcj02', '-o', output);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/wrote 1 features to .*out\.geojson/);
    const fc = JSON.parse(readFileSync(output, 'utf8')) as FeatureCollection<Point>;
    const [x, y] = fc.features[0]!.geometry.coordinates as [number, number];
    expect(geodesicDistance(x, y, 116.3975, 39.9087)).toBeLessThan(1);
    // Without --crs the coordinates are kept as they are.
    const raw = json<FeatureCollection<Point>>(atlas('convert', input));
    expect(raw.features[0]!.geometry.coordinates).toEqual([lon, lat]);
  });

  it('KML, GPX and a zipped Shapefile convert too', () => {
    const kml = json<FeatureCollection>(atlas('convert', `${FORMATS}/places.kml`));
    expect(kml.features.map((f) => f.geometry.type)).toEqual(['Point', 'Polygon', 'LineString']);
    const gpx = json<FeatureCollection>(atlas('convert', `${FORMATS}/track.gpx`));
    expect(gpx.features.map((f) => f.geometry.type).sort()).toEqual([
      'LineString',
      'Point',
      'Point',
    ]);
    const shp = json<FeatureCollection>(atlas('convert', `${FORMATS}/parcels.zip`));
    expect(shp.features.map((f) => f.properties?.NAME)).toEqual(['公园A', 'Park B']);
  });
});

describe('atlas validate', () => {
  it('a good file: exit 0 with a summary', () => {
    const out = json(atlas('validate', `${FORMATS}/points-utf8-bom.csv`));
    expect(out).toEqual({
      file: `${FORMATS}/points-utf8-bom.csv`,
      format: 'csv',
      kind: 'points',
      encoding: 'utf-8-bom',
      delimiter: ',',
      columns: ['id', 'name', 'lon', 'lat', 'investment_cny', 'category'],
      lon_field: 'lon',
      lat_field: 'lat',
      rows: 2,
      valid: 2,
      warnings: [],
    });
    const features = json(atlas('validate', `${IN}/totals-regions.geojson`));
    expect(features).toMatchObject({
      format: 'geojson',
      kind: 'features',
      features: 3,
      geometry_types: { Polygon: 3 },
    });
  });

  it('a CSV with broken rows: exit 1, every problem on stdout by row and field', () => {
    const run = atlas('validate', `${FORMATS}/points-broken.csv`);
    const out = json<Errors>(run, 1);
    expect(out.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'lon'],
      [3, 'lat'],
      [4, 'lon'],
      [5, 'lat'],
      [8, 'lat'],
    ]);
    expect(out.errors[1]).toEqual({ row: 3, field: 'lat', reason: 'not a number: "north"' });
  });

  it('malformed GeoJSON: exit 1 with the parser position', () => {
    const out = json<Errors>(atlas('validate', `${FORMATS}/malformed.geojson`), 1);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ field: 'json', line: 6, column: 4 });
  });

  it('features: bad geometries by feature; a self-intersection is a warning only', () => {
    const bad = json<Errors>(atlas('validate', `${IN}/bad-regions.geojson`), 1);
    expect(bad.errors).toEqual([
      // RFC 7946 §3.1.6: a linear ring is closed (the loader would close it; validate says so).
      {
        feature: 1,
        field: 'geometry',
        reason: 'coordinates[0]: a linear ring is not closed (its first and last positions differ)',
      },
      {
        feature: 2,
        field: 'geometry',
        reason: 'empty geometry (no ring with 3 distinct vertices)',
      },
      {
        feature: 3,
        field: 'geometry',
        reason:
          'coordinates[0][1]: each element of a position must be a number, but element 0 is "x"',
      },
    ]);
    const bowTie = json<{ warnings: Array<Record<string, unknown>> }>(
      atlas('validate', `${CLI}/bow-tie.geojson`),
    );
    expect(bowTie.warnings).toEqual([
      {
        feature: 0,
        field: 'geometry',
        reason: expect.stringMatching(
          /^self-intersecting polygon near \[116\.605, 39\.905\]: the analytics repair it into 2 parts \(area 474,73\d m²\) by splitting at the crossings$/,
        ),
      },
    ]);
  });

  it('a missing file or a CSV without coordinates: exit 1 with the error on stdout', () => {
    expect(json<Errors>(atlas('validate', 'no/such.csv'), 1).errors).toEqual([
      { field: 'file', reason: 'cannot read the file: no such file' },
    ]);
    const noCoords = json<Errors>(atlas('validate', `${FORMATS}/no-coordinates.csv`), 1);
    expect(noCoords.errors[0]!.field).toBe('header');
  });
});

describe('the bin and the npm script', () => {
  it('bin/atlas.mjs runs the CLI through tsx', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/atlas.mjs', 'area', `${IN}/totals-regions.geojson`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).features.map((f: { id: unknown }) => f.id)).toEqual(['A', 1, 'C']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.atlas).toBe('bin/atlas.mjs');
    expect(pkg.scripts.atlas).toBe('tsx cli/atlas.ts');
    expect(pkg.dependencies.tsx).toBeDefined();
  });
});

describe('RFC 7946: validate reports each defect, convert repairs it (issue 9)', () => {
  const HOSTILE = 'test/fixtures/wild/rfc7946/hostile';

  it('validate: exit 1, one error per defect with feature index, field and reason', () => {
    const { errors } = json<Errors>(atlas('validate', `${HOSTILE}/defects.geojson`), 1);
    expect(errors.map((e) => [e.feature, e.field])).toEqual([
      [0, 'geometry'],
      [1, 'geometry'],
      [2, 'geometry'],
      [3, 'geometry'],
      [4, 'id'],
      [5, 'bbox'],
    ]);
    expect(errors[0]!.reason).toMatch(/linear ring is not closed/);
    expect(errors[1]!.reason).toMatch(/linear ring needs 4 or more positions, but has 3/);
    expect(errors[2]!.reason).toMatch(/LineString needs 2 or more positions, but has 1/);
    expect(errors[3]!.reason).toMatch(/element 2 is "f"/);
    expect(errors[4]!.reason).toMatch(/"id" must be a string or a number/);
    expect(errors[5]!.reason).toMatch(/bbox must be an array of numbers, but is a string/);
  });

  it('convert: valid output (validate exits 0 on it); the good feature kept; every change named', () => {
    const dir = tempDir();
    const out = join(dir, 'out.geojson');
    const run = atlas('convert', `${HOSTILE}/defects.geojson`, '-o', out);
    expect(run.status, run.stderr).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as FeatureCollection;
    expect(fc.features.map((f) => f.properties?.n)).toEqual([
      'unclosed',
      'string elt',
      'object id',
      'string bbox',
      'good',
    ]);
    expect(fc.features[0]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [116, 39],
          [116.1, 39],
          [116.1, 39.1],
          [116, 39.1],
          [116, 39],
        ],
      ],
    });
    expect(run.stderr).toMatch(/feature 0\b.*unclosed ring closed/);
    expect(run.stderr).toMatch(/feature 1\b.*ring with fewer than 3 distinct positions/);
    expect(run.stderr).toMatch(/feature 2\b.*LineString with fewer than 2 positions/);
    expect(run.stderr).toMatch(/feature 4\b.*id dropped/);
    expect(run.stderr).toMatch(/feature 5\b.*bbox dropped/);
    expect(json(atlas('validate', out)).warnings).toEqual([]);
  });

  it('property: validate(convert(x)) exits 0 (no error)', () => {
    const dir = tempDir();
    // A few through the CLI (each run starts node); every fixture goes through the same core
    // functions in test/unit/formats/rfc7946.test.ts.
    const inputs = [
      'test/fixtures/wild/rfc7946/s1.5-featurecollection.geojson',
      `${HOSTILE}/defects.geojson`,
      `${HOSTILE}/web-mercator-3857.geojson`,
      `${IN}/bad-regions.geojson`,
    ];
    inputs.forEach((input, i) => {
      const out = join(dir, `${i}.geojson`);
      expect(atlas('convert', input, '-o', out).status).toBe(0);
      const v = atlas('validate', out);
      expect(v.status, `${input}: ${v.stdout}`).toBe(0);
    });
  }, 120_000);

  it('Web Mercator: converted with a warning naming it; EPSG:4547 refused with its name', () => {
    const m = atlas('convert', `${HOSTILE}/web-mercator-3857.geojson`);
    const fc = json<FeatureCollection<Point>>(m);
    const [x, y] = fc.features[0]!.geometry.coordinates as [number, number];
    // lon = x / R, lat = atan(sinh(y / R)), R = 6378137 m.
    expect(x).toBeCloseTo((13363000 / 6378137) * (180 / Math.PI), 9);
    expect(y).toBeCloseTo(Math.atan(Math.sinh(3787000 / 6378137)) * (180 / Math.PI), 9);
    expect(m.stderr).toMatch(/EPSG:3857.*Web Mercator/);
    expect(JSON.stringify(fc)).not.toMatch(/"crs"/);
    const g = json<Errors>(atlas('validate', `${HOSTILE}/gauss-kruger-4547.geojson`), 1);
    expect(g.errors).toEqual([
      {
        field: 'crs',
        reason: expect.stringMatching(
          /^this file is in EPSG:4547; convert it to WGS84 \(EPSG:4326\) first/,
        ),
      },
    ]);
  });
});
