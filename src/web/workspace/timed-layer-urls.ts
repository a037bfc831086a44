/**
 * Blob URLs of GeoJSON layers placed on the timeline: the layer's features with the year the core
 * read for each (core/time/feature-years.ts) as a `__t` property, so the map shows a year by a
 * filter on it (map/imported-time.ts) and a step of the year re-filters without re-parsing the
 * data. Made once per layer, data and column (when a year is first set), dropped with the layer.
 */
import type { Feature, Geometry } from 'geojson';
import type { YearColumn } from '../../core/time/year-column.ts';
import type { ImportedLayer } from '../../core/workspace/model.ts';
import { useWorkspace } from './store.ts';

/** The property holding a feature's year on the map (absent: no year). */
export const TIME_PROPERTY = '__t';

const urls = new Map<string, { data: ImportedLayer['data']; column: string; url: string }>();

export function timedLayerUrl(layer: ImportedLayer, column: YearColumn): string {
  const hit = urls.get(layer.id);
  if (hit && hit.data === layer.data && hit.column === column.name) return hit.url;
  if (hit) URL.revokeObjectURL(hit.url);
  const features = layer.data.features.map((f, i): Feature<Geometry> => {
    const y = column.years[i]!;
    return Number.isNaN(y) ? f : { ...f, properties: { ...f.properties, [TIME_PROPERTY]: y } };
  });
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
  urls.set(layer.id, { data: layer.data, column: column.name, url });
  return url;
}

useWorkspace.subscribe((s, prev) => {
  if (s.layers === prev.layers) return;
  const ids = new Set(s.layers.map((l) => l.id));
  for (const [id, u] of urls) {
    if (ids.has(id)) continue;
    URL.revokeObjectURL(u.url);
    urls.delete(id);
  }
});
