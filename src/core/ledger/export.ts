import type { Feature, FeatureCollection, Point } from 'geojson';
import Papa from 'papaparse';
import { INITIATIVE_COLUMNS, type Initiative } from './model.ts';

export { INITIATIVE_COLUMNS } from './model.ts';

/**
 * CSV of ledger rows, as Excel opens it: UTF-8 with a BOM, CRLF, RFC 4180 quoting.
 * Unknown values stay blank (never 0). Cells that a spreadsheet would run as a formula
 * (starting with = + - @) are prefixed with a quote, except plain numbers.
 */
export function initiativesToCsv(rows: readonly Initiative[]): string {
  const data = rows.map((r) =>
    INITIATIVE_COLUMNS.map((c) => {
      const v = r[c];
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return String(v);
      return /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
    }),
  );
  const csv = Papa.unparse({ fields: [...INITIATIVE_COLUMNS], data }, { newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}

export type InitiativeFeature = Feature<Point, Initiative>;

export function initiativeToFeature(r: Initiative): InitiativeFeature {
  return {
    type: 'Feature',
    id: r.id,
    geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    properties: { ...r },
  };
}

/** GeoJSON (RFC 7946, WGS84 lon/lat) of ledger rows with every field as a property. */
export function initiativesToGeoJSON(
  rows: readonly Initiative[],
): FeatureCollection<Point, Initiative> {
  return { type: 'FeatureCollection', features: rows.map(initiativeToFeature) };
}
