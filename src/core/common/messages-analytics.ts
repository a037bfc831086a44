/**
 * The English templates of the analytics' skip and repair reasons (analytics/validate.ts,
 * repair.ts, service-radius.ts, nearest.ts, totals.ts, coverage.ts, green/access.ts): part of THE
 * catalogue in messages.ts. Word for word what `atlas area|totals|coverage|nearest` printed
 * before codes.
 */
const AT = 'polygon {polygon} ring {ring} vertex {vertex}';
const CROSSING = 'self-intersecting polygon near [{lon}, {lat}]';

export const ANALYTICS_MESSAGES = {
  an_not_feature: 'not a GeoJSON Feature',
  an_no_geometry: 'no geometry',
  an_not_polygonal: 'geometry type {type} is not Polygon or MultiPolygon',
  an_malformed_coordinates: 'malformed coordinates',
  an_malformed_ring: 'malformed ring {ring} of polygon {polygon}',
  an_malformed_position: `malformed position at ${AT}`,
  an_non_numeric: `non-numeric coordinate at ${AT}`,
  an_non_finite: `non-finite coordinate at ${AT}`,
  an_out_of_range: `coordinate out of range (lon {lon}, lat {lat}) at ${AT}`,
  an_empty_geometry: 'empty geometry (no ring with 3 distinct vertices)',
  an_self_intersecting: CROSSING,
  an_nothing_left: `${CROSSING}; nothing left after repair`,
  an_area_below: 'area {area} m² is below {min} m²',
  an_area_below_rule: 'area {area} m² is below the {min} m² minimum of {rule}',
  an_point_invalid: 'missing or invalid coordinates',
  an_point_invalid_at: 'missing or invalid coordinates (lon {lon}, lat {lat})',
  an_target_invalid: 'missing, malformed or out-of-range coordinates',
  an_field_not_numeric: '{field} is blank or not numeric',
  an_zero_area: 'zero area',
  an_park_skipped: '{reason} (skipped)',
  an_park_repaired: '{reason} (repaired)',
} as const satisfies Record<string, string>;
