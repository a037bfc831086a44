import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filterInitiatives, isFiltered } from '../../../src/core/ledger/filters.ts';
import type { Initiative } from '../../../src/core/ledger/model.ts';
import { countNoYear, timelineCounts, yearDomain } from '../../../src/core/time/ledger-timeline.ts';
import { onMapAt, phaseAt } from '../../../src/core/time/phase.ts';
import { mergeDomains, playStart, playStep } from '../../../src/core/time/play.ts';

type Y = { start_year: number | null; end_year: number | null };
const y = (start_year: number | null, end_year: number | null): Y => ({ start_year, end_year });

describe('phaseAt: the map as of the end of year Y', () => {
  it('a project 2018-2020 is not started in 2017, under way 2018-2019, ended from 2020', () => {
    expect(phaseAt(2018, 2020, 2017)).toBe('not_started');
    expect(phaseAt(2018, 2020, 2018)).toBe('under_way');
    expect(phaseAt(2018, 2020, 2019)).toBe('under_way');
    expect(phaseAt(2018, 2020, 2020)).toBe('ended');
    expect(phaseAt(2018, 2020, 2035)).toBe('ended');
  });
  it('only a start year: under way from it on, never ended', () => {
    expect(phaseAt(2016, null, 2015)).toBe('not_started');
    expect(phaseAt(2016, null, 2016)).toBe('under_way');
    expect(phaseAt(2016, null, 2100)).toBe('under_way');
  });
  it('only an end year: placed at that year, as ended', () => {
    expect(phaseAt(null, 2022, 2021)).toBe('not_started');
    expect(phaseAt(null, 2022, 2022)).toBe('ended');
    expect(phaseAt(null, 2022, 2030)).toBe('ended');
  });
  it('a project of one year starts and ends in it', () => {
    expect(phaseAt(2019, 2019, 2018)).toBe('not_started');
    expect(phaseAt(2019, 2019, 2019)).toBe('ended');
  });
  it('no year at all is no_year, whatever Y', () => {
    expect(phaseAt(null, null, 2020)).toBe('no_year');
    expect(onMapAt(null, null, 2020)).toBe(false);
  });
  it('a start after the end (a data error) is not on the map before its start', () => {
    expect(phaseAt(2021, 2019, 2020)).toBe('not_started');
    expect(phaseAt(2021, 2019, 2021)).toBe('ended');
  });
});

describe('ledger timeline', () => {
  const rows = [
    y(2018, 2020),
    y(2016, null),
    y(null, 2022),
    y(null, null),
    y(null, null),
    y(1985, 2035),
  ];
  it('spans every start and end year', () => {
    expect(yearDomain(rows)).toEqual([1985, 2035]);
    expect(yearDomain([y(null, null)])).toBeNull();
    expect(yearDomain([])).toBeNull();
  });
  it('counts as of 2019: 3 under way (2018-2020, 2016-, 1985-2035), 1 not started, 2 without a year', () => {
    expect(timelineCounts(rows, 2019)).toEqual({ underWay: 3, ended: 0, notStarted: 1, noYear: 2 });
  });
  it('counts as of 2022: 2018-2020 and -2022 ended', () => {
    expect(timelineCounts(rows, 2022)).toEqual({ underWay: 2, ended: 2, notStarted: 0, noYear: 2 });
    expect(countNoYear(rows)).toBe(2);
  });
});

describe('the year in the ledger filters', () => {
  const row = (id: string, start_year: number | null, end_year: number | null) =>
    ({
      id,
      start_year,
      end_year,
      city_id: 'x',
      category: 'water',
      status: 'planned',
    }) as Initiative;
  const rows = [
    row('a', 2018, 2020),
    row('b', null, 2022),
    row('c', null, null),
    row('d', 2021, null),
  ];
  const ids = (r: Initiative[]) => r.map((x) => x.id);
  it('keeps the projects started by the year (under way or ended)', () => {
    expect(ids(filterInitiatives(rows, { ...EMPTY_FILTERS, text: '', year: 2019 }))).toEqual(['a']);
    expect(ids(filterInitiatives(rows, { ...EMPTY_FILTERS, year: 2021 }))).toEqual(['a', 'd']);
    expect(ids(filterInitiatives(rows, { ...EMPTY_FILTERS, year: 2022 }))).toEqual(['a', 'b', 'd']);
    expect(ids(filterInitiatives(rows, { ...EMPTY_FILTERS, year: 2017 }))).toEqual([]);
  });
  it('time off keeps every row; a year counts as a filter', () => {
    expect(ids(filterInitiatives(rows, EMPTY_FILTERS))).toEqual(['a', 'b', 'c', 'd']);
    expect(isFiltered({ ...EMPTY_FILTERS, year: 2020 })).toBe(true);
  });
});

describe('play', () => {
  const d: [number, number] = [2015, 2018];
  it('steps one year and stops at the last', () => {
    expect(playStep(2015, d)).toBe(2016);
    expect(playStep(2017, d)).toBe(2018);
    expect(playStep(2018, d)).toBeNull();
  });
  it('starts from the first year when none is chosen or at the end, else from the year shown', () => {
    expect(playStart(null, d)).toBe(2015);
    expect(playStart(2018, d)).toBe(2015);
    expect(playStart(2016, d)).toBe(2016);
    expect(playStart(1990, d)).toBe(2015);
  });
  it('merges domains', () => {
    expect(mergeDomains([2000, 2010], [2005, 2020])).toEqual([2000, 2020]);
    expect(mergeDomains(null, [2005, 2020])).toEqual([2005, 2020]);
    expect(mergeDomains(null, null)).toBeNull();
  });
});
