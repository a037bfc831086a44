/**
 * Blob URLs of imported layers' GeoJSON. MapLibre fetches and parses a URL in its own worker, so
 * a 100,000-feature layer never passes through the main thread as objects (handing it the
 * object stalled the page for over a second).
 */
import type { ImportedLayer } from '../../core/workspace/model.ts';

const urls = new Map<string, string>();

/** Registers GeoJSON bytes made by the worker for a layer. */
export function setLayerBytes(id: string, bytes: ArrayBuffer): void {
  const old = urls.get(id);
  if (old) URL.revokeObjectURL(old);
  urls.set(id, URL.createObjectURL(new Blob([bytes], { type: 'application/geo+json' })));
}

/** The layer's URL (made from its data on first use, e.g. after a reload). */
export function layerUrl(layer: ImportedLayer): string {
  let url = urls.get(layer.id);
  if (!url) {
    url = URL.createObjectURL(
      new Blob([JSON.stringify(layer.data)], { type: 'application/geo+json' }),
    );
    urls.set(layer.id, url);
  }
  return url;
}

export function dropLayerUrl(id: string): void {
  const url = urls.get(id);
  if (url) URL.revokeObjectURL(url);
  urls.delete(id);
}
