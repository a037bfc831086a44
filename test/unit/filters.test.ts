import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filterInitiatives,
  isFiltered,
  type LedgerFilters,
} from '../../src/core/ledger/filters.ts';
import type { Initiative } from '../../src/core/ledger/model.ts';
import { ledgerTotals } from '../../src/core/ledger/totals.ts';

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
    start_year: 2019,
    end_year: 2021,
  }),
  row({
    id: 'b',
    name_zh: '河口村水库',
    name_en: 'Hekoucun Reservoir',
    category: 'water',
    investment_cny: 2_775_000_000,
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
  it('sums only stated investments and counts the unknown ones apart', () => {
    const t = ledgerTotals(ROWS);
    expect(t.count).toBe(5);
    expect(t.knownInvestment).toBe(246_000_000 + 2_775_000_000 + 60_000_000);
    expect(t.withInvestment).toBe(3);
    expect(t.unknownInvestment).toBe(2);
    expect(t.byCategory).toEqual({ water: 2, green_space: 2, transport: 1 });
    expect(t.byCity).toEqual({ jiyuan: 2, taixing: 2, tongzhou: 1 });
  });

  it('is all zeros on an empty selection', () => {
    const t = ledgerTotals([]);
    expect([t.count, t.knownInvestment, t.unknownInvestment]).toEqual([0, 0, 0]);
  });
});
