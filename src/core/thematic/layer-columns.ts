/**
 * The points of an imported layer as a thematic map reads them: coordinates and one numeric
 * field as columns (blank or not a number = NaN, read by THE number parser, as the Regions panel
 * and the CLI read it), and which fields are numeric. Pure.
 */
import { toNumber } from '../common/number.ts';
import { type AsOf, featureRowsAsOf } from '../time/rows-as-of.ts';
import type { ImportedLayer } from '../workspace/model.ts';

export interface PointColumnsOf {
  lons: Float64Array;
  lats: Float64Array;
  values?: Float64Array;
}

/**
 * Point features shown (passing the layer's filter and, on the timeline, as of the year:
 * core/time/rows-as-of.ts), with `field` as numbers (when given).
 */
export function featureColumns(
  layer: Pick<ImportedLayer, 'data' | 'filter'>,
  field: string | null,
  asOf: AsOf | null = null,
): PointColumnsOf {
  const features = layer.data.features;
  const pts = Array.from(featureRowsAsOf(layer, asOf), (i) => features[i]!).flatMap((f) =>
    f.geometry?.type === 'Point' ? [{ c: f.geometry.coordinates, p: f.properties }] : [],
  );
  return {
    lons: Float64Array.from(pts, (x) => x.c[0] ?? Number.NaN),
    lats: Float64Array.from(pts, (x) => x.c[1] ?? Number.NaN),
    ...(field !== null
      ? { values: Float64Array.from(pts, (x) => toNumber(x.p?.[field]) ?? Number.NaN) }
      : {}),
  };
}

/**
 * The fields a sum can be made of: a table's number columns, or the properties of point features
 * whose every non-blank value is a number (and at least one is): text is never summed.
 */
export function numericFields(layer: Pick<ImportedLayer, 'data' | 'table'>): string[] {
  if (layer.table) return layer.table.columns.filter((c) => c.kind === 'number').map((c) => c.name);
  const state = new Map<string, 'blank' | 'number' | 'text'>();
  for (const f of layer.data.features) {
    if (f.geometry?.type !== 'Point') continue;
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const was = state.get(k) ?? 'blank';
      if (was === 'text' || v === null || v === undefined || v === '') {
        if (!state.has(k)) state.set(k, 'blank');
        continue;
      }
      state.set(k, toNumber(v) === null ? 'text' : 'number');
    }
  }
  return [...state].filter(([, s]) => s === 'number').map(([k]) => k);
}
