/**
 * Imported layers on the timeline, both kinds (big point tables and GeoJSON features): which year
 * or date column places each one (chosen here; the first one found by default), how many of its
 * points or features are shown as of the year, and how many have no year (told, never silently
 * dropped).
 */
import { useMemo } from 'react';
import { countUpTo, type YearIndex } from '../../../core/time/year-index.ts';
import type { ImportedLayer } from '../../../core/workspace/model.ts';
import { timeLayerLabel } from '../../i18n/time-layer-strings.ts';
import { useT } from '../../i18n/useT.ts';
import {
  featureFilterRows,
  indexDomain,
  layerYearColumn,
  layerYearColumns,
  yearIndexOf,
} from '../../map/timed-points.ts';
import { useAtlas } from '../../state/store.ts';
import { useTime } from '../../state/time-store.ts';
import { useWorkspace } from '../../workspace/store.ts';
import { useTableViews } from '../../workspace/table-views.ts';

export interface LayerTime {
  layer: ImportedLayer;
  columns: string[];
  column: string | null;
  index: YearIndex | null;
}

/**
 * Every imported layer with its timeline column and a year index of the rows passing its filter
 * (memoised): a big layer's rows as the worker filtered them, a GeoJSON layer's features.
 */
export function useLayerTimes(): LayerTime[] {
  const layers = useWorkspace((s) => s.layers);
  const views = useTableViews((s) => s.views);
  const chosen = useTime((s) => s.columns);
  return useMemo(() => {
    const out: LayerTime[] = [];
    for (const layer of layers) {
      const view = views[layer.id];
      if (layer.table && !view) continue;
      const rows = view ? view.indices : featureFilterRows(layer);
      const col = layerYearColumn(layer, chosen[layer.id]);
      out.push({
        layer,
        columns: layerYearColumns(layer).map((c) => c.name),
        column: col?.name ?? null,
        index: col ? yearIndexOf(col, rows) : null,
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
  const lang = useAtlas((s) => s.lang);
  const times = useLayerTimes();
  if (times.length === 0) return null;
  return (
    <ul className="time-layers" data-testid="time-layers">
      {times.map(({ layer, columns, column, index }) => {
        // A GeoJSON layer of lines or polygons (or mixed) has features; the others, points.
        const features = layer.kind === 'features' && !layer.table;
        if (columns.length === 0) {
          return (
            <li key={layer.id} className="time-note">
              {features
                ? timeLayerLabel('featuresNone', lang, { name: layer.name })
                : t('timeLayerNone', { name: layer.name })}
            </li>
          );
        }
        const total = index ? index.withYear + index.noYear : 0;
        const shown = index && year !== null ? countUpTo(index, year) : 0;
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
                {features
                  ? timeLayerLabel('featuresShown', lang, { shown, total, year: String(year) })
                  : t('timeLayerShown', { shown, total, year: String(year) })}
              </span>
            )}
            {index && index.noYear > 0 && (
              <span data-testid="time-layer-missing">
                {' '}
                {features
                  ? timeLayerLabel(
                      index.noYear === 1 ? 'featuresMissingOne' : 'featuresMissing',
                      lang,
                      {
                        n: index.noYear,
                        column: column ?? '',
                      },
                    )
                  : index.noYear === 1
                    ? timeLayerLabel('pointsMissingOne', lang, { column: column ?? '' })
                    : t('timeLayerMissing', { n: index.noYear, column: column ?? '' })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
