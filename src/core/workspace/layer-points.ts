/**
 * The points of an imported layer as the Regions panel counts them (the app's side of the
 * CLI/app parity): Point features passing the layer's filter and, on the timeline, shown as of the
 * year (core/time/rows-as-of.ts, the rule the map and the list use); `investment_cny` read by THE number
 * parser ("1,234" is 1234; blank or not a number = not stated, NaN); category and status as text.
 * Pure: the panel (web/app/useRegionResults.ts) and the parity test both call it.
 */
import { toNumber } from '../common/number.ts';
import { type AsOf, featureRowsAsOf } from '../time/rows-as-of.ts';
import type { ImportedLayer } from './model.ts';
import { cellText, type PointTable } from './point-table.ts';
import type { ResultPoints } from './results.ts';

export function layerResultPoints(
  layer: Pick<ImportedLayer, 'data' | 'filter'>,
  asOf: AsOf | null = null,
): ResultPoints {
  const features = layer.data.features;
  const pts = Array.from(featureRowsAsOf(layer, asOf), (i) => features[i]!).filter(
    (f) => f.geometry.type === 'Point',
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

/**
 * The same points for a layer kept as a table (point-table.ts): the points at `indices` (those
 * shown: tableRowsAsOf), read by the same rules as layerResultPoints.
 */
export function tableResultPoints(table: PointTable, indices: Uint32Array): ResultPoints {
  const col = (name: string) => table.columns.find((c) => c.name === name);
  const inv = col('investment_cny');
  const cat = col('category');
  const st = col('status');
  const n = indices.length;
  const out: ResultPoints = {
    lons: new Float64Array(n),
    lats: new Float64Array(n),
    investment: new Float64Array(n),
    category: new Array<string>(n),
    status: new Array<string>(n),
  };
  for (let k = 0; k < n; k++) {
    const i = indices[k]!;
    out.lons[k] = table.lons[i]!;
    out.lats[k] = table.lats[i]!;
    out.investment[k] = inv ? (toNumber(cellText(inv, i)) ?? Number.NaN) : Number.NaN;
    out.category[k] = cat ? cellText(cat, i) : '';
    out.status[k] = st ? cellText(st, i) : '';
  }
  return out;
}
