import type { Map as MapLibreMap } from 'maplibre-gl';

/** The app's one live MapLibre map, for features that read its style and view (print/export). */
let live: MapLibreMap | null = null;

export function setLiveMap(map: MapLibreMap | null): void {
  live = map;
}

export function liveMap(): MapLibreMap | null {
  return live;
}
