import { useEffect } from 'react';
import { useMap } from 'react-map-gl/maplibre';
import { useAtlas } from '../state/store.ts';
import { relabelMapControls } from './map-locale.ts';

/** Keeps MapLibre's control tooltips in the UI's language (map-locale.ts). Renders nothing. */
export function MapLocale() {
  const { current } = useMap();
  const lang = useAtlas((s) => s.lang);
  useEffect(() => {
    const map = current?.getMap();
    if (!map) return;
    relabelMapControls(map.getContainer(), map.getCanvas(), lang);
  }, [current, lang]);
  return null;
}
