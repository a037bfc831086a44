/**
 * Types shared by the file-format loaders. Loaders are pure (no fs, no DOM globals required):
 * bytes or text in, a typed result out. They never throw on bad content: problems are returned as
 * `errors` (a row/feature that was dropped, or the whole file when `fatal`) and `warnings` (kept,
 * but worth knowing).
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { FeatureId } from '../analytics/types.ts';
import type { Problem } from '../common/problem.ts';

/** Datum of the input coordinates; everything is converted to WGS84. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export const CRS_VALUES: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

/**
 * One problem. `row` is the 1-based data row of a table (the first row after the header is 1);
 * `feature` is the 0-based position of a feature in its collection. `field` names the column,
 * property or part (`geometry`, `json`, `header`, `xml`, `zip`...). `line`/`column` locate a
 * syntax error in a text file. The one problem type (common/problem.ts) with `field` required.
 */
export type FormatIssue = Problem & { field: string };

/** Points as columns (compatible with the analytics' `PointSet`), bad rows already left out. */
export interface PointColumns {
  lons: Float64Array;
  lats: Float64Array;
  /** One record per point: the row's values by header (CSV values stay strings). */
  properties: Array<Record<string, unknown>>;
  /** The 1-based data row of each point in the file. */
  rows: Uint32Array;
  /** The id of each point (id column when present, else the row number). */
  ids: FeatureId[];
}

export interface LoadMeta {
  /** Text encoding detected (`utf-8`, `utf-8-bom`, `gb18030`, `utf-16le`...). */
  encoding?: string;
  /** CSV delimiter used. */
  delimiter?: string;
  /** CSV headers, as written (trimmed). */
  columns?: string[];
  lonField?: string;
  latField?: string;
  wktField?: string;
  /** Data rows (CSV) or features (others) read, including the ones with errors. */
  total: number;
  /** Datum the coordinates were converted from. */
  crs: Crs;
  /** Shapefile layers found in the zip. */
  layers?: string[];
  /** Spreadsheet: every sheet of the workbook, in order, and the one that was read. */
  sheets?: string[];
  sheet?: string;
  /** Tables: the 1-based line (or sheet row) of the header, when blank lines came before it. */
  headerLine?: number;
  /** Tables without coordinate columns: the first data rows, for the user to pick the columns. */
  preview?: string[][];
}

export interface LoadResult {
  /** Id of the format that read the file (`csv`, `geojson`, `kml`, `gpx`, `shapefile`). */
  format: string;
  kind: 'points' | 'features';
  /** For `kind: 'points'`: the usable rows. */
  points?: PointColumns;
  /**
   * For `kind: 'features'`: every feature of the file, in file order, WGS84. Features listed in
   * `errors` (null or invalid geometry) are kept here so that positions match the file; use
   * `usableFeatures` to drop them.
   */
  features?: FeatureCollection<Geometry | null>;
  errors: FormatIssue[];
  warnings: FormatIssue[];
  /** True when nothing could be read (malformed JSON, no coordinate columns, not a zip...). */
  fatal: boolean;
  meta: LoadMeta;
}

/** The standard DOMParser interface (the browser's, or @xmldom/xmldom's). */
export interface XmlParser {
  parseFromString(text: string, mimeType: string): unknown;
}

export interface LoadOptions {
  /** Datum of the input (default wgs84). */
  crs?: Crs;
  /** Column/property holding point ids (the contract's `--id-field`). */
  idField?: string;
  /** Called as the work advances (0..1) with what is being done; for a progress bar. */
  onProgress?: (fraction: number, stage: string) => void;
  /** CSV: the longitude / latitude columns to use instead of detecting them by header. */
  lonField?: string;
  latField?: string;
  /** Spreadsheet: the sheet to read (default: the first). */
  sheet?: string;
  /** XML parser for KML/GPX (default: the global DOMParser, else @xmldom/xmldom). */
  xmlParser?: XmlParser;
}

export type Bytes = Uint8Array | ArrayBuffer | string;

export interface FormatLoader {
  id: string;
  /** Lower-case file extensions, with the dot. */
  extensions: readonly string[];
  /** True when the content looks like this format (used when the extension is unknown). */
  sniff?(bytes: Uint8Array, name: string): boolean;
  load(bytes: Bytes, name: string, options?: LoadOptions): LoadResult | Promise<LoadResult>;
}
