/**
 * One imported GeoJSON layer on the map (fill, outline, points), under the parks, projects and
 * regions: the rows its filter lets through and, on the timeline, those shown as of the year
 * (imported-time.ts: the year the core read for each feature, compared by the core's rule).
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { Layer, Source } from 'react-map-gl/maplibre';
import type { ImportedLayer } from '../../core/workspace/model.ts';
import { useAtlas } from '../state/store.ts';
import { useTime } from '../state/time-store.ts';
import { layerUrl } from '../workspace/layer-urls.ts';
import { timedLayerUrl } from '../workspace/timed-layer-urls.ts';
import { asOfFilter } from './imported-time.ts';
import { perFeature } from './layers.ts';
import { SLOT } from './slots.ts';
import { layerYearColumn } from './timed-points.ts';

const LAYER_COLOR = '#222255';

export function ImportedLayerSource({ layer: l }: { layer: ImportedLayer }) {
  const year = useAtlas((s) => s.filters.year);
  const chosen = useTime((s) => s.columns[l.id]);
  // Only once a year is set is the layer's data remade with its years (timed-layer-urls.ts).
  const column = year === null ? null : layerYearColumn(l, chosen);
  // Under the parks, projects and regions (slots.ts).
  const under = { beforeId: SLOT.imported };
  const visibility = l.visible ? 'visible' : 'none';
  const text = l.filter?.text.trim().toLowerCase() ?? '';
  // Same rule as passesLayerFilter: the column's text contains the filter text.
  const filtered: ExpressionSpecification =
    l.filter && text
      ? ['in', text, ['downcase', ['to-string', ['coalesce', ['get', l.filter.column], '']]]]
      : ['literal', true];
  const rows: ExpressionSpecification =
    column && year !== null ? ['all', filtered, asOfFilter(year)] : filtered;
  return (
    <Source
      id={`import-${l.id}`}
      type="geojson"
      data={column ? timedLayerUrl(l, column) : layerUrl(l)}
    >
      <Layer
        id={`import-${l.id}-fill`}
        {...under}
        type="fill"
        filter={['all', ['==', ['geometry-type'], 'Polygon'], rows]}
        layout={{ visibility }}
        paint={{ 'fill-color': perFeature(LAYER_COLOR), 'fill-opacity': perFeature(0.15) }}
      />
      <Layer
        id={`import-${l.id}-line`}
        {...under}
        type="line"
        filter={['all', ['!=', ['geometry-type'], 'Point'], rows]}
        layout={{ visibility }}
        paint={{ 'line-color': perFeature(LAYER_COLOR), 'line-width': 1.5 }}
      />
      <Layer
        id={`import-${l.id}-points`}
        {...under}
        type="circle"
        filter={['all', ['==', ['geometry-type'], 'Point'], rows]}
        layout={{ visibility }}
        paint={{
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 2, 12, 5],
          'circle-color': LAYER_COLOR,
          'circle-opacity': 0.75,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 0.6,
        }}
      />
    </Source>
  );
}
