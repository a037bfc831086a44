import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../src/core/ledger/filters.ts';
import { parseUrlState, serializeUrlState, type UrlState } from '../../src/web/state/url.ts';

const FULL: UrlState = Object.freeze({
  view: { lon: 116.6514, lat: 39.9086, zoom: 11.5 },
  filters: {
    ...EMPTY_FILTERS,
    cities: ['tongzhou', 'sanhe'],
    categories: ['green_space', 'water'],
    statuses: ['completed'],
    yearFrom: 2018,
    yearTo: null,
    investMin: 100_000_000,
    investMax: 5_000_000_000,
    keepUnknownInvestment: false,
    text: '公园 park',
    year: 2020,
  },
  selection: { kind: 'initiative', id: 'tongzhou-city-green-heart' },
  lang: 'zh',
  hidden: ['green'],
  coverage: 'walk:500',
  regions: 'W1siUiIsInJlY3RhbmdsZSJdXQ',
}) as UrlState;

describe('URL state', () => {
  it('round-trips every field', () => {
    const q = serializeUrlState(FULL);
    expect(parseUrlState(q)).toEqual(FULL);
  });

  it('writes nothing for the default state, and reads defaults from an empty query', () => {
    const empty: UrlState = {
      view: null,
      filters: { ...EMPTY_FILTERS },
      selection: null,
      lang: null,
      hidden: [],
      coverage: null,
      regions: null,
    };
    expect(serializeUrlState(empty)).toBe('');
    expect(parseUrlState('')).toEqual(empty);
  });

  it('keeps the query short and readable', () => {
    const q = serializeUrlState(FULL);
    expect(q).toContain('v=116.6514%2C39.9086%2C11.5');
    expect(q).toContain('y=2018%7E');
    expect(q.length).toBeLessThan(300);
  });

  it('drops malformed or unknown values instead of failing', () => {
    const s = parseUrlState(
      '?v=999,0,3&cat=green_space,bogus&st=nope&y=abc&inv=~x&sel=weird&lang=fr&hide=green,xyz&city=<script>&cov=walk:far',
    );
    expect(s.coverage).toBeNull();
    expect(s.view).toBeNull();
    expect(s.filters.categories).toEqual(['green_space']);
    expect(s.filters.statuses).toEqual([]);
    expect([s.filters.yearFrom, s.filters.yearTo]).toEqual([null, null]);
    expect([s.filters.investMin, s.filters.investMax]).toEqual([null, null]);
    expect(s.selection).toBeNull();
    expect(s.lang).toBeNull();
    expect(s.hidden).toEqual(['green']);
    expect(s.filters.cities).toEqual([]);
  });

  it('rounds the view to 4 decimals', () => {
    const q = serializeUrlState({
      ...FULL,
      view: { lon: 116.123456789, lat: 39.987654321, zoom: 9.87654 },
    });
    expect(parseUrlState(q).view).toEqual({ lon: 116.1235, lat: 39.9877, zoom: 9.88 });
  });

  it('keeps the timeline year as yr=2020 and drops a malformed one', () => {
    expect(serializeUrlState(FULL)).toContain('yr=2020');
    expect(parseUrlState('?yr=2019').filters.year).toBe(2019);
    for (const bad of ['?yr=20x0', '?yr=99', '?yr=2019.5', '?yr=', '?yr=12345']) {
      expect(parseUrlState(bad).filters.year).toBeNull();
    }
    expect(serializeUrlState({ ...FULL, filters: { ...FULL.filters, year: null } })).not.toContain(
      'yr=',
    );
  });
});
