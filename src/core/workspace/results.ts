/**
 * Results for drawn or imported regions: the points inside (count, by category and status,
 * stated investment and how many have none), area, mapped green area and share, park coverage.
 * Pure; runs in the worker.
 */
import type { FeatureCollection } from 'geojson';
import { GridIndex, greenShare, parkCoverage, regionTotals } from '../analytics/index.ts';
import type { FeaturesInput, PointSet } from '../analytics/types.ts';
import { type Region, regionsToGeoJSON } from './model.ts';

/** Points to count, as columns. NaN investment = not stated; labels may be empty. */
export interface ResultPoints {
  lons: Float64Array;
  lats: Float64Array;
  investment: Float64Array;
  category: string[];
  status: string[];
}

export interface RegionResult {
  id: string;
  area_m2: number;
  count: number;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  investment_cny: number;
  investment_unknown: number;
  green_m2: number;
  green_share: number;
  coverage_share: number;
}

/** Points made ready for counting: the point set and its grid index (built once, reusable). */
export interface PreparedPoints {
  set: PointSet;
  index: GridIndex;
}

/** Builds the point set and index of `points`; a worker keeps it while the points do not change. */
export function prepareResultPoints(points: ResultPoints): PreparedPoints {
  const properties = points.category.map((category, i) => ({ category, status: points.status[i] }));
  return {
    set: {
      lons: points.lons,
      lats: points.lats,
      properties,
      columns: { investment_cny: points.investment },
    },
    index: GridIndex.build(points.lons, points.lats),
  };
}

export function regionResults(
  regions: readonly Region[],
  points: ResultPoints | PreparedPoints,
  green: FeatureCollection,
  rule: string,
): RegionResult[] {
  if (regions.length === 0) return [];
  const fc = regionsToGeoJSON(regions) as FeaturesInput;
  const { set, index } = 'index' in points ? points : prepareResultPoints(points);
  const byCat = regionTotals(fc, set, { sum: ['investment_cny'], by: 'category', index });
  const bySt = regionTotals(fc, set, { by: 'status', index });
  const g = greenShare(fc, green.features as FeaturesInput);
  const cov = parkCoverage(fc, green.features as FeaturesInput, { rule });
  const get = <T extends { id: unknown }>(list: readonly T[], id: string) =>
    list.find((x) => String(x.id) === id);
  return regions.map((r) => {
    const t = get(byCat.regions, r.id);
    const gs = get(g.regions, r.id);
    return {
      id: r.id,
      area_m2: t?.area_m2 ?? 0,
      count: t?.count ?? 0,
      byCategory: t?.by ?? {},
      byStatus: get(bySt.regions, r.id)?.by ?? {},
      investment_cny: t?.sums.investment_cny ?? 0,
      investment_unknown: t?.missing.investment_cny ?? 0,
      green_m2: gs?.green_m2 ?? 0,
      green_share: gs?.share ?? 0,
      coverage_share: get(cov.regions, r.id)?.share ?? 0,
    };
  });
}
