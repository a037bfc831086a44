import { describe, expect, it } from 'vitest';
import {
  geometryError as geometryProblem,
  loadGeoJson,
  toFeatureCollection,
  toPointColumns,
  usableFeatures,
} from '../../../src/core/formats/index.ts';
import { jsonErrorOffset } from '../../../src/core/formats/json-position.ts';
import { fixtureBytes } from './helpers.ts';

/** The English reason of a geometry's problem (the catalogue's text; the code is extra). */
const geometryError = (g: unknown) => geometryProblem(g)?.reason ?? null;

describe('GeoJSON', () => {
  const r = loadGeoJson(fixtureBytes('mixed.geojson'), 'mixed.geojson');

  it('keeps every feature in file order and reports the unusable ones by position', () => {
    expect(r.kind).toBe('features');
    expect(r.fatal).toBe(false);
    expect(r.features!.features).toHaveLength(8);
    expect(r.errors).toMatchObject([
      { feature: 2, field: 'geometry', reason: 'no geometry (null)' },
      {
        feature: 3,
        field: 'geometry',
        reason: 'coordinate out of range (lon 190, lat 39) at coordinates',
      },
      { feature: 4, field: 'geometry', reason: 'unknown geometry type "Circle"' },
      { feature: 5, field: 'geometry', reason: 'non-numeric coordinate at coordinates[1]' },
      { feature: 7, field: 'type', reason: 'not a GeoJSON Feature (type "Polygon")' },
    ]);
  });

  it('usable features drop the ones with errors; exact coordinates kept', () => {
    const fc = usableFeatures(r);
    expect(fc.features.map((f) => f.properties?.name)).toEqual(['point', 'square', 'line']);
    expect(fc.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [116.4, 39.9] });
    expect(fc.features[0]!.id).toBe('pt');
    expect(toFeatureCollection(r)).toEqual(fc);
  });

  it('points from features: Point geometries, ids by the contract rule, others skipped', () => {
    const { points, skipped } = toPointColumns(r);
    expect(Array.from(points.lons)).toEqual([116.4]);
    expect(Array.from(points.lats)).toEqual([39.9]);
    expect(points.ids).toEqual(['pt']);
    expect(Array.from(points.rows)).toEqual([0]);
    expect(skipped.map((s) => [s.feature, s.reason])).toEqual([
      [1, 'geometry type Polygon is not a Point'],
      [2, 'no geometry (null)'],
      [3, 'coordinate out of range (lon 190, lat 39) at coordinates'],
      [4, 'unknown geometry type "Circle"'],
      [5, 'non-numeric coordinate at coordinates[1]'],
      [6, 'geometry type LineString is not a Point'],
      [7, 'not a GeoJSON Feature (type "Polygon")'],
    ]);
    expect(toPointColumns(r, 'name').points.ids).toEqual(['point']);
  });

  it('malformed JSON: a fatal error with the line and column of the problem', () => {
    const bad = loadGeoJson(fixtureBytes('malformed.geojson'), 'malformed.geojson');
    expect(bad.fatal).toBe(true);
    expect(bad.errors).toHaveLength(1);
    // Line 6 is `   "geometry": null}`: a comma is missing before it (column 4 is the quote).
    expect(bad.errors[0]).toMatchObject({ field: 'json', line: 6, column: 4 });
    expect(bad.errors[0]!.reason).toMatch(/^malformed JSON at line 6, column 4: /);
  });

  it.each([
    ['{"a":1,}', 7],
    ['{"a":', 5],
    ['[1 2]', 3],
    ['{"type":"FeatureCollection",\n"features":[}', 41],
    ['nope', 0],
    ['{"a":"x\ny"}', 7],
    ['{"a":"\\u12G4"}', 7],
    ['[1, 2] x', 7],
    ['{"a": [1, 2.5e3, -0.1, true, false, null, "\\n"]}', null],
  ])('JSON error offset of %j is %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('a single Feature, a bare geometry, an array of features', () => {
    const f = loadGeoJson(
      '{"type":"Feature","properties":{"a":1},"geometry":{"type":"Point","coordinates":[1,2]}}',
      'f.json',
    );
    expect(f.features!.features).toEqual([
      { type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [1, 2] } },
    ]);
    const g = loadGeoJson('{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}', 'g.json');
    expect(g.features!.features[0]!.geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    const a = loadGeoJson('[{"type":"Feature","properties":null,"geometry":null}]', 'a.json');
    expect(a.warnings[0]!.reason).toMatch(/JSON array/);
    expect(a.errors).toMatchObject([
      { feature: 0, field: 'geometry', reason: 'no geometry (null)' },
    ]);
  });

  it('JSON that is not GeoJSON is fatal', () => {
    expect(loadGeoJson('{"type":"Topology"}', 'x.json').errors[0]!.reason).toMatch(
      /not GeoJSON: type "Topology"/,
    );
    expect(loadGeoJson('42', 'x.json').errors[0]!.reason).toMatch(/not GeoJSON: a JSON number/);
    expect(loadGeoJson('{"type":"FeatureCollection"}', 'x.json').errors[0]!.reason).toMatch(
      /without a "features" array/,
    );
  });

  it('geometry checks', () => {
    expect(geometryError({ type: 'LineString', coordinates: [[1, 2]] })).toBe(
      'LineString with fewer than 2 positions',
    );
    expect(
      geometryError({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      }),
    ).toBe('ring 0 of polygon 0 has fewer than 3 positions');
    expect(geometryError({ type: 'Polygon', coordinates: [[0, 0]] })).toBe(
      'malformed coordinates at coordinates[0][0]',
    );
    expect(geometryError({ type: 'MultiPolygon', coordinates: [] })).toBe('empty MultiPolygon');
    expect(geometryError({ type: 'Point', coordinates: [1, Number.NaN] })).toBe(
      'non-finite coordinate at coordinates',
    );
    expect(
      geometryError({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 2] },
          { type: 'Point', coordinates: [1] },
        ],
      }),
    ).toBe('geometries[1]: position with fewer than 2 numbers at coordinates');
    expect(geometryError({ type: 'Point', coordinates: [116, 39, 12] })).toBeNull();
  });

  it('a UTF-8 BOM before the JSON is accepted', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('{"type":"Point","coordinates":[1,2]}'),
    ]);
    expect(loadGeoJson(bytes, 'x.geojson')).toMatchObject({ fatal: false, errors: [] });
  });
});
