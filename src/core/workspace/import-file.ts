/**
 * Import of a user's file in the worker: the format registry reads it (CSV/TSV, GeoJSON, KML,
 * GPX, zipped Shapefile), coordinates go to WGS84, and the result comes back as GeoJSON for the
 * map with a row-level report. When a CSV's coordinate columns cannot be found, the headers and
 * a preview come back so the user can pick them. A workbook's sheets come back so the user can
 * choose another. A file with no usable row or feature is an error, never an empty layer.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Papa from 'papaparse';
import { say } from '../common/messages.ts';
import type { Problem } from '../common/problem.ts';
import { type Crs, loadFile } from '../formats/index.ts';
import { columnsBbox, type PointTable, pointTable, TABLE_MIN_POINTS } from './point-table.ts';

export interface ImportOptions {
  crs: Crs;
  onProgress?: (fraction: number, stage: string) => void;
  lonField?: string;
  latField?: string;
  /** Spreadsheet: the sheet to read (default: the first). */
  sheet?: string;
}

export interface ImportOutcome {
  format: string;
  kind: 'points' | 'features';
  data: FeatureCollection<Geometry>;
  /** The same GeoJSON as UTF-8 bytes (transferable), for the map to read in its own worker. */
  bytes: ArrayBuffer | null;
  /**
   * A big point file (TABLE_MIN_POINTS or more usable rows) as columns instead: `data` is then
   * empty and `bytes` null, so no GeoJSON object is made for its points.
   */
  table: PointTable | null;
  /** [minLon, minLat, maxLon, maxLat] of the layer, to show it after the import. */
  bbox: [number, number, number, number] | null;
  total: number;
  /**
   * Errors (rows or features left out), the first 500: structured problems, which the app words
   * in its language (formatProblem gives the CLI's English: "row 4, lat: out of range").
   */
  problems: Problem[];
  problemCount: number;
  /** Warnings: what was read differently from how it was written (a projection converted, an
   * encoding guessed, a ring closed); the rows concerned were kept. */
  notes: Problem[];
  /** Why nothing could be imported (null when a layer came out). */
  fatal: Problem | null;
  /** Set when a CSV's coordinate columns must be picked by the user. */
  pick: { columns: string[]; preview: string[][] } | null;
  /** Spreadsheet: every sheet of the workbook and the one read (null for other formats). */
  sheets: string[] | null;
  sheet: string | null;
}

const MAX_PROBLEMS = 500;

export async function importFile(
  buffer: ArrayBuffer,
  name: string,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const bytes = new Uint8Array(buffer);
  const r = await loadFile(bytes, name, {
    crs: options.crs,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.lonField ? { lonField: options.lonField } : {}),
    ...(options.latField ? { latField: options.latField } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
  });
  const base = {
    format: r.format,
    kind: r.kind,
    total: r.meta.total,
    problems: r.errors.slice(0, MAX_PROBLEMS),
    problemCount: r.errors.length,
    notes: r.warnings.slice(0, MAX_PROBLEMS),
    sheets: r.meta.sheets ?? null,
    sheet: r.meta.sheet ?? null,
  };
  if (r.fatal) {
    const columns = r.meta.columns;
    const noCoords =
      (r.format === 'csv' || r.format === 'xlsx') &&
      columns &&
      columns.length > 1 &&
      r.errors[0]?.field === 'header';
    let preview: string[][] = r.meta.preview ?? [];
    if (noCoords && !r.meta.preview) {
      const text = new TextDecoder().decode(bytes.subarray(0, 64_000));
      preview = Papa.parse<string[]>(text, { preview: 6, skipEmptyLines: true }).data.slice(1);
    }
    return {
      ...base,
      data: { type: 'FeatureCollection', features: [] },
      bytes: null,
      table: null,
      bbox: null,
      fatal: r.errors[0] ?? say('import_unreadable'),
      pick: noCoords ? { columns, preview } : null,
    };
  }
  if (r.kind === 'points' && r.points && r.points.lons.length >= TABLE_MIN_POINTS) {
    options.onProgress?.(0.97, 'preparing the map layer');
    const table = pointTable(r.points, r.meta.columns ?? []);
    return {
      ...base,
      data: { type: 'FeatureCollection', features: [] },
      bytes: null,
      table,
      bbox: table.bbox,
      fatal: null,
      pick: null,
    };
  }
  let features: Feature<Geometry>[];
  if (r.kind === 'points' && r.points) {
    const p = r.points;
    features = Array.from({ length: p.lons.length }, (_, i) => ({
      type: 'Feature',
      id: i,
      properties: { ...p.properties[i], __row: p.rows[i] },
      geometry: { type: 'Point', coordinates: [p.lons[i] as number, p.lats[i] as number] },
    }));
  } else {
    features = (r.features?.features ?? []).filter(
      (f): f is Feature<Geometry> => f.geometry !== null,
    );
  }
  if (features.length === 0) {
    // Nothing to show: an error with the file's problems, not a layer of nothing.
    const code = r.kind === 'points' ? 'import_no_usable_rows' : 'import_no_usable_features';
    const allBad = r.meta.total > 0 ? ', all with problems' : '';
    return {
      ...base,
      data: { type: 'FeatureCollection', features: [] },
      bytes: null,
      table: null,
      bbox: null,
      fatal: say(code, { total: r.meta.total, allBad }),
      pick: null,
    };
  }
  options.onProgress?.(0.97, 'preparing the map layer');
  const data: FeatureCollection<Geometry> = { type: 'FeatureCollection', features };
  const json = new TextEncoder().encode(JSON.stringify(data)).buffer as ArrayBuffer;
  return {
    ...base,
    data,
    bytes: json,
    table: null,
    bbox: featuresBbox(features),
    fatal: null,
    pick: null,
  };
}

/** [minLon, minLat, maxLon, maxLat] of features' coordinates (null when none). */
function featuresBbox(
  features: readonly Feature<Geometry>[],
): [number, number, number, number] | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      xs.push(c[0]);
      ys.push(c[1]);
    } else for (const d of c) walk(d);
  };
  for (const f of features) {
    const g = f.geometry;
    if (g.type === 'GeometryCollection')
      for (const p of g.geometries) 'coordinates' in p && walk(p.coordinates);
    else walk(g.coordinates);
  }
  return xs.length === 0 ? null : columnsBbox(Float64Array.from(xs), Float64Array.from(ys));
}
