import { useEffect, useState } from 'react';
import { loadAtlasData } from '../../core/ledger/load.ts';
import { formatIssue } from '../../core/ledger/validate.ts';
import { servedByAtlasServer } from '../api/served.ts';
import { flyToAll, focusCity, selectFeature } from '../state/actions.ts';
import { useAtlas } from '../state/store.ts';
import { withPublishedLayers } from './publishedLayers.ts';

const DATA_BASE = `${import.meta.env.BASE_URL}data/`;
/** The atlas server's API, when the app is served by it (npm start / npm run dev). */
const API_BASE = `${import.meta.env.BASE_URL}api/`;

/** Loads the shipped data once; reports failed layers and skipped rows as notices. */
export function useAtlasData(): { error: string | null } {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    loadAtlasData(DATA_BASE, (url) => fetch(url))
      // With a server, its published layers (parks, residential, population) for everyone.
      .then((data) =>
        servedByAtlasServer() ? withPublishedLayers(data, API_BASE, (url) => fetch(url)) : data,
      )
      .then((data) => {
        if (cancelled) return;
        const s = useAtlas.getState();
        s.setData(data);
        for (const f of data.failures) {
          s.addNotice({
            id: `layer-${f.layer}`,
            level: 'error',
            text: `${f.file}: ${f.message}. The other layers are shown.`,
            details: [],
          });
        }
        if (data.issues.length > 0) {
          s.addNotice({
            id: 'data-issues',
            level: 'warning',
            text: `${data.issues.length} data problem(s): the affected rows or features were skipped; the rest loaded.`,
            details: data.issues.map(formatIssue),
          });
        }
        // With no view in the link, frame what the link asks for.
        if (!s.view) {
          if (s.selection) selectFeature(s.selection, { fly: true });
          else if (s.filters.cities.length === 1) focusCity(s.filters.cities[0] ?? null);
          else flyToAll();
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return { error };
}
