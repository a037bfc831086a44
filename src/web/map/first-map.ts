import type { Map as MapLibreMap } from 'maplibre-gl';
import { LAYER } from './ids.ts';

/**
 * The performance mark of the first map: set once per page, at the first MapLibre `idle` at
 * which the rendered features include a city boundary and a project (a point or a cluster).
 * `npm run bench:browser` reads it (`performance.getEntriesByName('atlas:first-map')`): its
 * startTime is the time from navigation start.
 */
export const FIRST_MAP_MARK = 'atlas:first-map';

/** Work that can wait past the first map waits at most this long for it (e.g. no WebGL). */
const AT_MOST_MS = 10_000;

let drawn: () => void = () => {};
const firstMap = new Promise<void>((resolve) => {
  drawn = resolve;
});

/** Whether the map has been idle once (see afterFirstIdle). */
export function firstIdleSeen(): boolean {
  return isIdle;
}

let idled: () => void = () => {};
let isIdle = false;
const firstIdle = new Promise<void>((resolve) => {
  idled = () => {
    isIdle = true;
    resolve();
  };
});

/**
 * Resolves at the map's first `idle` after it loaded (every source and tile in, whatever is on
 * it), or once the first map is drawn, or AT_MOST_MS after the first call. Unlike afterFirstMap
 * it does not wait for boundaries and projects to be on screen (they may be hidden or filtered
 * out).
 */
export function afterFirstIdle(): Promise<void> {
  return Promise.race([firstIdle, afterFirstMap()]);
}

/**
 * Resolves once the first map is drawn (or AT_MOST_MS after the first call): the analytics
 * worker starts then, so its download, start and layer indexing do not compete with the first
 * map for the CPU.
 */
export function afterFirstMap(): Promise<void> {
  return Promise.race([firstMap, new Promise<void>((r) => setTimeout(r, AT_MOST_MS))]);
}

export function markFirstMap(map: MapLibreMap): void {
  if (performance.getEntriesByName(FIRST_MAP_MARK).length > 0) return;
  const onIdle = () => {
    idled();
    const layers = [LAYER.boundaryFill, LAYER.points, LAYER.clusters].filter((id) =>
      map.getLayer(id),
    );
    if (layers.length < 2) return;
    const seen = new Set(map.queryRenderedFeatures({ layers }).map((f) => f.layer.id));
    if (!seen.has(LAYER.boundaryFill) || !(seen.has(LAYER.points) || seen.has(LAYER.clusters)))
      return;
    map.off('idle', onIdle);
    if (performance.getEntriesByName(FIRST_MAP_MARK).length === 0) performance.mark(FIRST_MAP_MARK);
    drawn();
  };
  map.on('idle', onIdle);
}
