/**
 * The region results table as CSV (one row per region), as Excel opens it. Written by THE CSV
 * writer (common/csv-write.ts): every text cell is defused, not only the region's name, because
 * category and status labels come from the user's imported file too.
 */
import { writeRecordsCsv } from '../common/csv-write.ts';
import type { Region } from './model.ts';
import type { RegionResult } from './results.ts';

/** The columns of the region results CSV, in order. */
export const RESULT_COLUMNS = [
  'region',
  'shape',
  'area_m2',
  'points_inside',
  'by_category',
  'by_status',
  'investment_cny_at_least',
  'investment_not_counted',
  'green_m2',
  'green_share',
  'coverage_share',
] as const;

export function resultsToCsv(regions: readonly Region[], results: readonly RegionResult[]): string {
  const rows = results.map((r) => {
    const region = regions.find((x) => x.id === r.id);
    return {
      region: region?.name ?? r.id,
      shape: region?.shape ?? '',
      area_m2: r.area_m2.toFixed(1),
      points_inside: r.count,
      by_category: Object.entries(r.byCategory)
        .map(([k, v]) => `${k}:${v}`)
        .join('; '),
      by_status: Object.entries(r.byStatus)
        .map(([k, v]) => `${k}:${v}`)
        .join('; '),
      investment_cny_at_least: r.investment_cny,
      investment_not_counted: r.investment_unknown,
      green_m2: r.green_m2.toFixed(1),
      green_share: r.green_share.toFixed(6),
      coverage_share: r.coverage_share.toFixed(6),
    };
  });
  return writeRecordsCsv(RESULT_COLUMNS, rows);
}
