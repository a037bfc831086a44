import { describe, expect, it } from 'vitest';
import { MESSAGES, say } from '../../../src/core/common/messages.ts';
import { formatProblem } from '../../../src/core/common/problem.ts';
import { loadCsv, loadGeoJson } from '../../../src/core/formats/index.ts';
import { formatProblemIn, PROBLEM_ZH } from '../../../src/web/i18n/problems.ts';
import { formatNumber, pluralKey, translate } from '../../../src/web/i18n/useT.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Latin words left in a Chinese template, placeholders and format names aside. */
const ALLOWED =
  /\{\w+\}|GeoJSON|FeatureCollection|GeometryCollection|LineString|geometries|null|Feature|POINT|EMPTY|WKT|JSON|CSV|WGS84|EPSG|Web|features|type|\.\w+|0x\w+|--sheet|"\w+"|Shapefile|dBase|DBF|ASCII|ANSI|windows-1252|UTF-\d+|GBK|GB18030|zip(64)?|Zip|gzip|RAR|proj4|ogr2ogr|t_srs|QGIS|XML|PNG|JPEG|GIF|TIFF|PDF|SQLite|Office|Excel|Word|PowerPoint|OpenDocument|NUL|bbox|properties|RFC|catalog/g;
const hasLatin = (s: string) => /[A-Za-z]{3,}/.test(s.replace(ALLOWED, ''));

describe('coded problems: one English text, a Chinese one for every code', () => {
  it('every code the core can emit has an English template and a Chinese one', () => {
    const codes = Object.keys(MESSAGES).sort();
    expect(Object.keys(PROBLEM_ZH).sort()).toEqual(codes);
    for (const code of codes) {
      const zh = PROBLEM_ZH[code as keyof typeof PROBLEM_ZH];
      expect(zh.length, code).toBeGreaterThan(0);
      expect(hasLatin(zh), `${code}: ${zh}`).toBe(false);
      // The Chinese uses no value the English does not have.
      // (`line`: the header's line number, passed besides the English `where`.)
      const en = new Set([...placeholders(MESSAGES[code as keyof typeof MESSAGES]), 'line']);
      for (const p of placeholders(zh)) expect(en.has(p!), `${code}: {${p}}`).toBe(true);
    }
  });

  it('the English is what the CLI always printed (say fills the catalogue template)', () => {
    expect(say('coord_not_number', { value: '"x"' }).reason).toBe('not a number: "x"');
    expect(formatProblem({ row: 2, field: 'lat', ...say('lat_out_of_range', { value: 95 }) })).toBe(
      'row 2, lat: out of range: 95 (latitude must be between -90 and 90)',
    );
  });

  it('a bad CSV row and a malformed GeoJSON file in both languages', () => {
    const csv = loadCsv(bytes('name,lon,lat\nA,116.5,40\nB,116.6,95\nC,abc,40\n'), 'a.csv');
    const [range, nan] = csv.errors;
    expect(range?.code).toBe('lat_out_of_range');
    expect(formatProblemIn(range!, 'en')).toBe(
      'row 2, lat: out of range: 95 (latitude must be between -90 and 90)',
    );
    expect(formatProblemIn(range!, 'zh')).toBe(
      '第 2 行，lat：超出范围：95（纬度应在 -90 到 90 之间）',
    );
    expect(formatProblemIn(nan!, 'zh')).toBe('第 3 行，lon：不是数字："abc"');
    const bad = loadGeoJson(bytes('{"type": "FeatureCollection", "features": [}'), 'b.geojson');
    expect(bad.fatal).toBe(true);
    const p = { file: 'b.geojson', ...bad.errors[0]! };
    expect(formatProblemIn(p, 'en')).toMatch(
      /^b\.geojson \(line 1, column \d+, json\): malformed JSON/,
    );
    expect(formatProblemIn(p, 'zh')).toMatch(
      /^b\.geojson（文本第 1 行，第 \d+ 列，JSON）：JSON 格式错误$/,
    );
  });

  it('blank lines before the header: a note in Chinese', () => {
    const r = loadCsv(bytes('\n\nlon,lat\n116.5,40\n'), 'c.csv');
    expect(r.warnings.map((w) => formatProblemIn(w, 'zh'))).toEqual([
      '表头：表头在第 3 行（已跳过前面 2 个空行）',
    ]);
  });

  it('an unknown code (a newer core, an older app) falls back to the English reason', () => {
    const p = { row: 1, field: 'x', reason: 'something new', code: 'not_a_code' } as never;
    expect(formatProblemIn(p, 'zh')).toBe('第 1 行，x：something new');
  });
});

describe('numbers and plurals', () => {
  it('counts are grouped and plurals chosen per language', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'zh')).toBe('12,345');
    expect(pluralKey('en', 1, 'impNotesOne', 'impNotesOther')).toBe('impNotesOne');
    expect(pluralKey('en', 2, 'impNotesOne', 'impNotesOther')).toBe('impNotesOther');
    expect(pluralKey('zh', 1, 'impNotesOne', 'impNotesOther')).toBe('impNotesOther');
    expect(translate('zh', 'impSummary', { name: 'a.csv', loaded: 2, total: 3 })).toBe(
      'a.csv：已导入 2 条，共 3 条',
    );
    expect(translate('en', 'impSummary', { name: 'a.csv', loaded: 1200, total: 1300 })).toBe(
      'a.csv: 1,200 loaded (of 1,300)',
    );
  });
});
