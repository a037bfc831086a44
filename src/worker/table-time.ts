/**
 * A big point layer on the timeline, in the worker: the page names the column and the year
 * (TimeChoice, plain data); the worker reads the column's years from its own copy of the table by
 * THE detection (core/time/year-column.ts), once per column, and applies THE rule of what is
 * shown as of the year (core/time/rows-as-of.ts).
 */
import { type AsOf, tableRowsAsOf } from '../core/time/rows-as-of.ts';
import { type YearColumn, yearColumn } from '../core/time/year-column.ts';
import type { PointTable, TableColumn, TableFilter } from '../core/workspace/point-table.ts';

/** The timeline as the page sends it: the layer's year column and the year; null = time off. */
export type TimeChoice = { column: string; year: number } | null;

const years = new WeakMap<TableColumn, YearColumn | null>();

/** The table's rows as of the chosen year by the chosen column (null: not on the timeline). */
export function tableAsOf(table: PointTable, time: TimeChoice): AsOf | null {
  if (!time) return null;
  const col = table.columns.find((c) => c.name === time.column);
  if (!col) return null;
  let y = years.get(col);
  if (y === undefined) {
    y = yearColumn(col);
    years.set(col, y);
  }
  return y ? { years: y.years, year: time.year } : null;
}

/** The rows of a table shown: its filter, then the timeline. */
export function tableRowsShown(
  table: PointTable,
  filter: TableFilter,
  time: TimeChoice,
): Uint32Array {
  return tableRowsAsOf(table, filter, tableAsOf(table, time));
}

/** A cache key of a filter and a time choice (blank filters are no filter). */
export function shownKey(filter: TableFilter, time: TimeChoice): string {
  return JSON.stringify([filter?.text.trim() ? filter : null, time]);
}
