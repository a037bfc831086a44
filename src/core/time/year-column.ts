/**
 * Which columns of a big imported point layer (core/workspace/point-table.ts) hold a year, and
 * that year per point. Detected honestly: a number column qualifies when every non-blank value is
 * a whole year 1900-2100; a text column when every non-blank cell is an ISO 8601 date (2020,
 * 2020-05, 2020-05-17, optionally with a time) of such a year. One cell that is neither, and the
 * column is not a time column. Pure.
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
      if (Number.isNaN(v)) missing++;
      else if (!inRange(v)) return null;
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
