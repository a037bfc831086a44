import { Layer, Source } from 'react-map-gl/maplibre';
import { useThematic } from '../state/thematic-store.ts';
import { SOURCE } from './ids.ts';
import { SLOT } from './slots.ts';
import { thematicFill, thematicHeat, thematicLine, thematicNoData } from './thematic-layers.ts';

/** The thematic map on the map: classed areas or hexagons, or a heatmap (thematic-store.ts). */
export function ThematicLayers() {
  const url = useThematic((s) => s.url);
  const drawn = useThematic((s) => s.drawn);
  const palette = useThematic((s) => s.settings.palette);
  const classes = useThematic((s) => s.legendInput?.classes.classes.length ?? 0);
  if (!url || !drawn) return null;
  // Under the parks, the projects and every label (slots.ts).
  const under = { beforeId: SLOT.analysis };
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
