/**
 * Every reason a user can meet when a ledger row or an edit is refused (the ledger schema, zod's
 * own messages, the cell conversion, the server's field errors) and every analytics skip or
 * repair reason (parks, regions, points, targets, population) carries a code with a Chinese
 * template: its Chinese has no English left in it, and its English is what the CLI and the API
 * always said. Removing a zh template makes this fail (the code is then unknown to the app).
 */
import { describe, expect, it } from 'vitest';
import { parseNewRow, parsePatch } from '../../../server/ledger/rows.ts';
import { parkCoverage } from '../../../src/core/analytics/coverage.ts';
import { nearest } from '../../../src/core/analytics/nearest.ts';
import { regionTotals } from '../../../src/core/analytics/totals.ts';
import { readPolygonal } from '../../../src/core/analytics/validate.ts';
import type { MessageParams } from '../../../src/core/common/messages.ts';
import { formatProblem } from '../../../src/core/common/problem.ts';
import { cityCoverage, placeCheck } from '../../../src/core/green/access.ts';
import type { Initiative } from '../../../src/core/ledger/model.ts';
import {
  parseInitiativesCsv,
  validateCatalog,
  validateGreenSpace,
} from '../../../src/core/ledger/validate.ts';
import { parseWorkspace } from '../../../src/core/workspace/model.ts';
import { readRows } from '../../../src/web/api/rows.ts';
import { formatProblemIn, PROBLEM_ZH, reasonZh } from '../../../src/web/i18n/problems.ts';
import { reasonIn } from '../../../src/web/i18n/reason-in.ts';
import { fieldErrorText } from '../../../src/web/ui/edit/field-error-text.ts';
import { fromForm, toForm } from '../../../src/web/ui/edit/form-model.ts';
import { rectFeature } from '../analytics/helpers.ts';

interface Coded {
  reason: string;
  code?: string;
  params?: MessageParams;
}

/**
 * Latin words a Chinese message may keep: format and type names, units, standard codes, and what
 * the user's own data holds (ids, column names, quoted values) once taken out below.
 */
const ALLOWED = new Set(
  ['GeoJSON', 'JSON', 'GB', 'T', 'Feature', 'Polygon', 'LineString', 'txt', 'm'].map((w) =>
    w.toLowerCase(),
  ),
);

/** English words left in a Chinese text (ids like tz-1, end_year, quoted values aside). */
function english(zh: string): string[] {
  const text = zh
    .replace(/"[^"]*"/g, ' ')
    .replace(/\b[A-Za-z]+(?:[-_][A-Za-z0-9]+)+\b/g, ' ')
    .replace(/\b[A-Za-z]*\d[A-Za-z0-9]*\b/g, ' ');
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
}

/** What is wrong with a message's Chinese, or null when it is coded and wholly Chinese. */
function notChinese(p: Coded): string | null {
  if (p.code === undefined) return `no code: ${p.reason}`;
  if (!(p.code in PROBLEM_ZH)) return `code ${p.code} has no zh template: ${p.reason}`;
  const zh = reasonZh(p.code, p.params);
  if (zh === null || /\{\w+\}/.test(zh)) return `zh left unfilled: ${zh}`;
  const left = english(zh);
  return left.length > 0 ? `English in "${zh}": ${left.join(' ')}` : null;
}

function allChinese(list: readonly Coded[]): { bad: string[]; codes: Set<string> } {
  const codes = new Set(list.flatMap((p) => (p.code ? [p.code] : [])));
  return { bad: list.map(notChinese).filter((x): x is string => x !== null), codes };
}

const ROW: Initiative = {
  id: 'tz-good',
  name_zh: '好项目',
  name_en: 'A good project',
  city_id: 'tongzhou',
  category: 'public_service',
  status: 'planned',
  start_year: 2020,
  end_year: 2025,
  investment_cny: 5e8,
  investment_qualifier: 'exact',
  lon: 116.65,
  lat: 39.9,
  location_precision: 'exact',
  source: 'https://example.org/a',
  confidence: 'stated',
  description: '',
};

const HEADER =
  'id,name_zh,name_en,city_id,category,status,start_year,end_year,investment_cny,investment_qualifier,lon,lat,location_precision,source,confidence,description';

