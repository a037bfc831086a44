/**
 * Big imported point layers on the timeline: which year or date column places each one (chosen
 * here; the first one found by default), how many of its points are on the map as of the year,
 * and how many have no year (told, never silently dropped).
 */
import { useMemo } from 'react';
import { countUpTo, type YearIndex } from '../../../core/time/year-index.ts';
import type { ImportedLayer } from '../../../core/workspace/model.ts';
import { useT } from '../../i18n/useT.ts';
import {
  indexDomain,
  layerYearColumn,
  tableYearColumns,
  yearIndexOf,
} from '../../map/timed-points.ts';
import { useTime } from '../../state/time-store.ts';
import { useWorkspace } from '../../workspace/store.ts';
import { useTableViews } from '../../workspace/table-views.ts';

export interface LayerTime {
  layer: ImportedLayer;
  columns: string[];
  column: string | null;
  index: YearIndex | null;
}

/** Every big point layer with its timeline column and year index (memoised). */
export function useLayerTimes(): LayerTime[] {
  const layers = useWorkspace((s) => s.layers);
  const views = useTableViews((s) => s.views);
  const chosen = useTime((s) => s.columns);
  return useMemo(() => {
    const out: LayerTime[] = [];
    for (const layer of layers) {
      const table = layer.table;
      const view = views[layer.id];
      if (!table || !view) continue;
      const col = layerYearColumn(table, chosen[layer.id]);
      out.push({
        layer,
        columns: tableYearColumns(table).map((c) => c.name),
        column: col?.name ?? null,
        index: col ? yearIndexOf(col, view.indices) : null,
      });
    }
    return out;
  }, [layers, views, chosen]);
}

const NO_DOMAINS: [number, number][] = [];

/** The year spans of the layers on the timeline (visible ones only). */
export function useLayerDomains(): [number, number][] {
  const times = useLayerTimes();
  return useMemo(() => {
    const out: [number, number][] = [];
    for (const lt of times) {
      const d = lt.layer.visible && lt.index ? indexDomain(lt.index) : null;
      if (d) out.push(d);
    }
    return out.length ? out : NO_DOMAINS;
  }, [times]);
}

export function TimeLayers({ year }: { year: number | null }) {
  const t = useT();
  const times = useLayerTimes();
  if (times.length === 0) return null;
  return (
    <ul className="time-layers" data-testid="time-layers">
      {times.map(({ layer, columns, column, index }) => {
        if (columns.length === 0) {
          return (
            <li key={layer.id} className="time-note">
              {t('timeLayerNone', { name: layer.name })}
            </li>
          );
        }
        const total = index ? index.withYear + index.noYear : 0;
        return (
          <li key={layer.id} className="time-note" data-testid="time-layer">
            <label>
              {t('timeLayerBy', { name: layer.name })}{' '}
              <select
                value={column ?? ''}
                onChange={(e) =>
                  useTime.setState((s) => ({
                    columns: { ...s.columns, [layer.id]: e.target.value || null },
                  }))
                }
              >
                {columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
                <option value="">{t('timeLayerOff')}</option>
              </select>
            </label>
            {index && year !== null && (
              <span data-testid="time-layer-shown">
                {' '}
                {t('timeLayerShown', {
                  shown: countUpTo(index, year),
                  total,
                  year: String(year),
                })}
              </span>
            )}
            {index && index.noYear > 0 && (
              <span> {t('timeLayerMissing', { n: index.noYear, column: column ?? '' })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
