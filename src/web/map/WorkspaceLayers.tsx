import { lazy, Suspense, useMemo } from 'react';
import { Layer, Source } from 'react-map-gl/maplibre';
import { regionsToGeoJSON } from '../../core/workspace/model.ts';
import { useWorkspace } from '../workspace/store.ts';
import { ImportedLayerSource } from './ImportedLayerSource.tsx';
import { FONT } from './ids.ts';
import { perFeature } from './layers.ts';
import { SLOT } from './slots.ts';

/**
 * deck.gl (about 500 KB of script, and a WebGL device of its own to set up) is loaded only once a
 * big point layer exists, not for the first map.
 */
const BigPointsOverlay = lazy(() =>
  import('./BigPointsOverlay.tsx').then((m) => ({ default: m.BigPointsOverlay })),
);

const REGION_COLOR = '#AA3377';

/**
 * The analyst's regions (outline + name) above the seed data, and imported layers under the
 * parks, projects and regions (big point layers through deck.gl, BigPointsOverlay).
 */
export function WorkspaceLayers() {
  const regions = useWorkspace((s) => s.regions);
  const layers = useWorkspace((s) => s.layers);
  const hasTables = layers.some((l) => l.table);
  const editing = useWorkspace((s) => s.editing);
  const data = useMemo(
    () => regionsToGeoJSON(regions.filter((r) => r.id !== editing)),
    [regions, editing],
  );
  return (
    <>
      {hasTables && (
        <Suspense fallback={null}>
          <BigPointsOverlay />
        </Suspense>
      )}
      {layers.map((l) => (l.table ? null : <ImportedLayerSource key={l.id} layer={l} />))}
      {/* Only once there are regions: an empty source still costs the map tile work. */}
      {data.features.length > 0 && (
        <Source id="workspace-regions" type="geojson" data={data}>
          <Layer
            id="workspace-region-fill"
            beforeId={SLOT.regions}
            type="fill"
            paint={{ 'fill-color': perFeature(REGION_COLOR), 'fill-opacity': perFeature(0.08) }}
          />
          <Layer
            id="workspace-region-line"
            beforeId={SLOT.regions}
            type="line"
            paint={{ 'line-color': REGION_COLOR, 'line-width': 2.5, 'line-dasharray': [3, 1.5] }}
          />
          <Layer
            id="workspace-region-labels"
            beforeId={SLOT.regions}
            type="symbol"
            layout={{
              'text-field': ['get', 'name'],
              'text-font': [FONT],
              'text-size': 13,
            }}
            paint={{
              'text-color': REGION_COLOR,
              'text-halo-color': '#ffffff',
              'text-halo-width': 1.5,
            }}
          />
        </Source>
      )}
    </>
  );
}
