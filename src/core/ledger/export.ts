import type { Feature, FeatureCollection, Point } from 'geojson';
import { writeCsv } from '../common/csv-write.ts';
import { INITIATIVE_COLUMNS, type Initiative } from './model.ts';

export { INITIATIVE_COLUMNS } from './model.ts';

/**
 * CSV of ledger rows, as Excel opens it: UTF-8 with a BOM, CRLF, RFC 4180 quoting.
 * Unknown values stay blank (never 0). Cells that a spreadsheet would run as a formula
 * (starting with = + - @ TAB CR) are prefixed with a quote, except plain numbers.
 */
export function initiativesToCsv(rows: readonly Initiative[]): string {
  // THE CSV writer (common/csv-write.ts): BOM, CRLF, every text cell defused.
  return writeCsv(
    INITIATIVE_COLUMNS,
    rows.map((r) => INITIATIVE_COLUMNS.map((c) => r[c])),
  );
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
