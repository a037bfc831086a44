/**
 * Settings and input types of `npm run data:boundaries` (scripts/data-boundaries.ts). The pinned
 * packages and the places are listed in scripts/data/places.json; province names in
 * scripts/data/provinces.json.
 */

/** Douglas–Peucker tolerance (degrees of latitude; longitudes are scaled by cos φ). */
export const TOLERANCE = {
  places: 0.001,
  context: 0.004,
  provinces: 0.02,
  world: 0.02,
  worldOuter: 0.2,
} as const;
/** Context counties are kept when their bbox comes within this many degrees of a place's. */
export const CONTEXT_MARGIN = 0.25;
/** Output precision: 5 decimals ≈ 1 m, well below the sources' 1/1024° (~100 m) quantisation. */
export const DECIMALS = 5;
/** The basemap box: China and its neighbours (lon 60..150, lat 10..56). */
export const WORLD_BOX: [number, number, number, number] = [60, 10, 150, 56];
/**
 * Land around the box, coarser (Natural Earth 1:110m): a phone held upright frames every city at
 * zoom ~2.5 and then shows lat -30..72, where land stopped at the box's edge as if it were sea.
 */
export const WORLD_OUTER_BOX: [number, number, number, number] = [-180, -85, 180, 85];
/** Polygons smaller than this (m²) are slivers the 1/1024° grid pinches off (places, context). */
export const MIN_PART_M2 = 50_000;
/** Size budgets (bytes); the script fails when a file exceeds its budget. */
export const BUDGET: Record<string, number> = {
  'boundaries.geojson': 1_500_000,
  'basemap/land.geojson': 600_000,
  'basemap/countries.geojson': 600_000,
  'basemap/provinces.geojson': 600_000,
  'basemap/context.geojson': 400_000,
};
export const DATUM_NOTE =
  'Coordinates are quantised to 1/1024 degree (about 100 m) by the source; the datum is not ' +
  'stated. Chinese web map data is often GCJ-02, offset by up to about 100-700 m from WGS84; ' +
  'the coordinates are kept as published (not converted).';
export const WORLD_DATUM_NOTE =
  'Natural Earth is WGS84. The Chinese boundary layers drawn over it (provinces, counties, ' +
  'places) may be offset by up to about 700 m (GCJ-02) and are generalised differently, so ' +
  'their lines do not match these exactly.';
export const GENERATED_BY = 'scripts/data-boundaries.ts (npm run data:boundaries)';

export interface PackageInfo {
  version: string;
  integrity: string;
  licence: string;
  repository: string;
  /** The folder of the tarball to extract (and read files from). */
  extract: string;
}
export interface PlaceInfo {
  id: string;
  name_zh: string;
  name_en: string;
  admin_code: string | null;
  package: string;
  file: string | null;
  population: number | null;
  population_year: number | null;
  population_source: string | null;
}
export interface ContextFile {
  package: string;
  file: string;
  note: string;
}
export interface PlacesFile {
  packages: Record<string, PackageInfo>;
  places: PlaceInfo[];
  context: ContextFile[];
}

/** Where problems (fatal), warnings (printed) and notes (counted; listed with --verbose) go. */
export interface Report {
  problems: string[];
  warnings: string[];
  notes: string[];
}
