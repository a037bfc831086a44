/** The region results table as CSV (one row per region), as Excel opens it. */
import Papa from 'papaparse';
import type { Region } from './model.ts';
import type { RegionResult } from './results.ts';

export function resultsToCsv(regions: readonly Region[], results: readonly RegionResult[]): string {
  const rows = results.map((r) => {
    const region = regions.find((x) => x.id === r.id);
    // Names are the user's text: defuse spreadsheet formulas.
    const name = (region?.name ?? r.id).replace(/^[=+\-@\t\r]/, "'$&");
    return {
      region: name,
      shape: region?.shape ?? '',
      area_m2: r.area_m2.toFixed(1),
      points_inside: r.count,
      by_category: Object.entries(r.byCategory)
        .map(([k, v]) => `${k}:${v}`)
        .join('; '),
      by_status: Object.entries(r.byStatus)
        .map(([k, v]) => `${k}:${v}`)
        .join('; '),
      investment_cny_known: r.investment_cny,
      investment_not_stated: r.investment_unknown,
      green_m2: r.green_m2.toFixed(1),
      green_share: r.green_share.toFixed(6),
      coverage_share: r.coverage_share.toFixed(6),
    };
  });
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
