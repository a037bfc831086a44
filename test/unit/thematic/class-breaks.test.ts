/**
 * Class breaks against answers computed by hand (R's type-7 quantiles, equal steps of the range,
 * natural breaks of a clearly clustered set), and the awkward inputs: empty, all equal, fewer
 * distinct values than classes, ties at a quantile, "not stated" (NaN) values.
 */
import { describe, expect, it } from 'vitest';
import { type Classes, classBreaks, classIndex } from '../../../src/core/thematic/class-breaks.ts';

const ONE_TO_TEN = [10, 3, 1, 7, 2, 9, 4, 8, 6, 5];
const limits = (c: Classes) => c.classes.map((k) => [k.lower, k.upper]);
const counts = (c: Classes) => c.classes.map((k) => k.count);

describe('classBreaks', () => {
  it('quantiles of 1..10 in 4 classes: 3.25, 5.5, 7.75 (type 7: 1 + 9p, interpolated)', () => {
    const c = classBreaks(ONE_TO_TEN, 'quantile', 4);
    expect(limits(c)).toEqual([
      [1, 3.25],
      [3.25, 5.5],
      [5.5, 7.75],
      [7.75, 10],
    ]);
    // 1,2,3 | 4,5 | 6,7 | 8,9,10
    expect(counts(c)).toEqual([3, 2, 2, 3]);
    expect(c.classes.map((k) => k.lowerOpen)).toEqual([false, true, true, true]);
    expect(c.noData).toBe(0);
    expect(c.integer).toBe(true);
  });

  it('equal intervals of 1..10 in 3 classes: steps of 3 from 1', () => {
    const c = classBreaks(ONE_TO_TEN, 'equal', 3);
    expect(limits(c)).toEqual([
      [1, 4],
      [4, 7],
      [7, 10],
    ]);
    // 1..4 | 5..7 | 8..10 (a value on a limit goes to the lower class)
    expect(counts(c)).toEqual([4, 3, 3]);
  });

  it('natural breaks find three clear clusters', () => {
    const c = classBreaks([101, 1, 12, 2, 100, 3, 10, 102, 11], 'jenks', 3);
    expect(limits(c)).toEqual([
      [1, 3],
      [3, 12],
      [12, 102],
    ]);
    expect(counts(c)).toEqual([3, 3, 3]);
  });

  it('leaves NaN (not stated) out of every class and counts it as no data', () => {
    const c = classBreaks([...ONE_TO_TEN, Number.NaN, Number.NaN], 'quantile', 4);
    expect(c.noData).toBe(2);
    expect(counts(c)).toEqual([3, 2, 2, 3]);
    expect(classIndex(c.classes, Number.NaN)).toBe(-1);
  });

  it('empty input: no classes; only NaN: no classes and all no data', () => {
    expect(classBreaks([], 'quantile', 5).classes).toEqual([]);
    const c = classBreaks([Number.NaN, Number.NaN], 'jenks', 5);
    expect(c.classes).toEqual([]);
    expect(c.noData).toBe(2);
  });

  it('all-equal values make one class holding them all', () => {
    for (const m of ['quantile', 'equal', 'jenks'] as const) {
      const c = classBreaks([5, 5, 5], m, 5);
      expect(c.classes).toEqual([{ lower: 5, upper: 5, lowerOpen: false, count: 3 }]);
    }
  });

  it('fewer distinct values than classes: one class per value', () => {
    const c = classBreaks([1, 2, 1, 3, 2], 'equal', 5);
    expect(limits(c)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(counts(c)).toEqual([2, 2, 1]);
    expect(classIndex(c.classes, 2)).toBe(1);
    expect(classIndex(c.classes, 2.5)).toBe(2);
  });

  it('ties at a quantile merge classes instead of making empty ones', () => {
    // Sorted: six 0s, 1, 2, 3, 4; type-7 quantiles at 1/3 and 2/3: x[3] = 0, x[6] = 1.
    const c = classBreaks([0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 'quantile', 3);
    expect(limits(c)).toEqual([
      [0, 0],
      [0, 1],
      [1, 4],
    ]);
    expect(counts(c)).toEqual([6, 1, 3]);
  });

  it('asks for 3 to 7 classes', () => {
    const many = Array.from({ length: 100 }, (_, i) => i);
    expect(classBreaks(many, 'equal', 12).classes).toHaveLength(7);
    expect(classBreaks(many, 'equal', 1).classes).toHaveLength(3);
    expect(classBreaks(many, 'equal', 12).requested).toBe(7);
  });

  it('classIndex: limits belong to the lower class; outside the range is no class', () => {
    const c = classBreaks(ONE_TO_TEN, 'equal', 3).classes;
    expect([1, 4, 4.001, 7, 10].map((v) => classIndex(c, v))).toEqual([0, 0, 1, 1, 2]);
    expect(classIndex(c, 0.5)).toBe(-1);
    expect(classIndex(c, 11)).toBe(-1);
  });
});
