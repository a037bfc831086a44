/**
 * Which imported layers can be counted as points (the Regions panel's and the thematic maps'
 * sources): a CSV of points, a big point layer, and a layer of features that are all points
 * (a GeoJSON, KML, GPX or Shapefile of sites). A layer that mixes points with lines or polygons is
 * not: counting only its points would silently leave the rest out.
 */
import type { ImportedLayer } from './model.ts';

export function isPointLayer(layer: Pick<ImportedLayer, 'kind' | 'data' | 'table'>): boolean {
  if (layer.table) return layer.table.count > 0;
  const features = layer.data.features;
  if (features.length === 0) return false;
  if (layer.kind === 'points') return true;
  return features.every((f) => f.geometry?.type === 'Point');
}
