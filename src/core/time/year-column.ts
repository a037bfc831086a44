/**
 * Which columns of an imported layer hold a year, and that year per row. THE rule for both kinds
 * of layer: a big point layer's columns (core/workspace/point-table.ts) here, a GeoJSON layer's
 * properties in feature-years.ts, both through yearOfValue. Detected honestly: a number
 * qualifies when it is a whole year 1900-2100; a text when it is an ISO 8601 date (2020, 2020-05,
 * 2020-05-17, optionally with a time) of such a year. One non-blank value that is neither, and
 * the column is not a time column. Pure.
 */
import type { PointTable, TableColumn } from '../workspace/point-table.ts';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const ISO_DATE =
  /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

const inRange = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

/** The year of one text cell: an ISO date's year, null for a blank, NaN when it is not a date. */
export function yearOfText(cell: string): number | null {
  const s = cell.trim();
  if (s === '') return null;
  const m = ISO_DATE.exec(s);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  return inRange(y) ? y : Number.NaN;
}

/**
 * The year of one value of any layer: a whole number 1900-2100 is that year, a text is read by
 * yearOfText; null for a blank (null, undefined, '', NaN), NaN for anything else.
 */
export function yearOfValue(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return null;
    return inRange(v) ? v : Number.NaN;
  }
  if (typeof v === 'string') return yearOfText(v);
  return Number.NaN;
}

export interface YearColumn {
  name: string;
  /** The year of each point, NaN where the cell is blank. */
  years: Float64Array;
  /** Points with a blank cell (not on the timeline). */
  missing: number;
}

/** The column's years, or null when it is not a year or date column (or has no value at all). */
export function yearColumn(column: TableColumn): YearColumn | null {
  if (column.kind === 'number') {
    let missing = 0;
    for (const v of column.values) {
      const y = yearOfValue(v);
      if (y === null) missing++;
      else if (Number.isNaN(y)) return null;
    }
    if (missing === column.values.length) return null;
    return { name: column.name, years: column.values, missing };
  }
  const dictYears = new Float64Array(column.dict.length);
  for (let k = 0; k < column.dict.length; k++) {
    const y = yearOfText(column.dict[k]!);
    if (y === null) dictYears[k] = Number.NaN;
    else if (Number.isNaN(y)) return null;
    else dictYears[k] = y;
  }
  const years = new Float64Array(column.codes.length);
  let missing = 0;
  for (let i = 0; i < column.codes.length; i++) {
    const y = dictYears[column.codes[i]!]!;
    years[i] = y;
    if (Number.isNaN(y)) missing++;
  }
  if (missing === years.length) return null;
  return { name: column.name, years, missing };
}

/** The names of a table's year or date columns, in the table's order. */
export function yearColumnNames(table: PointTable): string[] {
  return table.columns.filter((c) => yearColumn(c) !== null).map((c) => c.name);
}

/**
 * The column a layer is placed on the timeline by, of its year columns: the chosen one (by name),
 * else the first; none when `chosen` is null (the user took the layer off the timeline).
 */
export function pickYearColumn(
  columns: readonly YearColumn[],
  chosen: string | null | undefined,
): YearColumn | null {
  if (chosen === null) return null;
  return columns.find((c) => c.name === chosen) ?? columns[0] ?? null;
}
