import { useEffect } from 'react';
import { useMap } from 'react-map-gl/maplibre';
import { useAtlas } from '../state/store.ts';
import { BASEMAP_LABEL_LAYERS } from './basemap-style.ts';
import { nameExpression } from './layers.ts';

/**
 * Keeps the basemap's labels in the UI's language by changing only their `text-field`. The style
 * itself is built once (MapView): a new style on every language switch made MapLibre rebuild it,
 * and the app's layers placed before one of its own layers (coverage under the parks) were added
 * while that layer did not exist yet ("before non-existing layer" errors). Renders nothing.
 */
export function BasemapLabels() {
  const { current } = useMap();
  const lang = useAtlas((s) => s.lang);
  useEffect(() => {
    const map = current?.getMap();
    if (!map) return;
    const apply = () => {
      for (const id of BASEMAP_LABEL_LAYERS) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', nameExpression(lang));
      }
    };
    apply();
    // After a style (re)load (e.g. the online basemap switched on), set them again.
    map.on('style.load', apply);
    return () => {
      map.off('style.load', apply);
    };
  }, [current, lang]);
  return null;
}
