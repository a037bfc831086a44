import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { MessageCode, MessageParams } from '../common/messages.ts';
import type { Problem } from '../common/problem.ts';

/** A feature or region identifier, as read by the id rule in `ids.ts`. */
export type FeatureId = string | number;

export type Ring = Position[];
export type PolygonCoords = Position[][];
export type MultiPolygonCoords = Position[][][];

/** [minLon, minLat, maxLon, maxLat] in degrees. */
export type BBox = [number, number, number, number];

/** GeoJSON features as a FeatureCollection or a plain array. Validated at run time. */
export type FeaturesInput =
  | FeatureCollection<Geometry | null>
  | ReadonlyArray<Feature<Geometry | null>>;

/**
 * Points as columns, the shape a Worker can receive as transferables.
 * - `lons`, `lats`: WGS84 degrees; NaN (or out of range) means "no location" and the row is skipped.
 * - `properties`: one record per point (optional), read for `sum`/`by`/population fields.
 * - `columns`: numeric columns by field name (optional; NaN = missing). Takes precedence over
 *   `properties` for that field, so a Worker need not ship objects for numeric fields.
 * - `rows`: the row number to report for each point (default: its position in the arrays).
 * - `ids`: the id to report for each point in `nearest` (default: properties.id, else its position).
 */
export interface PointSet {
  lons: Float64Array;
  lats: Float64Array;
  properties?: ReadonlyArray<Readonly<Record<string, unknown>> | null | undefined>;
  columns?: Readonly<Record<string, ArrayLike<number>>>;
  rows?: ArrayLike<number>;
  ids?: ArrayLike<FeatureId>;
}

/** A point row that could not be used, with the reason. */
export interface SkippedRow {
  row: number;
  reason: string;
  /** The reason's code and values (common/messages.ts), for the app's Chinese. */
  code?: MessageCode;
  params?: MessageParams;
}

/**
 * A feature that could not be used (or was repaired), with the reason: the one problem type
 * (common/problem.ts) with the feature's position (0-based) and id required.
 */
export type FeatureIssue = Problem & { feature: number; id: FeatureId };

/** Options shared by the operations that read polygon features. */
export interface IdOptions {
  /** Property holding the id (the contract's `--id-field`). */
  idField?: string;
}
