/**
 * geojsonhint's own test files (test/fixtures/wild/geojsonhint, ISC, Mapbox): every bad file gets
 * from our RFC 7946 checker (or, for bad JSON, our loader) a problem of the kind the authors expect
 * in its .result file; good files get no error. The table maps their message to ours.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGeoJson } from '../../../src/core/formats/index.ts';
import { checkRfc7946 } from '../../../src/core/formats/rfc7946.ts';

const DIR = join(import.meta.dirname, '../../fixtures/wild/geojsonhint');

/** Their message (start) -> [our level, our reason pattern]. */
const MAP: Array<[RegExp, 'error' | 'warning', RegExp]> = [
  [/^"properties" member required/, 'error', /"properties" member required/],
  [/^"geometry" member required/, 'error', /"geometry" member required/],
  [/^"coordinates" member required/, 'error', /"coordinates" member required/],
  [/^"features" member required/, 'error', /"features" member required/],
  [/^"type" member required/, 'error', /"type" member required/],
  [
    /^Feature object cannot contain a "(\w+)" member/,
    'error',
    /Feature must not have a "\w+" member/,
  ],
  [/^FeatureCollection object cannot contain/, 'error', /FeatureCollection must not have a "\w+"/],
  [/^geometry object cannot contain/, 'error', /a geometry must not have a "\w+" member/],
  [
    /^a number was found where a coordinate array/,
    'error',
    /a number where .* should be: needs to be nested more deeply/,
  ],
  [/^"type" member should be string/, 'error', /"type" member must be a string/],
  [/^Polygons and MultiPolygons should follow the right-hand rule/, 'warning', /right-hand rule/],
  [/^"properties" member should be object/, 'error', /"properties" must be an object or null/],
  [
    /^each element in a position must be a number/,
    'error',
    /each element of a position must be a number/,
  ],
  [/^Every feature must be an object/, 'error', /every feature must be an object/],
  [
    /^Feature "id" member must have a string or number/,
    'error',
    /"id" must be a string or a number/,
  ],
  [/^bbox must contain 4 elements/, 'error', /bbox must have 4 numbers \(2D\) or 6 \(3D\)/],
  [
    /^each element in a bbox member must be a number/,
    'error',
    /each element of bbox must be a number/,
  ],
  [/^bbox member must be an array of numbers/, 'error', /bbox must be an array of numbers/],
  [/^the first and last positions in a LinearRing/, 'error', /linear ring is not closed/],
  [
    /^The geometries array in a GeometryCollection must contain only geometry/,
    'error',
    /a geometry must be an object/,
  ],
  [
    /^GeometryCollection with a single geometry/,
    'warning',
    /GeometryCollection with a single geometry/,
  ],
  [/^GeometryCollection should avoid nested/, 'warning', /nested GeometryCollection/],
  [/^"features" member should be an array/, 'error', /"features" must be an array/],
  [
    /^Expected FeatureCollection but got featurecollection/,
    'error',
    /type names are case-sensitive/,
  ],
  [/^GeoJSON features must have a type=feature/, 'error', /a feature must have "type": "Feature"/],
  [/^"coordinates" member should be an array/, 'error', /"coordinates" must be an array/],
  [
    /^position should be an array, is a number/,
    'error',
    /a number where a position \(an array\) should be/,
  ],
  [/^position must have 2 or more elements/, 'error', /a position must have 2 or more numbers/],
  [
    /^position should not have more than 3 elements/,
    'warning',
    /SHOULD NOT have more than 3 numbers/,
  ],
  [
    /^The root of a GeoJSON object must be an object/,
    'error',
    /root of a GeoJSON text must be an object/,
  ],
  [
    /^a line needs to have two or more coordinates/,
    'error',
    /a LineString needs 2 or more positions/,
  ],
  [
    /^a LinearRing of coordinates needs to have four or more/,
    'error',
    /linear ring needs 4 or more positions/,
  ],
  [/^The type FooBar is unknown/, 'error', /unknown type "FooBar"/],
];

/**
 * Their messages we deliberately do not give, and why.
 * - Duplicate members ("type" twice): JSON.parse keeps the last one, as every JSON parser in the
 *   browser does; we check what was parsed (the other problems of that file are still found).
 */
const NOT_OURS = [/^An object contained duplicate members/];

const files = (sub: string) =>
  readdirSync(join(DIR, sub))
    .filter((f) => f.endsWith('.geojson'))
    .sort();

describe('geojsonhint bad files', () => {
  for (const file of files('bad')) {
    it(file, () => {
      const text = readFileSync(join(DIR, 'bad', file), 'utf8');
      const expected = JSON.parse(
        readFileSync(join(DIR, 'bad', file.replace(/\.geojson$/, '.result')), 'utf8'),
      ) as Array<{ message: string; level?: string }>;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        // Their "Parse error on line 2" (jsonlint points after the last good value, a missing
        // comma at the end of line 2); V8 points at the unexpected token, on line 3. Either way the
        // loader refuses the file with a line and column.
        expect(expected[0]!.message).toMatch(/^Parse error on line 2/);
        const r = loadGeoJson(text, file);
        expect(r.fatal).toBe(true);
        expect(r.errors[0]!.reason).toMatch(/^malformed JSON at line [23], column \d+/);
        return;
      }
      const ours = checkRfc7946(json);
      if (expected.length === 0) {
        // excessive_precision_truncated: the authors expect nothing (precision is only advice).
        expect(ours.errors).toEqual([]);
        return;
      }
      for (const e of expected) {
        if (NOT_OURS.some((r) => r.test(e.message))) continue;
        const row = MAP.find(([theirs]) => theirs.test(e.message));
        expect(row, `no mapping for ${JSON.stringify(e.message)}`).toBeDefined();
        const [, level, pattern] = row!;
        const list = level === 'error' ? ours.errors : ours.warnings;
        expect(
          list.some((i) => pattern.test(i.reason)),
          `${file}: expected a ${level} like ${pattern} for "${e.message}", got ${JSON.stringify(ours)}`,
        ).toBe(true);
        // Their "message" level is a warning for us; their errors are our errors.
        expect(level === 'warning').toBe(
          e.level === 'message' || /^GeometryCollection/.test(e.message),
        );
      }
    });
  }
});

describe('geojsonhint good files', () => {
  for (const file of files('good')) {
    it(`${file}: no error from the checker, and the loader keeps every feature`, () => {
      const text = readFileSync(join(DIR, 'good', file), 'utf8');
      expect(checkRfc7946(JSON.parse(text)).errors).toEqual([]);
      const r = loadGeoJson(text, file);
      expect(r.fatal).toBe(false);
      // A null geometry is valid GeoJSON but has nothing to map: the loader lists it, by position.
      for (const e of r.errors) expect(e.reason).toMatch(/no geometry \(null\)|out of range/);
    });
  }
});
