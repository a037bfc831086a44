import type { FeatureCollection, Point } from 'geojson';
import { useMemo } from 'react';
import { useAtlas } from '../state/store.ts';
import type { InitiativePointProps } from './features.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The selected feature as a one-feature collection for the highlight layers. */
export function useSelectionFeature(
  points: FeatureCollection<Point, InitiativePointProps>,
): FeatureCollection {
  const selection = useAtlas((s) => s.selection);
  const data = useAtlas((s) => s.data);
  return useMemo(() => {
    if (!selection || !data) return EMPTY;
    let feature: GeoJSON.Feature | undefined;
    if (selection.kind === 'initiative') {
      feature = points.features.find((f) => f.properties.id === selection.id);
      if (!feature) {
        // Selected but filtered out of the map: still show where it is.
        const r = data.initiatives.find((i) => i.id === selection.id);
        if (r) {
          feature = {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
            properties: {},
          };
        }
      }
    } else {
      const fc = selection.kind === 'green' ? data.green : data.boundaries;
      feature = fc?.features.find((f) => f.properties.id === selection.id);
    }
    return feature ? { type: 'FeatureCollection', features: [feature] } : EMPTY;
  }, [selection, data, points]);
}
