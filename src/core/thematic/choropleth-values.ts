/**
 * The value a choropleth gives each region, from THE region totals (`regionTotals`, the code of
 * `atlas totals` and of the app's city figures): the points inside (boundary counts as inside),
 * the sum of a numeric field over the points that state it, or the points per km² of the region's
 * geodesic (WGS84 ellipsoid) area. Pure.
 *
 * "No data" (NaN) is never read as 0: a sum over a region whose points all leave the field blank
 * has no value; a region with no point at all sums to 0 (nothing is stated because nothing is
 * there). Each value carries how many points inside left the field blank, so a legend or a popup
 * can say what the sum leaves out.
 */
import type { GridIndex } from '../analytics/grid-index.ts';
import { regionTotals } from '../analytics/totals.ts';
import type { FeatureIssue, FeaturesInput, PointSet } from '../analytics/types.ts';

export type Measure = 'count' | 'sum' | 'density';
export const MEASURES: readonly Measure[] = ['count', 'sum', 'density'];

export interface ChoroplethValue {
  id: string;
  /** What the map colours: count, sum or points per km²; NaN = no data. */
  value: number;
  count: number;
  /** Sum of the field over the points inside that state it (0 when measuring counts). */
  sum: number;
  /** Points inside whose field is blank or not a number. */
  missing: number;
  area_m2: number;
}

export interface ChoroplethResult {
  values: ChoroplethValue[];
  /** Regions that could not be used (invalid geometry), with the reason. */
  skippedRegions: FeatureIssue[];
}

export interface ChoroplethOptions {
  /** The numeric field summed (required for 'sum'). */
  field?: string;
  /** A prebuilt index over the same points. */
  index?: GridIndex;
  idField?: string;
}

/** The value of one region's totals under a measure. */
export function measureValue(
  measure: Measure,
  t: { count: number; sum: number; missing: number; area_m2: number },
): number {
  if (measure === 'count') return t.count;
  if (measure === 'density') return t.area_m2 > 0 ? t.count / (t.area_m2 / 1e6) : Number.NaN;
  return t.count > 0 && t.missing === t.count ? Number.NaN : t.sum;
}

export function choroplethValues(
  regions: FeaturesInput,
  points: PointSet,
  measure: Measure,
  options: ChoroplethOptions = {},
): ChoroplethResult {
  const field = measure === 'sum' ? options.field : undefined;
  if (measure === 'sum' && !field) throw new Error('a sum needs a numeric field');
  const totals = regionTotals(regions, points, {
    ...(field ? { sum: [field] } : {}),
    ...(options.index ? { index: options.index } : {}),
    ...(options.idField !== undefined ? { idField: options.idField } : {}),
  });
  return {
    values: totals.regions.map((r) => {
      const t = {
        count: r.count,
        sum: field ? (r.sums[field] ?? 0) : 0,
        missing: field ? (r.missing[field] ?? 0) : 0,
        area_m2: r.area_m2,
      };
      return { id: String(r.id), value: measureValue(measure, t), ...t };
    }),
    skippedRegions: totals.skippedRegions,
  };
}
