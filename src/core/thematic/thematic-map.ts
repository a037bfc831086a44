/**
 * A thematic map from points: the values (per region or per hexagon), their classes, and the
 * GeoJSON the map draws, as a string (MapLibre parses a URL to it in its own worker, so thousands
 * of hexagons never pass through the page as objects). Each feature carries `id`, `v` (the value;
 * null = no data) and `c` (its class, -1 = no data). Pure: the worker calls it, and the tests.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { GridIndex } from '../analytics/grid-index.ts';
import { featureId } from '../analytics/ids.ts';
import type { FeatureIssue, FeaturesInput, PointSet } from '../analytics/types.ts';
import { columnsBbox } from '../workspace/point-table.ts';
import { type ChoroplethValue, choroplethValues, type Measure } from './choropleth-values.ts';
import { type Classes, type ClassMethod, classBreaks, classIndex } from './class-breaks.ts';
import {
  cellRing,
  type HexBins,
  hexBins,
  hexValues,
  MIN_RESOLUTION,
  resolutionForExtent,
} from './hex-bins.ts';

export interface ClassOptions {
  method: ClassMethod;
  classes: number;
}

/** Points as columns; `values` is the numeric column summed (NaN = not stated). */
export interface ThematicPoints {
  lons: Float64Array;
  lats: Float64Array;
  values?: Float64Array;
  /** Only these positions (a layer's filter). */
  indices?: Uint32Array;
}

export interface ChoroplethMap {
  values: ChoroplethValue[];
  classes: Classes;
  geojson: string;
  skippedRegions: FeatureIssue[];
  /** Points inside any region whose field is not stated (for the legend's note). */
  missing: number;
}

export interface HexagonMap {
  resolution: number;
  cells: number;
  classes: Classes;
  geojson: string;
  /** Largest value (for a heatmap's weights) and the points binned. */
  max: number;
  points: number;
  missing: number;
}

const FIELD = 'value';
const jsonNumber = (v: number) => (Number.isFinite(v) ? v : null);

/** The positions kept by `indices`, as plain columns (regionTotals reads every point it is given). */
function pointSet(p: ThematicPoints): PointSet {
  if (!p.indices)
    return { lons: p.lons, lats: p.lats, columns: p.values ? { [FIELD]: p.values } : {} };
  const n = p.indices.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = p.indices[k]!;
    lons[k] = p.lons[i]!;
    lats[k] = p.lats[i]!;
    values[k] = p.values ? p.values[i]! : Number.NaN;
  }
  return { lons, lats, columns: p.values ? { [FIELD]: values } : {} };
}

export function choroplethMap(
  regions: FeatureCollection,
  points: ThematicPoints,
  measure: Measure,
  opts: ClassOptions,
): ChoroplethMap {
  const set = pointSet(points);
  const r = choroplethValues(regions as FeaturesInput, set, measure, {
    ...(measure === 'sum' ? { field: FIELD } : {}),
    index: GridIndex.build(set.lons, set.lats),
  });
  const classes = classBreaks(
    r.values.map((v) => v.value),
    opts.method,
    opts.classes,
  );
  const byId = new Map(r.values.map((v) => [v.id, v]));
  const features: Feature[] = [];
  regions.features.forEach((f, i) => {
    const id = String(featureId(f, i));
    const v = byId.get(id);
    if (!v || !f.geometry) return;
    features.push({
      type: 'Feature',
      id,
      properties: {
        id,
        v: jsonNumber(v.value),
        c: classIndex(classes.classes, v.value),
        n: v.count,
        m: v.missing,
      },
      geometry: f.geometry as Geometry,
    });
  });
  return {
    values: r.values,
    classes,
    geojson: JSON.stringify({ type: 'FeatureCollection', features }),
    skippedRegions: r.skippedRegions,
    missing: r.values.reduce((s, v) => s + v.missing, 0),
  };
}

/** At most this many hexagons: a finer grid over the points' extent steps down a resolution. */
export const MAX_CELLS = 60_000;

/**
 * The points binned at `resolution`, or coarser when that would make more than `maxCells`
 * hexagons (each try bins the points themselves, so every count is exact at its resolution).
 */
export function binPoints(
  points: ThematicPoints,
  measure: Measure,
  resolution: number,
  maxCells = MAX_CELLS,
): HexBins {
  const opts = {
    ...(points.indices ? { indices: points.indices } : {}),
    ...(points.values && measure === 'sum' ? { weights: points.values } : {}),
  };
  let res = resolutionForExtent(columnsBbox(points.lons, points.lats), resolution, maxCells);
  for (;;) {
    const bins = hexBins(points.lons, points.lats, res, opts);
    if (bins.cells.length <= maxCells || bins.resolution <= MIN_RESOLUTION) return bins;
    res = bins.resolution - 1;
  }
}

/** Hexagons of one resolution, or their centres weighted 0..1 for a heatmap (`as: 'centres'`). */
export function hexagonMap(
  points: ThematicPoints,
  measure: Measure,
  resolution: number,
  opts: ClassOptions & { as?: 'hexagons' | 'centres'; maxCells?: number },
): HexagonMap {
  const bins = binPoints(points, measure, resolution, opts.maxCells);
  const values = hexValues(bins, measure);
  const classes = classBreaks(values, opts.method, opts.classes);
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const parts: string[] = [];
  for (let s = 0; s < bins.cells.length; s++) {
    const cell = bins.cells[s]!;
    const v = values[s]!;
    const ring = cellRing(cell);
    let geometry: string;
    if (opts.as === 'centres') {
      let x = 0;
      let y = 0;
      for (let k = 0; k < ring.length - 1; k++) {
        x += ring[k]![0];
        y += ring[k]![1];
      }
      const m = Math.max(1, ring.length - 1);
      geometry = `{"type":"Point","coordinates":[${x / m},${y / m}]}`;
    } else {
      geometry = `{"type":"Polygon","coordinates":[${JSON.stringify(ring)}]}`;
    }
    const w = max > 0 && Number.isFinite(v) ? v / max : 0;
    parts.push(
      `{"type":"Feature","id":${s},"properties":{"id":"${cell}","v":${jsonNumber(v)},"c":${classIndex(classes.classes, v)},"n":${bins.counts[s]},"w":${w}},"geometry":${geometry}}`,
    );
  }
  let missing = 0;
  for (const m of bins.missing) missing += m;
  return {
    resolution: bins.resolution,
    cells: bins.cells.length,
    classes,
    geojson: `{"type":"FeatureCollection","features":[${parts.join(',')}]}`,
    max,
    points: (points.indices ? points.indices.length : points.lons.length) - bins.skipped,
    missing,
  };
}
