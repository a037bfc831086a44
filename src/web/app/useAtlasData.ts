import { useEffect, useState } from 'react';
import { locateIssue } from '../../core/ledger/validate.ts';
import { formatProblemIn } from '../i18n/problems.ts';
import { rawDetail } from '../i18n/raw-detail.ts';
import { translate } from '../i18n/useT.ts';
import { flyToAll, flyToCities, focusCity, selectFeature } from '../state/actions.ts';
import { splitKnownCities } from '../state/city-change.ts';
import { useAtlas } from '../state/store.ts';
import { atlasData } from './early-data.ts';

/** Loads the shipped data once; reports failed layers and skipped rows as notices. */
export function useAtlasData(): { error: string | null } {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Started by main.tsx before the first render (early-data.ts); here it is only awaited.
    atlasData()
      .then((data) => {
        if (cancelled) return;
        const s = useAtlas.getState();
        s.setData(data);
        for (const f of data.failures) {
          s.addNotice({
            id: `layer-${f.layer}`,
            level: 'error',
            text: (lang) =>
              translate(lang, 'noticeLayerFailed', { file: f.file, message: f.message }),
            details: [rawDetail(f.message)],
          });
        }
        if (data.issues.length > 0) {
          s.addNotice({
            id: 'data-issues',
            level: 'warning',
            text: (lang) => translate(lang, 'noticeDataIssues', { n: data.issues.length }),
            details: data.issues.map((p) => (lang) => formatProblemIn(locateIssue(p), lang)),
          });
        }
        // A link's city the catalogue does not have would filter out every project.
        const cities = splitKnownCities(s.filters.cities, data.catalog.cities);
        if (cities.unknown.length > 0) {
          s.setFilters({ cities: cities.known });
          s.addNotice({
            id: 'link-unknown-city',
            level: 'warning',
            text: (lang) =>
              translate(lang, 'noticeUnknownCity', { ids: cities.unknown.join(', ') }),
            details: [],
          });
        }
        // With no view in the link, frame what the link asks for.
        if (!s.view) {
          if (s.selection) selectFeature(s.selection, { fly: true });
          else if (cities.known.length === 1) focusCity(cities.known[0] ?? null);
          else if (cities.known.length > 1) flyToCities(cities.known);
          else flyToAll();
          // The first framing jumps: a flight redraws every frame in between, and the first
          // map waits for it to land.
          const fly = useAtlas.getState().fly;
          if (fly) useAtlas.setState({ fly: { ...fly, instant: true } });
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