describe('ledger rows and edits refused: coded, worded in Chinese', () => {
  it('data:check of bad ledger rows: every schema and cell message has a code and Chinese', () => {
    const rows = [
      'Bad Id,,名,tongzhou,public_service,planned,1700,2200,,,116.6,39.9,exact,https://e.org/a,stated,',
      'tz-a,名,Name,tongzhou,public_service,planned,2020,2019,,,116.6,39.9,exact,https://e.org/a,stated,',
      'tz-e,名,Name,tongzhou,nope,someday,2020,2021,5,,116.6,39.9,exact,https://e.org/a,stated,',
      'tz-f,名,Name,tongzhou,public_service,planned,2020,2021,5,,116.6,39.9,exact,https://e.org/a,stated,',
      'tz-b,名,Name,tongzhou,public_service,planned,,,-3,guess,200,95,exact,xy,stated,',
      'tz-c,名,Name,tongzhou,public_service,planned,2020.5,,,exact,116.6,39.9,nowhere,https://e.org/a | https://e.org/a | not a url,maybe,',
      'tz-d,名,Name,tongzhou,public_service,planned,,,,,north,,exact,https://e.org/a,stated,',
    ];
    const r = parseInitiativesCsv([HEADER, ...rows].join('\n'), {}, 'initiatives.csv');
    const { bad, codes } = allChinese(r.issues);
    expect(bad).toEqual([]);
    for (const c of [
      'schema_slug',
      'schema_empty',
      'schema_year_before',
      'schema_year_after',
      'schema_end_before_start',
      'schema_qualifier_required',
      'schema_qualifier',
      'schema_investment_positive',
      'schema_lon_range',
      'schema_lat_range',
      'schema_source_bad',
      'schema_sources_twice',
      'zod_expected_one_of',
      'zod_expected_type',
      'cell_not_number',
      'cell_blank',
    ]) {
      expect(codes, c).toContain(c);
    }
    // The English is what `atlas check` always printed.
    const lines = r.issues.map(formatProblem);
    expect(lines).toContain('initiatives.csv (row 2, id "tz-a", end_year): is before start_year');
    expect(lines).toContain('initiatives.csv (row 5, id "tz-b", lon): is out of range (-180..180)');
    const category = r.issues.find((i) => i.field === 'category');
    expect(category?.reason).toMatch(/^Invalid option: expected one of "transport"\|/);
    // The allowed values by their Chinese labels, each with the value the file must contain.
    expect(reasonIn(category!, 'zh')).toMatch(
      /^不是可选的值：应为 交通（"transport"）、园林绿地（"green_space"）、/,
    );
    const early = r.issues.find((i) => i.id === 'tz-a' && i.field === 'end_year');
    expect(formatProblemIn(early!, 'zh')).toBe(
      'initiatives.csv（第 2 行，编号 "tz-a"，end_year）：早于开始年份',
    );
    const int = r.issues.find((i) => i.code === 'zod_expected_type');
    expect(int?.reason).toBe('Invalid input: expected int, received number');
    expect(reasonIn(int!, 'zh')).toBe('类型不对：应为整数，实为数字');
  });

  it('the catalogue and the park layer: their schema messages too', () => {
    const cat = validateCatalog({ version: 1, programmes: [], cities: [], layers: [] });
    const green = validateGreenSpace({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'p', name_zh: '', name_en: 'P', city_id: 'tongzhou' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116, 39],
                [116.1, 39],
                [116.1, 39.1],
              ],
            ],
          },
        },
      ],
    });
    const all = [...cat.issues, ...green.issues];
    expect(all.length).toBeGreaterThan(3);
    const { bad, codes } = allChinese(all);
    expect(bad).toEqual([]);
    expect(codes).toContain('schema_ring_short');
    expect(codes).toContain('zod_too_small_size');
  });

  it('the edit form: the schema refuses, the field says why in Chinese', () => {
    const early = fromForm({ ...toForm(ROW), end_year: '2019' });
    const errs = early.ok ? {} : early.errors;
    expect(errs.end_year?.reason).toBe('is before start_year');
    expect(reasonIn(errs.end_year!, 'zh')).toBe('早于开始年份');
    expect(reasonIn(errs.end_year!, 'en')).toBe('is before start_year');
    const nan = fromForm({ ...toForm(ROW), lat: 'north', start_year: '1500', id: 'X' });
    const e2 = nan.ok ? {} : nan.errors;
    expect(reasonIn(e2.lat!, 'zh')).toBe('"north" 不是数字');
    expect(reasonIn(e2.start_year!, 'zh')).toBe('早于 1,800 年');
    expect(allChinese(Object.values(e2).filter((x) => x !== undefined)).bad).toEqual([]);
  });

  it("the server's 422 field errors: coded, the English unchanged, worded in Chinese", () => {
    const post = parseNewRow({ ...ROW, name_en: 5, lon: '116', version: 3, deleted: true, x: 1 });
    expect(post.ok).toBe(false);
    const errors = post.ok ? [] : post.errors;
    expect(errors.find((e) => e.field === 'deleted')?.reason).toBe(
      'is kept by the server and cannot be set',
    );
    expect(errors.find((e) => e.field === 'x')?.reason).toBe('is not a ledger column');
    expect(errors.find((e) => e.field === 'lon')?.reason).toBe('is not a number');
    expect(errors.find((e) => e.field === 'name_en')?.reason).toBe(
      'Invalid input: expected string, received number',
    );
    expect(allChinese(errors).bad).toEqual([]);
    // As the client reads them from JSON and shows them in a notice.
    const name = errors.find((e) => e.field === 'name_en')!;
    const wire = JSON.parse(JSON.stringify(name)) as typeof name;
    expect(fieldErrorText(wire, 'zh')).toBe('英文名称：类型不对：应为文本，实为数字');
    expect(fieldErrorText(wire, 'en')).toBe(
      'name_en: Invalid input: expected string, received number',
    );
    const patch = parsePatch({ id: 'other', end_year: 2000, note: 5 }, ROW);
    expect(allChinese(patch.ok ? [] : patch.errors).bad).toEqual([]);
    expect(patch.ok ? [] : patch.errors.map((e) => e.code)).toEqual([
      'server_must_be_text',
      'server_id_fixed',
      'schema_end_before_start',
    ]);
  });

  it('a stored workspace record zod refuses: left out, with the reason in Chinese', () => {
    const r = parseWorkspace({ regions: [1, { id: 'r', name: 5 }], layers: [{}] });
    expect(r.problems.map(formatProblem)).toContain(
      'regions[1]: left out: name: Invalid input: expected string, received number',
    );
    expect(r.problems.map((p) => formatProblemIn(p, 'zh'))).toContain(
      'regions[1]：已略去：name：类型不对：应为文本，实为数字',
    );
    // Field names (name, id) are the record's own keys; the words around them are Chinese.
    for (const p of r.problems) {
      const zh = formatProblemIn(p, 'zh').replace(/\b(?:regions|layers|name|id)\b/g, '');
      expect(english(zh)).toEqual([]);
    }
  });

  it('a server row the schema refuses: the notice detail in Chinese, nested reasons too', () => {
    const r = readRows([{ ...ROW, id: 'bad', lat: 123, end_year: 1999 }]);
    expect(r.problems[0]?.reason).toBe(
      'bad: lat is out of range (-90..90); end_year is before start_year',
    );
    expect(reasonIn(r.problems[0]!, 'zh')).toBe(
      'bad：lat：超出范围（-90 到 90）；end_year：早于开始年份',
    );
  });
});

