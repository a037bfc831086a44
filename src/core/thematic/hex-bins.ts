/**
 * Points binned into H3 hexagons (Uber's hierarchical hexagonal grid, through `h3-js`, the
 * reference implementation): per cell the points inside, the sum of a numeric column over the
 * points that state it, and how many leave it blank. One pass over typed arrays, so a million
 * points of an imported layer bin in the worker without objects per point. Pure.
 */
import { cellToBoundary, getHexagonAreaAvg, latLngToCell } from 'h3-js';
import { polygonArea } from '../analytics/area.ts';
import type { Measure } from './choropleth-values.ts';
import { clampResolution, MIN_RESOLUTION } from './hex-resolution.ts';

export {
  clampResolution,
  MAX_RESOLUTION,
  MIN_RESOLUTION,
  resolutionForZoom,
} from './hex-resolution.ts';

export interface HexBins {
  resolution: number;
  /** H3 cell ids, in order of first appearance. */
  cells: string[];
  counts: Float64Array;
  /** Sum of the weight column over the points of each cell that state it (0 without weights). */
  sums: Float64Array;
  /** Points of each cell whose weight is NaN (not stated). */
  missing: Float64Array;
  /** Points left out: no usable coordinates. */
  skipped: number;
}

export interface HexBinOptions {
  /** Only these points (positions into lons/lats), e.g. those passing a layer's filter. */
  indices?: ArrayLike<number>;
  /** A numeric column (NaN = not stated) summed per cell. */
  weights?: ArrayLike<number>;
}

export function hexBins(
  lons: ArrayLike<number>,
  lats: ArrayLike<number>,
  resolution: number,
  options: HexBinOptions = {},
): HexBins {
  const res = clampResolution(resolution);
  const { indices, weights } = options;
  const n = indices ? indices.length : lons.length;
  const slot = new Map<string, number>();
  const cells: string[] = [];
  let counts = new Float64Array(1024);
  let sums = new Float64Array(1024);
  let missing = new Float64Array(1024);
  let skipped = 0;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k]! : k;
    const lon = lons[i]!;
    const lat = lats[i]!;
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      skipped++;
      continue;
    }
    const cell = latLngToCell(lat, lon, res);
    let s = slot.get(cell);
    if (s === undefined) {
      s = cells.length;
      slot.set(cell, s);
      cells.push(cell);
      if (s === counts.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        counts = grow(counts);
        sums = grow(sums);
        missing = grow(missing);
      }
    }
    counts[s]!++;
    if (weights) {
      const w = weights[i]!;
      if (Number.isFinite(w)) sums[s]! += w;
      else missing[s]!++;
    }
  }
  const m = cells.length;
  return {
    resolution: res,
    cells,
    counts: counts.slice(0, m),
    sums: sums.slice(0, m),
    missing: missing.slice(0, m),
    skipped,
  };
}

/**
 * The finest resolution, at most `resolution`, whose hexagons over the points' bounding box
 * number at most `maxCells` (bbox area / average hexagon area: an upper bound on the cells the
 * points can fill, up to the cells cut by the box's edge), so a fine grid is never built for a
 * wide layer only to be thrown away.
 */
export function resolutionForExtent(
  bbox: readonly [number, number, number, number],
  resolution: number,
  maxCells: number,
): number {
  const [w, s, e, n] = bbox;
  const area = polygonArea([
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ]);
  let res = clampResolution(resolution);
  while (res > MIN_RESOLUTION && area / getHexagonAreaAvg(res, 'm2') > maxCells) res--;
  return res;
}

/** A cell's outline as a closed GeoJSON ring ([lon, lat], counter-clockwise). */
export function cellRing(cell: string): [number, number][] {
  return cellToBoundary(cell, true) as [number, number][];
}

/** A cell's area on the WGS84 ellipsoid (m²), as every other area in the atlas is measured. */
export function cellAreaM2(cell: string): number {
  return polygonArea([cellRing(cell)]);
}

/**
 * What the map colours per cell: points, the sum (NaN when every point inside leaves the column
 * blank: no data, never 0), or points per km² of the cell's ellipsoidal area.
 */
export function hexValues(bins: HexBins, measure: Measure): Float64Array {
  const out = new Float64Array(bins.cells.length);
  for (let s = 0; s < out.length; s++) {
    const count = bins.counts[s]!;
    if (measure === 'count') out[s] = count;
    else if (measure === 'density') out[s] = count / (cellAreaM2(bins.cells[s]!) / 1e6);
    else out[s] = bins.missing[s] === count ? Number.NaN : bins.sums[s]!;
  }
  return out;
}
