import { useEffect, useRef, useState } from 'react';
import type { CityFigures } from '../../worker/api.ts';
import { atlasWorker, layersReady, ledgerColumns, transferColumns } from '../../worker/client.ts';
import { afterFirstMap } from '../map/first-map.ts';
import { useAtlas } from '../state/store.ts';
import { useDeferredFilteredInitiatives } from '../state/useFiltered.ts';

export interface FiguresState {
  status: 'idle' | 'busy' | 'done' | 'error';
  cities: CityFigures[];
  error: string | null;
  /** Worker time of the last result, ms. */
  ms: number | null;
}

/**
 * Per-city figures (area, green area and share, filtered projects inside) computed in the
 * worker whenever the data, the city filter or the other filters change. Stale answers are
 * dropped; the previous figures stay visible while a new answer is computed.
 */
export function useCityFigures(): FiguresState {
  const data = useAtlas((s) => s.data);
  const cityIds = useAtlas((s) => s.filters.cities);
  const rows = useDeferredFilteredInitiatives();
  const [state, setState] = useState<FiguresState>({
    status: 'idle',
    cities: [],
    error: null,
    ms: null,
  });
  const seq = useRef(0);

  useEffect(() => {
    if (!data?.boundaries) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, status: 'busy', error: null }));
    // The worker starts after the first map is drawn (its start would compete with it).
    afterFirstMap()
      .then(() => layersReady(data))
      .then(() => atlasWorker().cityFigures([...cityIds], transferColumns(ledgerColumns(rows))))
      .then((r) => {
        if (mine === seq.current)
          setState({ status: 'done', cities: r.cities, error: null, ms: r.ms });
      })
      .catch((e: unknown) => {
        if (mine === seq.current) {
          setState((s) => ({
            ...s,
            status: 'error',
            error: e instanceof Error ? e.message : String(e),
          }));
        }
      });
  }, [data, cityIds, rows]);

  return state;
}