/** A square of side d° from (lon, lat): the analytics tests' rectangle. */
const square = (id: string, lon: number, lat: number, d: number) =>
  rectFeature(id, lon, lat, lon + d, lat + d);

const BAD_PARKS = [
  { type: 'Feature', id: 'none', properties: {}, geometry: null },
  {
    type: 'Feature',
    id: 'line',
    properties: {},
    geometry: {
      type: 'LineString',
      coordinates: [
        [116, 39],
        [116.1, 39],
      ],
    },
  },
  {
    type: 'Feature',
    id: 'far',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [116, 39],
          [190, 39],
          [116, 40],
          [116, 39],
        ],
      ],
    },
  },
  {
    type: 'Feature',
    id: 'flat',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [116, 39],
          [116.1, 39],
          [116, 39],
        ],
      ],
    },
  },
  {
    type: 'Feature',
    id: 'bow',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [116, 39],
          [116.01, 39.01],
          [116.01, 39],
          [116, 39.01],
          [116, 39],
        ],
      ],
    },
  },
  { type: 'Nope' },
];

describe('analytics skip and repair reasons: coded, worded in Chinese', () => {
  it('parks skipped or repaired, with and without repair', () => {
    const repaired = readPolygonal(BAD_PARKS as never);
    const kept = readPolygonal(BAD_PARKS as never, { repair: false });
    const all = [...repaired.skipped, ...repaired.repaired, ...kept.skipped];
    const { bad, codes } = allChinese(all);
    expect(bad).toEqual([]);
    for (const c of [
      'an_no_geometry',
      'an_not_polygonal',
      'an_out_of_range',
      'an_empty_geometry',
      'an_not_feature',
      'polygon_repaired',
      'an_self_intersecting',
    ]) {
      expect(codes, c).toContain(c);
    }
    expect(kept.skipped.find((s) => s.id === 'bow')?.reason).toBe(
      'self-intersecting polygon near [116.005, 39.005]',
    );
  });

  it('a park too small for the rule: the green-access tooltip and the coverage notice', () => {
    const parks = [square('small', 116.6, 39.9, 0.0002), ...BAD_PARKS];
    const cov = parkCoverage([square('r', 116.5, 39.8, 0.3)] as never, parks as never, {
      rule: 'gbt50563',
    });
    const small = cov.parks.find((p) => p.id === 'small');
    expect(small?.reason).toMatch(/^area [\d,]+ m² is below the 2,000 m² minimum of gbt50563$/);
    expect(reasonIn(small as Coded, 'zh')).toMatch(
      /^面积 [\d,]+ m² 小于该标准要求的最小面积 2,000 m²$/,
    );
    const answer = placeCheck(
      { type: 'FeatureCollection', features: parks as never },
      116.6001,
      39.9001,
      'walk:500',
    );
    expect(answer.parks.length).toBeGreaterThan(0);
    const walk = placeCheck(
      { type: 'FeatureCollection', features: [square('small', 116.6, 39.9, 0.0002)] },
      116.6001,
      39.9001,
      'gbt50563',
    );
    const why = walk.parks[0]?.why;
    expect(why).toBeTruthy();
    expect(notChinese(why!)).toBeNull();
    const city = cityCoverage(
      { type: 'FeatureCollection', features: [square('r', 116.5, 39.8, 0.3)] as never },
      { type: 'FeatureCollection', features: parks as never },
      [],
      'gbt50563',
    );
    expect(city.parkIssues.length).toBeGreaterThan(3);
    expect(allChinese(city.parkIssues).bad).toEqual([]);
    const bow = city.parkIssues.find((p) => p.id === 'bow')!;
    expect(formatProblem(bow)).toMatch(
      /^feature 5, id "bow", geometry: self-intersecting polygon near \[116\.005, 39\.005\]: repaired into 2 parts \(area [\d,]+ m²\) by splitting at the crossings \(repaired\)$/,
    );
    expect(formatProblemIn(bow, 'zh')).toMatch(
      /^要素 5，编号 "bow"，几何：多边形自相交（约在 \[116\.005, 39\.005\]）：已在交叉处拆分修复为 2 个部分（面积 [\d,]+ m²）（已修复）$/,
    );
  });

  it('points and targets without a usable location, population without a value', () => {
    const points = {
      lons: Float64Array.of(116.6, Number.NaN, 200),
      lats: Float64Array.of(39.9, 39.9, 95),
      properties: [{ pop: 5 }, { pop: 1 }, { pop: 'x' }],
    };
    const regions = [square('r', 116.5, 39.8, 0.3)] as never;
    const t = regionTotals(regions, points);
    const n = nearest(points, BAD_PARKS as never);
    const c = parkCoverage(regions, [square('p', 116.6, 39.9, 0.01)] as never, {
      population: {
        points: { ...points, properties: [{ pop: 5 }, { pop: 'x' }, {}] },
        field: 'pop',
      },
    });
    const all = [...t.skipped, ...n.skipped, ...n.skippedTargets, ...c.skipped.population];
    const { bad, codes } = allChinese(all);
    expect(bad).toEqual([]);
    expect(codes).toContain('an_point_invalid_at');
    expect(codes).toContain('an_target_invalid');
    expect(t.skipped[0]?.reason).toBe('missing or invalid coordinates (lon NaN, lat 39.9)');
  });
});
