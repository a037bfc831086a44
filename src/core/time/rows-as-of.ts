/**
 * "The layer as of year Y": THE rule deciding which rows of an imported layer are shown, for
 * both kinds of layer (GeoJSON features and big point tables) and for everything that shows them:
 * the map, the layer's row list, the region results and the thematic maps. A row is shown once
 * its year is reached (its year is Y or earlier); a row with no year is not on the timeline and
 * is never shown while a year is set (it is counted and told instead). Pure.
 */
import { type ImportedLayer, passesLayerFilter } from '../workspace/model.ts';
import { filterIndices, type PointTable, type TableFilter } from '../workspace/point-table.ts';

/** A layer placed on the timeline: the year of each row (NaN: none), shown as of `year`. */
export interface AsOf {
  years: Float64Array;
  year: number;
}

/** Is a row of year `y` (NaN: no year) shown as of the end of `year`? */
export const shownAsOf = (y: number, year: number): boolean => y <= year;

/** Of `rows` (row numbers, or every row), those shown as of `year`, in the order given. */
export function rowsAsOf(
  years: Float64Array,
  rows: Uint32Array | 'all',
  year: number,
): Uint32Array {
  const n = rows === 'all' ? years.length : rows.length;
  const out = new Uint32Array(n);
  let k = 0;
  if (rows === 'all') {
    for (let i = 0; i < n; i++) if (shownAsOf(years[i]!, year)) out[k++] = i;
  } else {
    for (let j = 0; j < n; j++) {
      const i = rows[j]!;
      if (shownAsOf(years[i]!, year)) out[k++] = i;
    }
  }
  return k === n ? out : out.slice(0, k);
}

/** The rows of a big point layer shown: passing its filter and, on the timeline, as of the year. */
export function tableRowsAsOf(
  table: PointTable,
  filter: TableFilter,
  asOf: AsOf | null,
): Uint32Array {
  const rows = filterIndices(table, filter);
  return asOf ? rowsAsOf(asOf.years, rows, asOf.year) : rows;
}

/** The features of a GeoJSON layer shown (their positions): the same two rules. */
export function featureRowsAsOf(
  layer: Pick<ImportedLayer, 'data' | 'filter'>,
  asOf: AsOf | null,
): Uint32Array {
  const features = layer.data.features;
  const rows = new Uint32Array(features.length);
  let k = 0;
  for (let i = 0; i < features.length; i++) {
    if (passesLayerFilter(features[i]!.properties, layer.filter)) rows[k++] = i;
  }
  const passing = k === rows.length ? rows : rows.slice(0, k);
  return asOf ? rowsAsOf(asOf.years, passing, asOf.year) : passing;
}
