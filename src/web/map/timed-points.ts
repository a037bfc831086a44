/**
 * Big imported point layers on the timeline: the layer's year or date column (detected by
 * core/time/year-column.ts) and a year index of the points that pass the layer's filter
 * (core/time/year-index.ts). Both are built once per table, column and filter and cached here, so
 * a step of the year is one binary search (how many of the year-ordered points to draw), never a
 * rebuilt array.
 */
import { type YearColumn, yearColumn } from '../../core/time/year-column.ts';
import { buildYearIndex, type YearIndex } from '../../core/time/year-index.ts';
import type { PointTable } from '../../core/workspace/point-table.ts';

const columnsCache = new WeakMap<PointTable, YearColumn[]>();

/** The table's year or date columns (detected once per table). */
export function tableYearColumns(table: PointTable): YearColumn[] {
  let found = columnsCache.get(table);
  if (!found) {
    found = [];
    for (const c of table.columns) {
      const y = yearColumn(c);
      if (y) found.push(y);
    }
    columnsCache.set(table, found);
  }
  return found;
}

/** The column a layer is placed on the timeline by: the chosen one, else the first; or none. */
export function layerYearColumn(
  table: PointTable,
  chosen: string | null | undefined,
): YearColumn | null {
  const cols = tableYearColumns(table);
  if (chosen === null) return null;
  return cols.find((c) => c.name === chosen) ?? cols[0] ?? null;
}

const indexCache = new WeakMap<Float64Array, Map<Uint32Array | 'all', YearIndex>>();

/** The year index of the points at `indices` by `column` (built once, then cached). */
export function yearIndexOf(column: YearColumn, indices: Uint32Array | 'all'): YearIndex {
  let byView = indexCache.get(column.years);
  if (!byView) {
    byView = new Map();
    indexCache.set(column.years, byView);
  }
  let ix = byView.get(indices);
  if (!ix) {
    // One filter at a time per layer: a new filter replaces the old one's index.
    byView.clear();
    ix = buildYearIndex(column.years, indices);
    byView.set(indices, ix);
  }
  return ix;
}

/** [first, last] year of an index, or null when no point has a year. */
export function indexDomain(ix: YearIndex): [number, number] | null {
  if (ix.withYear === 0) return null;
  return [ix.sortedYears[0]!, ix.sortedYears[ix.withYear - 1]!];
}
