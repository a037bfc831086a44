import { useEffect, useMemo, useRef, useState } from 'react';
import { countedInvestment } from '../../core/ledger/totals.ts';
import { layerResultPoints } from '../../core/workspace/layer-points.ts';
import type { RegionResult, ResultPoints } from '../../core/workspace/results.ts';
import { atlasWorker, layersReady } from '../../worker/client.ts';
import { timeChoice, useLayerAsOf } from '../state/layer-time.ts';
import { useAtlas } from '../state/store.ts';
import { useDeferredFilteredInitiatives } from '../state/useFiltered.ts';
import { LEDGER_SOURCE, useWorkspace } from '../workspace/store.ts';
import { tableInWorker } from '../workspace/table-views.ts';
import { latestOnly, STALE } from './latest-only.ts';

/** One region computation in the worker at a time; the newest waiting one runs next. */
const latest = latestOnly();

/**
 * Region results from the worker, recomputed when regions, points, filters, the rule or (for an
 * imported layer on the timeline) the year change: the layer's points shown as of the year
 * (core/time/rows-as-of.ts, in the worker for a big layer).
 */
export function useRegionResults(): {
  results: RegionResult[];
  busy: boolean;
  error: string | null;
} {
  const data = useAtlas((s) => s.data);
  const rule = useAtlas((s) => s.coverageRule) ?? 'gbt50563';
  const rows = useDeferredFilteredInitiatives();
  const regions = useWorkspace((s) => s.regions);
  const source = useWorkspace((s) => s.pointsSource);
  const layers = useWorkspace((s) => s.layers);
  const [state, setState] = useState({
    results: [] as RegionResult[],
    busy: false,
    error: null as string | null,
  });
  const seq = useRef(0);

  const layer = source === LEDGER_SOURCE ? null : layers.find((l) => l.id === source);
  const table = layer?.table ? layer : null;
  const filter = layer?.filter ?? null;
  const asOf = useLayerAsOf(layer);
  const time = useMemo(() => timeChoice(asOf), [asOf]);
  const points = useMemo((): ResultPoints | null => {
    // A big point layer (a table) is counted in the worker, over its index there.
    if (table) return null;
    if (!layer) {
      return {
        lons: Float64Array.from(rows, (r) => r.lon),
        lats: Float64Array.from(rows, (r) => r.lat),
        // Exact and "at least" figures only: estimates and targets are never summed (countedInvestment).
        investment: Float64Array.from(rows, (r) => countedInvestment(r) ?? Number.NaN),
        category: rows.map((r) => r.category),
        status: rows.map((r) => r.status),
      };
    }
    // The same function the CLI/app parity test runs (core/workspace/layer-points.ts).
    return layerResultPoints(layer, asOf);
  }, [layer, table, rows, asOf]);

  useEffect(() => {
    if (!data || regions.length === 0) {
      setState({ results: [], busy: false, error: null });
      return;
    }
    const mine = ++seq.current;
    setState((s) => ({ ...s, busy: true, error: null }));
    layersReady(data)
      .then(() =>
        latest(async () => {
          if (points) return atlasWorker().regionResults(regions, points, rule);
          if (!table) throw new Error('no points');
          await tableInWorker(table);
          return atlasWorker().layerRegionResults(regions, table.id, filter, rule, time);
        }),
      )
      .then((r) => {
        if (r === STALE) return;
        if (mine === seq.current) setState({ results: r.results, busy: false, error: null });
      })
      .catch((e: unknown) => {
        if (mine === seq.current) {
          setState((s) => ({
            ...s,
            busy: false,
            error: e instanceof Error ? e.message : String(e),
          }));
        }
      });
  }, [data, regions, points, table, filter, rule, time]);

  return state;
}
