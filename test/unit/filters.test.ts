import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filterInitiatives,
  isFiltered,
  type LedgerFilters,
} from '../../src/core/ledger/filters.ts';
import type { Initiative, InvestmentQualifier } from '../../src/core/ledger/model.ts';
import {
  countedInvestment,
  ledgerTotals,
  summariseInvestment,
} from '../../src/core/ledger/totals.ts';

function row(p: Partial<Initiative> & { id: string }): Initiative {
  return Object.freeze({
    name_zh: '项目',
    name_en: 'Project',
    city_id: 'jiyuan',
    category: 'transport',
    status: 'completed',
    start_year: 2018,
    end_year: 2019,
    investment_cny: null,
    investment_qualifier: null,
    lon: 112.6,
    lat: 35.07,
    location_precision: 'city',
    source: '001_6782f79395f3aab1.txt',
    confidence: 'stated',
    description: '',
    ...p,
  }) as Initiative;
}

const ROWS: readonly Initiative[] = Object.freeze([
  row({
    id: 'a',
    name_zh: '玉阳湖提升',
    name_en: 'Yuyang Lake upgrade',
    category: 'water',
    investment_cny: 246_000_000,
    investment_qualifier: 'exact',
    start_year: 2019,
    end_year: 2021,
  }),
  row({
    id: 'b',
    name_zh: '河口村水库',
    name_en: 'Hekoucun Reservoir',
    category: 'water',
    investment_cny: 2_775_000_000,
    investment_qualifier: 'exact',
    start_year: 2011,
    end_year: 2016,
  }),
  row({
    id: 'c',
    city_id: 'taixing',
    name_zh: '龙河湾公园',
    name_en: 'Longhewan Park',
    category: 'green_space',
    status: 'planned',
    start_year: null,
    end_year: null,
  }),
  row({
    id: 'd',
    city_id: 'tongzhou',
    name_zh: '城市绿心森林公园',
    name_en: 'City Green Heart Forest Park',
    category: 'green_space',
    start_year: 2018,
    end_year: 2020,
  }),
  row({
    id: 'e',
    city_id: 'taixing',
    name_en: 'Gensi Road west extension',
    name_zh: '根思路西延',
    investment_cny: 60_000_000,
    investment_qualifier: 'at_least',
    status: 'not_stated',
    start_year: 2016,
    end_year: null,
  }),
]);

const f = (p: Partial<LedgerFilters>): LedgerFilters => ({ ...EMPTY_FILTERS, ...p });
const ids = (rows: Initiative[]) => rows.map((r) => r.id);

describe('filterInitiatives', () => {
  it('passes everything with no filter', () => {
    expect(ids(filterInitiatives(ROWS, EMPTY_FILTERS))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(isFiltered(EMPTY_FILTERS)).toBe(false);
  });

  it('narrows by city, category and status (OR within one, AND across)', () => {
    expect(ids(filterInitiatives(ROWS, f({ cities: ['taixing'] })))).toEqual(['c', 'e']);
    expect(ids(filterInitiatives(ROWS, f({ categories: ['water', 'green_space'] })))).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(
      ids(filterInitiatives(ROWS, f({ cities: ['taixing'], categories: ['green_space'] }))),
    ).toEqual(['c']);
    expect(ids(filterInitiatives(ROWS, f({ statuses: ['planned'] })))).toEqual(['c']);
    expect(ids(filterInitiatives(ROWS, f({ statuses: ['not_stated'] })))).toEqual(['e']);
    expect(ids(filterInitiatives(ROWS, f({ statuses: ['completed'] })))).toEqual(['a', 'b', 'd']);
  });

  it('matches a year range by overlap; rows with no year drop out while a range is set', () => {
    expect(ids(filterInitiatives(ROWS, f({ yearFrom: 2017, yearTo: 2018 })))).toEqual(['d']);
    expect(ids(filterInitiatives(ROWS, f({ yearFrom: 2016, yearTo: 2016 })))).toEqual(['b', 'e']);
    expect(ids(filterInitiatives(ROWS, f({ yearFrom: 2020 })))).toEqual(['a', 'd']);
    expect(ids(filterInitiatives(ROWS, f({ yearTo: 2012 })))).toEqual(['b']);
  });

  it('filters investment in yuan, keeping or dropping rows with no stated figure', () => {
    const min = f({ investMin: 100_000_000 });
    expect(ids(filterInitiatives(ROWS, min))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterInitiatives(ROWS, { ...min, keepUnknownInvestment: false }))).toEqual([
      'a',
      'b',
    ]);
    expect(
      ids(filterInitiatives(ROWS, f({ investMax: 100_000_000, keepUnknownInvestment: false }))),
    ).toEqual(['e']);
  });

  it('searches Chinese and English names, case- and width-insensitively, all terms', () => {
    expect(ids(filterInitiatives(ROWS, f({ text: '公园' })))).toEqual(['c', 'd']);
    expect(ids(filterInitiatives(ROWS, f({ text: 'PARK green' })))).toEqual(['d']);
    expect(ids(filterInitiatives(ROWS, f({ text: 'ＧＥＮＳＩ' })))).toEqual(['e']);
    expect(ids(filterInitiatives(ROWS, f({ text: 'nothing-like-this' })))).toEqual([]);
  });
});

