/**
 * The English templates of the data/ and ledger checks' own messages (ledger/validate.ts,
 * sources.ts, read-file.ts): part of THE catalogue in messages.ts. Word for word what
 * `atlas check` printed before codes. (Schema messages from zod stay uncoded: see the report.)
 */
export const LEDGER_MESSAGES = {
  ledger_column_missing: 'column is missing from the header',
  ledger_cells_too_many: 'has {count} cell(s) too many',
  ledger_city_unknown: '"{city}" is not in the catalogue',
  ledger_duplicate_row: 'duplicates an earlier row',
  ledger_duplicate_feature: 'duplicates an earlier feature',
  ledger_not_collection: 'is not a GeoJSON FeatureCollection',
  ledger_not_array: 'is not an array',
  ledger_not_feature: 'is not a Feature',
  ledger_programme_unknown: '"{programme}" is not a programme',
  ledger_duplicate: 'is a duplicate',
  ledger_not_polygon: 'is not a Polygon or MultiPolygon',
  ledger_not_count: 'is not a number ≥ 0',
  ledger_not_point_or_polygon: 'is not a Point, Polygon or MultiPolygon',
  ledger_mixed: 'mixes points and polygons',
  ledger_seed_unknown: 'seed "{seed}" is not a seed of any programme in catalog.json',
  ledger_seed_uncited: 'no row cites seed "{seed}"',
  ledger_workbook_unreadable: 'could not read the workbook: {error}',
} as const satisfies Record<string, string>;
