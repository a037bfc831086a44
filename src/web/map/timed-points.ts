/**
 * Imported layers on the timeline: a layer's year or date columns (detected by the core's one
 * rule: core/time/year-column.ts for a big layer's table, core/time/feature-years.ts for a
 * GeoJSON layer's properties) and a year index of the rows that pass the layer's filter
 * (core/time/year-index.ts). Both are built once per layer data, column and filter and cached
 * here, so a step of the year is one binary search (how many of the year-ordered points to draw),
 * never a rebuilt array.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { featureYearColumns } from '../../core/time/feature-years.ts';
import { featureRowsAsOf } from '../../core/time/rows-as-of.ts';
import { pickYearColumn, type YearColumn, yearColumn } from '../../core/time/year-column.ts';
import { buildYearIndex, type YearIndex } from '../../core/time/year-index.ts';
import type { ImportedLayer } from '../../core/workspace/model.ts';
import type { PointTable } from '../../core/workspace/point-table.ts';

const columnsCache = new WeakMap<PointTable | FeatureCollection<Geometry>, YearColumn[]>();

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

/** A layer's year or date columns, either kind (detected once per table or feature set). */
export function layerYearColumns(layer: Pick<ImportedLayer, 'data' | 'table'>): YearColumn[] {
  if (layer.table) return tableYearColumns(layer.table);
  let found = columnsCache.get(layer.data);
  if (!found) {
    found = featureYearColumns(layer.data.features);
    columnsCache.set(layer.data, found);
  }
  return found;
}

/** The column a layer is placed on the timeline by: the chosen one, else the first; or none. */
export function layerYearColumn(
  layer: Pick<ImportedLayer, 'data' | 'table'>,
  chosen: string | null | undefined,
): YearColumn | null {
  return pickYearColumn(layerYearColumns(layer), chosen);
}

const filterCache = new WeakMap<FeatureCollection<Geometry>, { key: string; rows: Uint32Array }>();

/** The features of a GeoJSON layer passing its filter ('all' without one), cached per filter. */
export function featureFilterRows(
  layer: Pick<ImportedLayer, 'data' | 'filter'>,
): Uint32Array | 'all' {
  const text = layer.filter?.text.trim() ?? '';
  if (!layer.filter || text === '') return 'all';
  const key = JSON.stringify([layer.filter.column, text.toLowerCase()]);
  const hit = filterCache.get(layer.data);
  if (hit?.key === key) return hit.rows;
  const rows = featureRowsAsOf(layer, null);
  filterCache.set(layer.data, { key, rows });
  return rows;
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
