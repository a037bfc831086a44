import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import { useThematic } from '../state/thematic-store.ts';
import { LAYER, SOURCE } from './ids.ts';
import { thematicFill, thematicHeat, thematicLine, thematicNoData } from './thematic-layers.ts';

/** Drawn under the parks, the projects and every label (the first of these the map has). */
const UNDER = [LAYER.greenFill, LAYER.clusters] as const;

/** The thematic map on the map: classed areas or hexagons, or a heatmap (thematic-store.ts). */
export function ThematicLayers() {
  const { current: map } = useMap();
  const url = useThematic((s) => s.url);
  const drawn = useThematic((s) => s.drawn);
  const palette = useThematic((s) => s.settings.palette);
  const classes = useThematic((s) => s.legendInput?.classes.classes.length ?? 0);
  if (!url || !drawn) return null;
  const beforeId = UNDER.find((id) => map?.getMap().getLayer(id));
  const under = beforeId ? { beforeId } : {};
  return (
    <Source id={SOURCE.thematic} type="geojson" data={url}>
      {drawn === 'heatmap' ? (
        <Layer {...thematicHeat(palette)} {...under} />
      ) : (
        <>
          <Layer {...thematicFill(palette, classes)} {...under} />
          <Layer {...thematicLine} {...under} />
          <Layer {...thematicNoData} {...under} />
        </>
      )}
    </Source>
  );
}
