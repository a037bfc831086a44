/**
 * THE catalogue of import messages that carry a code: one English template per code. A loader
 * says `say('coord_not_number', { value })` and gets the English `reason` (what the CLI prints,
 * unchanged) together with the `code` and `params` that let the app say the same in Chinese
 * (src/web/i18n/problems.ts holds a zh template for every code here; a unit test checks it).
 * A problem without a code is shown as its English reason.
 */

import { ANALYTICS_MESSAGES } from './messages-analytics.ts';
import { APP_MESSAGES } from './messages-app.ts';
import { FORMAT_MESSAGES } from './messages-formats.ts';
import { LEDGER_MESSAGES } from './messages-ledger.ts';
import { SCHEMA_MESSAGES } from './messages-schema.ts';

const POLYGON_REPAIRED =
  'self-intersecting polygon near [{lon}, {lat}]: repaired into {parts} part{plural} (area {area} m²) by splitting at the crossings';

export const MESSAGES = {
  coord_blank: 'blank',
  coord_not_number: 'not a number: {value}',
  lon_out_of_range: 'out of range: {value} (longitude must be between -180 and 180)',
  lat_out_of_range: 'out of range: {value} (latitude must be between -90 and 90)',
  lat_out_of_range_swapped:
    'out of range: {value} (latitude must be between -90 and 90; are the longitude and latitude columns swapped?)',
  wkt_lon_out_of_range: 'longitude out of range: {value} (longitude must be between -180 and 180)',
  wkt_lat_out_of_range: 'latitude out of range: {value} (latitude must be between -90 and 90)',
  wkt_lat_out_of_range_swapped:
    'latitude out of range: {value} (latitude must be between -90 and 90; are the longitude and latitude columns swapped?)',
  wkt_empty: 'empty point (POINT EMPTY)',
  wkt_not_point: 'WKT geometry {type} is not a POINT',
  wkt_malformed: 'not a WKT POINT(lon lat): {value}',
  table_empty: 'empty file: no header row',
  header_after_blank_line: 'the header is on {where} (1 blank line before it skipped)',
  header_after_blank_lines: 'the header is on {where} ({count} blank lines before it skipped)',
  header_blank: 'column {column} has no header; named {name}',
  header_repeats: 'header {name} repeats; column {column} named {renamed}',
  row_field_count: 'has {count} fields, the header has {expected}',
  id_column_missing: 'no column {name}; ids are row numbers or the id column',
  no_coordinates:
    'no coordinate columns found{found}: expected a longitude column ({lonNames}) and a latitude column ({latNames}), or a WKT column with POINT(lon lat); headers seen: {headers}',
  csv_parse: '{papaCode}: {message}',
  json_malformed_at: 'malformed JSON at line {line}, column {column}: {message}',
  json_malformed: 'malformed JSON: {message}',
  json_array: 'a JSON array, not GeoJSON; read as a list of Features',
  json_no_features: 'FeatureCollection without a "features" array',
  json_not_geojson: 'not GeoJSON: {what} (expected a FeatureCollection, a Feature or a geometry)',
  not_a_feature: 'not a GeoJSON Feature (type {type})',
  no_usable_row: 'no usable row: {total} row{plural}, all with problems{first}',
  no_usable_feature: 'no usable feature: {total} feature{plural}, all with problems{first}',
  import_no_usable_rows: 'no usable rows: the file has {total} rows{allBad}',
  import_no_usable_features: 'no usable features: the file has {total} features{allBad}',
  import_unreadable: 'could not read the file',
  polygon_repaired: POLYGON_REPAIRED,
  region_repaired: `region "{name}": ${POLYGON_REPAIRED}`,
  region_left_out: 'region "{name}": left out: {reason}',
  geom_null: 'no geometry (null)',
  geom_not_object: 'geometry is not an object',
  geom_collection_no_array: 'GeometryCollection without a geometries array',
  geom_collection_empty: 'empty GeometryCollection',
  geom_unknown_type: 'unknown geometry type {type}',
  geom_no_coordinates: 'coordinates missing or not an array',
  geom_empty: 'empty {type}',
  geom_malformed_at: 'malformed coordinates at {at}',
  geom_position_short: 'position with fewer than 2 numbers at {at}',
  geom_non_numeric: 'non-numeric coordinate at {at}',
  geom_non_finite: 'non-finite coordinate at {at}',
  geom_out_of_range: 'coordinate out of range (lon {lon}, lat {lat}) at {at}',
  geom_line_short: 'LineString with fewer than 2 positions',
  geom_polygon_no_rings: 'polygon {polygon} has no rings',
  geom_ring_short: 'ring {ring} of polygon {polygon} has fewer than 3 positions',
  web_mercator:
    'coordinates are in Web Mercator (EPSG:3857) metres, not degrees: converted to WGS84 longitude/latitude',
  ...FORMAT_MESSAGES,
  ...LEDGER_MESSAGES,
  ...SCHEMA_MESSAGES,
  ...ANALYTICS_MESSAGES,
  ...APP_MESSAGES,
} as const satisfies Record<string, string>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

/** What a coded message adds to a problem: the English reason, its code and its values. */
export interface Said {
  reason: string;
  code: MessageCode;
  params?: MessageParams;
}

/** Fills `{name}` placeholders from `params` (a missing one stays as written). */
export function fillTemplate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in params ? String(params[name]) : all,
  );
}

/** A coded message: its English reason from the catalogue, with the code and params. */
export function say(code: MessageCode, params?: MessageParams): Said {
  return {
    reason: fillTemplate(MESSAGES[code], params),
    code,
    ...(params ? { params } : {}),
  };
}

/** A message inside another one: coded (a Said) or plain English (a name, an error text). */
export type Inner = string | { reason: string; code?: MessageCode; params?: MessageParams };

/**
 * Params that put a message inside another one at `{key}`: `key` holds its English (so the
 * English template reads as before), `key:code` its code and `key.<name>` its own params, so the
 * app can word it in its language too. A plain string is just the value at `key`.
 */
export function nest(key: string, inner: Inner): MessageParams {
  if (typeof inner === 'string') return { [key]: inner };
  const out: MessageParams = { [key]: inner.reason };
  if (inner.code === undefined) return out;
  out[`${key}:code`] = inner.code;
  for (const [k, v] of Object.entries(inner.params ?? {})) out[`${key}.${k}`] = v;
  return out;
}

/**
 * Params for a list at `{key}`: its English is the items joined with `sep`; `key:n` counts them
 * and item i is nested at `key.i`, so the app can join them in its own way ("a、b、c").
 */
export function nestList(key: string, items: readonly Inner[], sep = ', '): MessageParams {
  const out: MessageParams = {
    [key]: items.map((i) => (typeof i === 'string' ? i : i.reason)).join(sep),
    [`${key}:n`]: items.length,
  };
  items.forEach((item, i) => {
    Object.assign(out, nest(`${key}.${i}`, item));
  });
  return out;
}
