/**
 * A uniform grid over points, built by a counting sort (O(n), one pass to bin, one to place),
 * for "which points are inside this polygon" at scale.
 *
 * Query: the polygon's edges are rasterised onto the cells they touch (conservatively: a cell
 * an edge passes through, or touches within a hair, is a *boundary* cell). Every other cell lies
 * wholly inside or wholly outside, decided once by the exact test of its centre; all points of
 * an inside cell are taken without a test, and only points in boundary cells get the exact
 * point-in-polygon test. Results equal testing every point (the boundary counts as inside).
 */

import type { PreparedPolygon } from './point-in-polygon.ts';
import { isValidLonLat } from './point-index.ts';
import type { BBox } from './types.ts';

const MAX_CELLS_PER_AXIS = 4096;
/** Margin, in cell units, by which an edge also marks its neighbouring cells. */
const EPS = 1e-7;

export class GridIndex {
  /** Points per cell the grid aims for. */
  static readonly TARGET_PER_CELL = 16;

  private constructor(
    readonly minX: number,
    readonly minY: number,
    readonly cellW: number,
    readonly cellH: number,
    readonly nx: number,
    readonly ny: number,
    /** Cell c holds sorted points cellStart[c] .. cellStart[c + 1] - 1. */
    readonly cellStart: Uint32Array,
    /** Sorted point -> input position. */
    readonly order: Uint32Array,
    readonly xs: Float64Array,
    readonly ys: Float64Array,
    /** Input positions whose coordinates were missing, NaN or out of range. */
    readonly invalid: Uint32Array,
  ) {}

  get size(): number {
    return this.order.length;
  }

  get inputSize(): number {
    return this.order.length + this.invalid.length;
  }

  static build(lons: ArrayLike<number>, lats: ArrayLike<number>): GridIndex {
    if (lons.length !== lats.length) {
      throw new Error(`lons (${lons.length}) and lats (${lats.length}) differ in length`);
    }
    const n = lons.length;
    let valid = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = lons[i]!;
      const y = lats[i]!;
      if (!isValidLonLat(x, y)) continue;
      valid++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const w = valid ? maxX - minX : 0;
    const h = valid ? maxY - minY : 0;
    const cells = Math.max(1, Math.ceil(valid / GridIndex.TARGET_PER_CELL));
    const clamp = (v: number) => Math.min(MAX_CELLS_PER_AXIS, Math.max(1, v));
    let nx: number;
    let ny: number;
    if (w > 0 && h > 0) {
      nx = clamp(Math.round(Math.sqrt((cells * w) / h)));
      ny = clamp(Math.ceil(cells / nx));
    } else {
      nx = w > 0 ? clamp(cells) : 1;
      ny = h > 0 ? clamp(cells) : 1;
    }
    const cellW = w > 0 ? w / nx : 1;
    const cellH = h > 0 ? h / ny : 1;
    const cellOf = new Uint32Array(valid);
    const start = new Uint32Array(nx * ny + 1);
    const invalid = new Uint32Array(n - valid);
    let v = 0;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const x = lons[i]!;
      const y = lats[i]!;
      if (!isValidLonLat(x, y)) {
        invalid[bad++] = i;
        continue;
      }
      const ix = Math.min(nx - 1, Math.floor((x - minX) / cellW));
      const iy = Math.min(ny - 1, Math.floor((y - minY) / cellH));
      const c = iy * nx + ix;
      cellOf[v++] = c;
      start[c + 1]!++;
    }
    for (let c = 0; c < nx * ny; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, nx * ny);
    const order = new Uint32Array(valid);
    const xs = new Float64Array(valid);
    const ys = new Float64Array(valid);
    v = 0;
    for (let i = 0; i < n; i++) {
      const x = lons[i]!;
      const y = lats[i]!;
      if (!isValidLonLat(x, y)) continue;
      const k = fill[cellOf[v++]!]!++;
      order[k] = i;
      xs[k] = x;
      ys[k] = y;
    }
    return new GridIndex(
      valid ? minX : 0,
      valid ? minY : 0,
      cellW,
      cellH,
      nx,
      ny,
      start,
      order,
      xs,
      ys,
      invalid,
    );
  }

  /** Calls `visit(inputPosition)` for every point inside `polygon` or on its boundary. */
  visitInside(polygon: PreparedPolygon, visit: (i: number) => void): void {
    if (this.order.length === 0 || polygon.isEmpty) return;
    const b: BBox = polygon.bbox;
    const col = (x: number) => (x - this.minX) / this.cellW;
    const row = (y: number) => (y - this.minY) / this.cellH;
    const ix0 = Math.max(0, Math.floor(col(b[0]) - EPS));
    const iy0 = Math.max(0, Math.floor(row(b[1]) - EPS));
    const ix1 = Math.min(this.nx - 1, Math.floor(col(b[2]) + EPS));
    const iy1 = Math.min(this.ny - 1, Math.floor(row(b[3]) + EPS));
    if (ix0 > ix1 || iy0 > iy1) return;
    const W = ix1 - ix0 + 1;
    const boundary = new Uint8Array(W * (iy1 - iy0 + 1));
    const mark = (cx: number, r0: number, r1: number) => {
      if (cx < ix0 || cx > ix1) return;
      const a = Math.max(iy0, Math.floor(Math.min(r0, r1) - EPS));
      const z = Math.min(iy1, Math.floor(Math.max(r0, r1) + EPS));
      for (let r = a; r <= z; r++) boundary[(r - iy0) * W + (cx - ix0)] = 1;
    };
    polygon.forEachSegment((x1, y1, x2, y2) => {
      // Column by column: the rows the edge spans within each column it crosses.
      const u1 = col(x1);
      const u2 = col(x2);
      const v1 = row(y1);
      const v2 = row(y2);
      const c0 = Math.floor(Math.min(u1, u2) - EPS);
      const c1 = Math.floor(Math.max(u1, u2) + EPS);
      if (c0 === c1 || u1 === u2) {
        for (let c = c0; c <= c1; c++) mark(c, v1, v2);
        return;
      }
      const slope = (v2 - v1) / (u2 - u1);
      for (let c = Math.max(c0, ix0); c <= Math.min(c1, ix1); c++) {
        const ua = Math.max(Math.min(u1, u2), c - EPS);
        const ub = Math.min(Math.max(u1, u2), c + 1 + EPS);
        mark(c, v1 + (ua - u1) * slope, v1 + (ub - u1) * slope);
      }
    });
    const { cellStart, order, xs, ys } = this;
    for (let iy = iy0; iy <= iy1; iy++) {
      for (let ix = ix0; ix <= ix1; ix++) {
        const c = iy * this.nx + ix;
        const s = cellStart[c]!;
        const e = cellStart[c + 1]!;
        if (s === e) continue;
        if (boundary[(iy - iy0) * W + (ix - ix0)]) {
          for (let k = s; k < e; k++) if (polygon.contains(xs[k]!, ys[k]!)) visit(order[k]!);
        } else if (
          polygon.contains(this.minX + (ix + 0.5) * this.cellW, this.minY + (iy + 0.5) * this.cellH)
        ) {
          for (let k = s; k < e; k++) visit(order[k]!);
        }
      }
    }
  }
}
