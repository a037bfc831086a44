/**
 * What the map draws for a big point layer (a table, core/workspace/point-table.ts): positions as
 * Float32 offsets from the layer's centre (deck.gl's lnglat-offsets: a few centimetres of error,
 * where absolute Float32 degrees lose about a metre), only for the points passing the filter.
 */
import type { PointTable } from '../../core/workspace/point-table.ts';

/** The colour of imported layers' points (#222255) at 200/255 opacity, as deck.gl takes it. */
export const BIG_POINTS_RGBA: [number, number, number, number] = [34, 34, 85, 200];

/** deck.gl layer ids: `big-points-<layer id>`. */
export const BIG_POINTS_PREFIX = 'big-points-';
export const bigPointsLayerId = (layerId: string) => `${BIG_POINTS_PREFIX}${layerId}`;

export interface DrawnPoints {
  origin: [number, number];
  /** x, y offsets in degrees from `origin`, two per point drawn. */
  positions: Float32Array;
  /** Point drawn k is row `index(k)` of the table. */
  index: (k: number) => number;
  length: number;
}

/** The positions to draw for the points at `indices` (every point when 'all'). */
export function drawnPoints(table: PointTable, indices: Uint32Array | 'all'): DrawnPoints {
  const [a, b, c, d] = table.bbox;
  const origin: [number, number] = [(a + c) / 2, (b + d) / 2];
  const n = indices === 'all' ? table.count : indices.length;
  const positions = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    const i = indices === 'all' ? k : indices[k]!;
    positions[2 * k] = table.lons[i]! - origin[0];
    positions[2 * k + 1] = table.lats[i]! - origin[1];
  }
  return {
    origin,
    positions,
    index: indices === 'all' ? (k) => k : (k) => indices[k] ?? -1,
    length: n,
  };
}

/**
 * The drawn point nearest to the screen position `at`, within `radius` px: its draw index (k,
 * with `d.index(k)` its row) and distance, or null. Only the first `length` drawn points count
 * (the timeline draws a prefix). Candidates are the points inside `box` (west, south, east,
 * north: the click's surroundings, unprojected), measured on screen with `project`. A scan of
 * the columns, a few ms for a million points: deck.gl's own picking draws every point again
 * and reads the pixels back, seconds per pointer move in software WebGL.
 */
export function nearestDrawn(
  d: DrawnPoints,
  length: number,
  box: [number, number, number, number],
  project: (lon: number, lat: number) => { x: number; y: number },
  at: { x: number; y: number },
  radius: number,
): { k: number; distance: number } | null {
  const [w, s, e, n] = box;
  const [ox, oy] = d.origin;
  let best: { k: number; distance: number } | null = null;
  const end = Math.min(length, d.length);
  for (let k = 0; k < end; k++) {
    const lon = ox + (d.positions[2 * k] as number);
    const lat = oy + (d.positions[2 * k + 1] as number);
    if (lon < w || lon > e || lat < s || lat > n) continue;
    const p = project(lon, lat);
    const distance = Math.hypot(p.x - at.x, p.y - at.y);
    if (distance <= radius && (!best || distance < best.distance)) best = { k, distance };
  }
  return best;
}
