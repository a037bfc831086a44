import { describe, expect, it } from 'vitest';
import { yearColumn, yearOfText } from '../../../src/core/time/year-column.ts';
import { buildYearIndex, countUpTo } from '../../../src/core/time/year-index.ts';
import type { TableColumn } from '../../../src/core/workspace/point-table.ts';

const num = (values: number[]): TableColumn => ({
  name: 'n',
  kind: 'number',
  values: Float64Array.from(values),
});
const text = (cells: string[]): TableColumn => {
  const dict = [...new Set(cells)];
  return {
    name: 't',
    kind: 'text',
    dict,
    codes: Uint32Array.from(cells.map((c) => dict.indexOf(c))),
  };
};

describe('yearOfText', () => {
  it('reads ISO dates and years', () => {
    expect(yearOfText('2020')).toBe(2020);
    expect(yearOfText('2020-05')).toBe(2020);
    expect(yearOfText('2020-05-17')).toBe(2020);
    expect(yearOfText('2020-05-17T08:30:00Z')).toBe(2020);
    expect(yearOfText('1999-12-31 23:59')).toBe(1999);
    expect(yearOfText('  ')).toBeNull();
  });
  it('refuses what is not an ISO date of 1900-2100', () => {
    for (const s of [
      '2020-13-01',
      '17/05/2020',
      '2020年',
      '1850',
      '2101-01-01',
      'abc',
      '20200517',
    ]) {
      expect(yearOfText(s)).toBeNaN();
    }
  });
});

describe('yearColumn', () => {
  it('a number column of whole years 1900-2100, blanks counted as missing', () => {
    const c = yearColumn(num([2001, Number.NaN, 2019]));
    expect(c && Array.from(c.years)).toEqual([2001, Number.NaN, 2019]);
    expect(c?.missing).toBe(1);
  });
  it('is not a year column with a fraction, a number out of range, or nothing at all', () => {
    expect(yearColumn(num([2001, 2001.5]))).toBeNull();
    expect(yearColumn(num([2001, 1850]))).toBeNull();
    expect(yearColumn(num([1, 2, 3]))).toBeNull();
    expect(yearColumn(num([Number.NaN]))).toBeNull();
  });
  it('a text column of ISO dates; one non-date cell disqualifies it', () => {
    const c = yearColumn(text(['2020-01-02', '', '2018-07']));
    expect(c && Array.from(c.years)).toEqual([2020, Number.NaN, 2018]);
    expect(c?.missing).toBe(1);
    expect(yearColumn(text(['2020-01-02', 'soon']))).toBeNull();
    expect(yearColumn(text(['', '']))).toBeNull();
  });
});

describe('year index', () => {
  // rows:        0     1     2    3     4     5
  const years = Float64Array.from([2010, 2005, Number.NaN, 2010, 2001, 2020]);
  it('orders rows by year (ties in table order), rows without a year last', () => {
    const ix = buildYearIndex(years, 'all');
    expect(Array.from(ix.order)).toEqual([4, 1, 0, 3, 5, 2]);
    expect(ix.withYear).toBe(5);
    expect(ix.noYear).toBe(1);
  });
  it('counts the rows up to a year', () => {
    const ix = buildYearIndex(years, 'all');
    expect(countUpTo(ix, 2000)).toBe(0);
    expect(countUpTo(ix, 2001)).toBe(1);
    expect(countUpTo(ix, 2009)).toBe(2);
    expect(countUpTo(ix, 2010)).toBe(4);
    expect(countUpTo(ix, 2100)).toBe(5);
  });
  it('indexes only the rows passing a filter', () => {
    const ix = buildYearIndex(years, Uint32Array.from([0, 2, 5]));
    expect(Array.from(ix.order)).toEqual([0, 5, 2]);
    expect(countUpTo(ix, 2015)).toBe(1);
    expect(ix.noYear).toBe(1);
  });
});
