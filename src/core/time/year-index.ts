/**
 * A prebuilt index for stepping a big point layer through the years: the points in year order
 * (points with no year last), so the points on the map as of year Y are the first
 * `countUpTo(index, Y)` of them. Built once per layer, filter and column; each step is then one
 * binary search, never a rebuilt array. Pure.
 */
import { shownAsOf } from './rows-as-of.ts';

export interface YearIndex {
  /** Row numbers of the table in year order; rows with no year at the end. */
  order: Uint32Array;
  /** The year of order[k], for k < withYear (ascending). */
  sortedYears: Float64Array;
  withYear: number;
  /** Rows with no year (not on the timeline). */
  noYear: number;
}

/** Indexes the rows at `indices` (every row when 'all') by their year (NaN = none). */
export function buildYearIndex(years: Float64Array, indices: Uint32Array | 'all'): YearIndex {
  const n = indices === 'all' ? years.length : indices.length;
  const rowAt = indices === 'all' ? (k: number) => k : (k: number) => indices[k]!;
  let withYear = 0;
  for (let k = 0; k < n; k++) if (!Number.isNaN(years[rowAt(k)]!)) withYear++;
  const dated = new Uint32Array(withYear);
  const order = new Uint32Array(n);
  let a = 0;
  let b = withYear;
  for (let k = 0; k < n; k++) {
    const row = rowAt(k);
    if (Number.isNaN(years[row]!)) order[b++] = row;
    else dated[a++] = row;
  }
  // Stable sort by year (ties keep the table's order).
  const sorted = Array.from(dated).sort((x, y) => years[x]! - years[y]! || x - y);
  order.set(sorted, 0);
  const sortedYears = new Float64Array(withYear);
  for (let k = 0; k < withYear; k++) sortedYears[k] = years[order[k]!]!;
  return { order, sortedYears, withYear, noYear: n - withYear };
}

/**
 * How many indexed rows are shown as of `year` (rows-as-of.ts: their year is `year` or earlier);
 * they are order[0..count), the same rows rowsAsOf gives, in year order.
 */
export function countUpTo(index: YearIndex, year: number): number {
  let lo = 0;
  let hi = index.withYear;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shownAsOf(index.sortedYears[mid]!, year)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
