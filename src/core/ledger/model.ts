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

/**
 * What a cited source says about a row's state (never guessed):
 * - planned: the source says it is planned, targeted or called for (a plan, a budget, a meeting's
 *   directive to build, create or implement it) and nothing says work has begun;
 * - under_construction: the source says works are under way (started, topped out, being fitted);
 * - completed: the source says it is built, opened, in operation, or describes it as an existing place;
 * - ongoing_programme: the source describes a continuing programme or policy as under way
 *   (continue, keep, deepen, speed up, in force since a year);
 * - not_stated: no cited source states it.
 */
export const STATUSES = [
  'planned',
  'under_construction',
  'completed',
  'ongoing_programme',
  'not_stated',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * How a row's investment figure is stated by its source:
 * - exact: a sum stated plainly (投资2.46亿元, 总投资27.75亿元);
 * - at_least: a lower bound (4000多万, 超过6000万, "over 40 billion");
 * - about: an approximate sum or an estimate (约4.5亿元, 概算3.95亿元);
 * - target: money planned, budgeted or to be leveraged (计划投资, 撬动), not money spent.
 */
export const INVESTMENT_QUALIFIERS = ['exact', 'at_least', 'about', 'target'] as const;
export type InvestmentQualifier = (typeof INVESTMENT_QUALIFIERS)[number];

/** Separator of several sources in one `source` cell: "001_….txt | https://…". */
export const SOURCE_SEPARATOR = ' | ';

/** The sources of a `source` cell, in order, trimmed, blanks dropped. */
export function splitSources(cell: string): string[] {
  return cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A seed file name as the seeds folder names them: 001_6782f79395f3aab1.txt. */
export const SEED_FILE_RE = /^\d{3}_[0-9a-f]{16}\.txt$/;
/** An http(s) URL with no spaces. */
export const URL_RE = /^https?:\/\/\S+$/;

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
  /** How the source states investment_cny; set exactly when investment_cny is. */
  investment_qualifier: InvestmentQualifier | null;
  lon: number;
  lat: number;
  location_precision: Precision;
  /**
   * One or more sources separated by " | ": seed file names (e.g. 001_6782f79395f3aab1.txt)
   * or http(s) URLs. The source of the investment figure comes first when there is one.
   */
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
  'investment_qualifier',
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
  /** How complete the city's park layer is: only a complete one is rated against thresholds. */
  green_data: GreenData;
}

/**
 * complete: the park layer holds the city's parks as real outlines; partial: some real outlines,
 * known parks missing; schematic: only schematic circles of a few named parks; none: no parks.
 */
export const GREEN_DATA_STATUSES = ['complete', 'partial', 'schematic', 'none'] as const;
export type GreenDataStatus = (typeof GREEN_DATA_STATUSES)[number];

export interface GreenData {
  status: GreenDataStatus;
  /** The city's features in the park layer when this was assessed (data:check compares). */
  parks: number;
  /** What is missing (null only when complete). */
  missing: { en: string; zh: string } | null;
  /** How to add it (null only when complete). */
  how_to_add: { en: string; zh: string } | null;
  /** Where the assessment comes from: URLs, or files of data/ (`data/green_space.geojson`). */
  sources: string[];
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
