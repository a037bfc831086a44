/**
 * The data model shared by the app, the worker, the CLI and the tests (BRIEF section 3).
 * Pure types and constants only: no I/O, no DOM.
 */

import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export const CATEGORIES = [
  'transport',
  'green_space',
  'water',
  'housing_renewal',
  'education',
  'health',
  'commerce',
  'industry',
  'culture_tourism',
  'ecology',
  'utilities',
  'public_service',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = [
  'planned',
  'under_construction',
  'completed',
  'ongoing_programme',
] as const;
export type Status = (typeof STATUSES)[number];

/** How exact a point location is: surveyed/known site, approximate site, or only the city is known. */
export const PRECISIONS = ['exact', 'approximate', 'city'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** facts.md confidence levels, kept on every row that comes from it. */
export const CONFIDENCES = ['stated', 'derived', 'uncertain'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const GEOMETRY_QUALITIES = ['surveyed', 'approximate', 'schematic'] as const;
export type GeometryQuality = (typeof GEOMETRY_QUALITIES)[number];

export const GREEN_KINDS = [
  'comprehensive_park',
  'community_park',
  'pocket_park',
  'forest_park',
  'theme_park',
  'botanical_garden',
  'greenway',
  'wetland',
  'waterfront',
  'square',
] as const;
export type GreenKind = (typeof GREEN_KINDS)[number];

/** One row of data/initiatives.csv (the project ledger, 项目台账). */
export interface Initiative {
  id: string;
  name_zh: string;
  name_en: string;
  city_id: string;
  category: Category;
  status: Status;
  start_year: number | null;
  end_year: number | null;
  /** Yuan (CNY). null when no source states it: never 0 for "unknown". */
  investment_cny: number | null;
  lon: number;
  lat: number;
  location_precision: Precision;
  /** Seed file name (e.g. 001_6782f79395f3aab1.txt) or a URL. */
  source: string;
  confidence: Confidence;
  description: string;
}

/** The ledger's columns, in the order of data/initiatives.csv. */
export const INITIATIVE_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'city_id',
  'category',
  'status',
  'start_year',
  'end_year',
  'investment_cny',
  'lon',
  'lat',
  'location_precision',
  'source',
  'confidence',
  'description',
] as const satisfies readonly (keyof Initiative)[];

/** Properties of one feature of data/boundaries.geojson. */
export interface BoundaryProps {
  id: string;
  name_zh: string;
  name_en: string;
  /** GB/T 2260 code, null where not known. */
  admin_code: string | null;
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  source: string;
  datum_note: string;
}

/** Properties of one feature of data/green_space.geojson. Area is computed, never stored. */
export interface GreenSpaceProps {
  id: string;
  name_zh: string;
  name_en: string;
  city_id: string;
  kind: GreenKind;
  opened_year: number | null;
  /** The area a source states, in m², to compare with the computed area; null if none. */
  stated_area_m2: number | null;
  source: string;
  confidence: Confidence;
  geometry_quality: GeometryQuality;
  note: string;
}

/** A programme groups cities (e.g. the Beijing sub-center with the North Three Counties). */
export interface Programme {
  id: string;
  name_zh: string;
  name_en: string;
  seed: string;
}

export interface CityEntry {
  id: string;
  name_zh: string;
  name_en: string;
  programme_id: string;
  /** Seat / centre [lon, lat] (WGS84 as far as the source says; datum often unstated). */
  seat: [number, number];
  seat_source: string;
  seat_confidence: Confidence;
}

export interface LayerEntry {
  id: string;
  /** Path relative to the data/ folder. */
  file: string;
  kind: 'boundaries' | 'initiatives' | 'green_space' | 'basemap' | 'residential' | 'population';
  /** For a `population` layer: the property holding the number of people. */
  field?: string;
  title_zh: string;
  title_en: string;
}

export interface Catalog {
  version: number;
  programmes: Programme[];
  cities: CityEntry[];
  layers: LayerEntry[];
}

export type Area = Polygon | MultiPolygon;
export type BoundaryCollection = FeatureCollection<Area, BoundaryProps>;
export type GreenCollection = FeatureCollection<Area, GreenSpaceProps>;
