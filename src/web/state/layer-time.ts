/**
 * An imported layer on the timeline, for everything that shows its rows (the map, the row list,
 * the region results, a thematic map): the column chosen for it (useTime.columns; the first year
 * or date column by default) and the year (filters.year). null while no year is set or the layer
 * has no year column: every row passing the layer's filter is shown. What is shown as of the
 * year is decided by core/time/rows-as-of.ts alone.
 */
import { useMemo } from 'react';
import type { AsOf } from '../../core/time/rows-as-of.ts';
import type { ImportedLayer } from '../../core/workspace/model.ts';
import type { TimeChoice } from '../../worker/table-time.ts';
import { layerYearColumn } from '../map/timed-points.ts';
import { useAtlas } from './store.ts';
import { useTime } from './time-store.ts';

export interface LayerAsOf extends AsOf {
  column: string;
}

export function useLayerAsOf(layer: ImportedLayer | null | undefined): LayerAsOf | null {
  const id = layer?.id ?? '';
  const chosen = useTime((s) => s.columns[id]);
  const year = useAtlas((s) => s.filters.year);
  const data = layer?.data;
  const table = layer?.table;
  return useMemo(() => {
    if (!data || year === null) return null;
    const col = layerYearColumn(table ? { data, table } : { data }, chosen);
    return col ? { column: col.name, years: col.years, year } : null;
  }, [data, table, chosen, year]);
}

/** The timeline as the worker is told it (a column name and a year). */
export const timeChoice = (asOf: LayerAsOf | null): TimeChoice =>
  asOf ? { column: asOf.column, year: asOf.year } : null;
