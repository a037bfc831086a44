/**
 * The points of an imported layer as the Regions panel counts them (the app's side of the
 * CLI/app parity): Point features passing the layer's filter; `investment_cny` read by THE number
 * parser ("1,234" is 1234; blank or not a number = not stated, NaN); category and status as text.
 * Pure: the panel (web/app/useRegionResults.ts) and the parity test both call it.
 */
import { toNumber } from '../common/number.ts';
import { type ImportedLayer, passesLayerFilter } from './model.ts';
import type { ResultPoints } from './results.ts';

export function layerResultPoints(layer: Pick<ImportedLayer, 'data' | 'filter'>): ResultPoints {
  const pts = layer.data.features.filter(
    (f) => f.geometry.type === 'Point' && passesLayerFilter(f.properties, layer.filter),
  );
  const coord = (i: 0 | 1) => (f: (typeof pts)[number]) =>
    f.geometry.type === 'Point' ? (f.geometry.coordinates[i] ?? Number.NaN) : Number.NaN;
  return {
    lons: Float64Array.from(pts, coord(0)),
    lats: Float64Array.from(pts, coord(1)),
    investment: Float64Array.from(pts, (f) => toNumber(f.properties?.investment_cny) ?? Number.NaN),
    category: pts.map((f) => String(f.properties?.category ?? '')),
    status: pts.map((f) => String(f.properties?.status ?? '')),
  };
}