describe('ledgerTotals', () => {
  it('adds exact and lower-bound figures only, and counts the unknown ones apart', () => {
    const t = ledgerTotals(ROWS);
    expect(t.count).toBe(5);
    // 2.46亿 + 27.75亿 exact, plus ≥ 0.6亿: a lower bound of 30.81亿.
    expect(t.investment.floor).toBe(3_081_000_000);
    expect(t.investment.floorIsLowerBound).toBe(true);
    expect(t.investment.exact).toEqual({ count: 2, sum: 3_021_000_000 });
    expect(t.investment.atLeast).toEqual({ count: 1, sum: 60_000_000 });
    expect(t.investment.unknown).toBe(2);
    expect(t.byCategory).toEqual({ water: 2, green_space: 2, transport: 1 });
    expect(t.byCity).toEqual({ jiyuan: 2, taixing: 2, tongzhou: 1 });
    expect(t.byStatus).toEqual({ completed: 3, planned: 1, not_stated: 1 });
  });

  it('is all zeros on an empty selection', () => {
    const t = ledgerTotals([]);
    expect([t.count, t.investment.floor, t.investment.unknown]).toEqual([0, 0, 0]);
    expect(t.investment.floorIsLowerBound).toBe(false);
  });
});

describe('summariseInvestment', () => {
  const m = (investment_cny: number | null, investment_qualifier: InvestmentQualifier | null) => ({
    investment_cny,
    investment_qualifier,
  });

  it('never adds an estimate or a target to the stated sum (the Taixing and Meihekou rows)', () => {
    // Hand-computed from the ledger's own figures:
    // exact 6亿 (福泰) + 353万 (济川北路); at least 4000万 (羌溪河) + 1000万 (银杏) + 6000万 (根思路西延);
    // about 3.95亿 (迎幸广场) + 4.5亿 (沿江大道) + 13.06亿 (镇海路南延);
    // target 3.3亿 (2017 parks) + 200亿 (工业新城, 撬动); one row with no figure.
    const s = summariseInvestment([
      m(600_000_000, 'exact'),
      m(3_530_000, 'exact'),
      m(40_000_000, 'at_least'),
      m(10_000_000, 'at_least'),
      m(60_000_000, 'at_least'),
      m(395_000_000, 'about'),
      m(450_000_000, 'about'),
      m(1_306_000_000, 'about'),
      m(330_000_000, 'target'),
      m(20_000_000_000, 'target'),
      m(null, null),
    ]);
    expect(s.exact).toEqual({ count: 2, sum: 603_530_000 });
    expect(s.atLeast).toEqual({ count: 3, sum: 110_000_000 });
    expect(s.floor).toBe(713_530_000); // ≥ 7.1353亿
    expect(s.floorIsLowerBound).toBe(true);
    expect(s.about).toEqual({ count: 3, sum: 2_151_000_000 });
    expect(s.target).toEqual({ count: 2, sum: 20_330_000_000 });
    expect(s.unknown).toBe(1);
  });

  it('is a plain (not lower-bound) sum when every figure is exact', () => {
    const s = summariseInvestment([m(246_000_000, 'exact'), m(176_000_000, 'exact')]);
    expect([s.floor, s.floorIsLowerBound]).toEqual([422_000_000, false]);
  });

  it('does not trust a figure with no qualifier as exact (counted as "about")', () => {
    const s = summariseInvestment([m(100, null), m(5, 'exact')]);
    expect([s.floor, s.about.sum, s.about.count]).toEqual([5, 100, 1]);
  });

  it('countedInvestment keeps exact and lower-bound figures only', () => {
    expect(
      [m(1, 'exact'), m(2, 'at_least'), m(3, 'about'), m(4, 'target'), m(null, null)].map(
        countedInvestment,
      ),
    ).toEqual([1, 2, null, null, null]);
  });
});
