import { bbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { useAtlas } from './store.ts';
import type { Selection } from './url.ts';

type BBox = [number, number, number, number];

function featureBbox(f: Feature | undefined): BBox | null {
  if (!f) return null;
  const b = bbox(f);
  return b.every(Number.isFinite) ? [b[0], b[1], b[2], b[3]] : null;
}

/** Finds what a selection points at, for flying to it. */
export function selectionBbox(sel: Selection): BBox | null {
  const data = useAtlas.getState().data;
  if (!data) return null;
  if (sel.kind === 'initiative') {
    const r = data.initiatives.find((i) => i.id === sel.id);
    return r ? [r.lon, r.lat, r.lon, r.lat] : null;
  }
  const fc = sel.kind === 'green' ? data.green : data.boundaries;
  return featureBbox(fc?.features.find((f) => f.properties.id === sel.id));
}

/** Selects a feature; with `fly`, the map moves to it (a point at street zoom, an area fitted). */
export function selectFeature(sel: Selection | null, opts: { fly?: boolean } = {}): void {
  const s = useAtlas.getState();
  s.select(sel);
  if (!sel || !opts.fly) return;
  const b = selectionBbox(sel);
  if (!b) return;
  if (b[0] === b[2] && b[1] === b[3]) {
    s.flyTo({ center: [b[0], b[1]], zoom: Math.max(s.view?.zoom ?? 0, 13) });
  } else {
    s.flyTo({ bbox: b, maxZoom: 15 });
  }
}

/** The bbox that holds all the given ones (null for none). */
function unionBbox(boxes: readonly BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** A city's boundary's bbox (null when it has none). */
function boundaryBbox(cityId: string): BBox | null {
  const fc = useAtlas.getState().data?.boundaries;
  return featureBbox(fc?.features.find((f) => f.properties.id === cityId));
}

const pointBbox = ([lon, lat]: readonly [number, number]): BBox => [lon, lat, lon, lat];

/** Picks a city: narrows the ledger to it and flies to its boundary (or its seat). */
export function focusCity(cityId: string | null): void {
  const s = useAtlas.getState();
  if (!cityId) {
    s.setFilters({ cities: [] });
    flyToAll();
    return;
  }
  s.setFilters({ cities: [cityId] });
  const b = boundaryBbox(cityId);
  if (b) {
    s.flyTo({ bbox: b, maxZoom: 12 });
    return;
  }
  const city = s.data?.catalog.cities.find((c) => c.id === cityId);
  if (city) s.flyTo({ center: city.seat, zoom: 10 });
}

/** The whole of what is loaded: all cities' seats. */
export function flyToAll(): void {
  const s = useAtlas.getState();
  const b = unionBbox((s.data?.catalog.cities ?? []).map((c) => pointBbox(c.seat)));
  if (b) s.flyTo({ bbox: b, maxZoom: 10 });
}

/** Several cities (a link can name them): their boundaries together, or seats where none. */
export function flyToCities(ids: readonly string[]): void {
  const s = useAtlas.getState();
  const b = unionBbox(
    (s.data?.catalog.cities ?? [])
      .filter((c) => ids.includes(c.id))
      .map((c) => boundaryBbox(c.id) ?? pointBbox(c.seat)),
  );
  if (b) s.flyTo({ bbox: b, maxZoom: 12 });
  else flyToAll();
}
