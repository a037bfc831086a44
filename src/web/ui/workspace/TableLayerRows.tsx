/**
 * The first rows of a big point layer (a table, core/workspace/point-table.ts) and its filter:
 * rows read from the columns by position (text only, never HTML); the rows passing the filter
 * come from the worker (table-views.ts), and on the timeline those shown as of the year
 * (core/time/rows-as-of.ts): the same ones the map draws and the regions count.
 */
import { useMemo, useState } from 'react';
import { rowsAsOf } from '../../../core/time/rows-as-of.ts';
import type { ImportedLayer } from '../../../core/workspace/model.ts';
import { cellText } from '../../../core/workspace/point-table.ts';
import { formatNumber } from '../../i18n/useT.ts';
import { useLayerAsOf } from '../../state/layer-time.ts';
import { useAtlas } from '../../state/store.ts';
import { shownCount, useTableViews } from '../../workspace/table-views.ts';
import { LayerFilterBar } from './LayerFilterBar.tsx';
import { ShownAsOf } from './ShownAsOf.tsx';

const TABLE_ROWS = 500;

export function TableLayerRows({ layer }: { layer: ImportedLayer }) {
  const view = useTableViews((s) => s.views[layer.id]);
  const lang = useAtlas((s) => s.lang);
  const [open, setOpen] = useState(false);
  const asOf = useLayerAsOf(layer);
  const filtered = shownCount(layer, view);
  // The year's rows: recomputed on each step of the year (a pass over the filtered rows).
  const timed = useMemo(
    () => (asOf && view ? rowsAsOf(asOf.years, view.indices, asOf.year) : null),
    [asOf, view],
  );
  const table = layer.table;
  if (!table) return null;
  const columns = table.columns;
  const shown = filtered === null ? null : (timed?.length ?? filtered);
  const filter = layer.filter ?? { column: columns[0]?.name ?? '', text: '' };
  const indices = timed ?? view?.indices ?? 'all';
  const rowAt = (k: number) => (indices === 'all' ? k : (indices[k] ?? 0));
  const listed = open && shown !== null ? Math.min(TABLE_ROWS, shown) : 0;
  const cols = columns.slice(0, 8);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="layer-shown">
        {shown === null
          ? '…'
          : `${formatNumber(Math.min(TABLE_ROWS, shown), lang)} / ${formatNumber(shown, lang)}${shown !== table.count ? ` (${formatNumber(table.count, lang)})` : ''}`}
        <ShownAsOf asOf={asOf} />
      </summary>
      <LayerFilterBar layerId={layer.id} columns={columns.map((c) => c.name)} filter={filter} />
      <div className="results-scroll">
        <table className="preview" data-testid="layer-table">
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c.name}>{c.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: listed }, (_, k) => {
              const i = rowAt(k);
              return (
                <tr key={i}>
                  {cols.map((c) => (
                    <td key={c.name}>{cellText(c, i)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
