/**
 * The k nearest targets (lines, polygons, points of any geometry) to a point by exact geodesic
 * distance: 0 inside a polygon (boundary included), else to the nearest edge or point.
 *
 * One Flatbush over every edge of every target. A query searches a box that surely holds every
 * edge within a radius R, ranks the edges found by a lower bound on their geodesic distance, and
 * measures exactly (segment-distance.ts) only those whose bound is not above the best distance
 * found so far (the k-th best target, or the edge's own target's best). R grows until the k-th
 * best is within it. The bound is the straight 3-D distance (ECEF) from the point to the edge's
 * chord, less the chord's sagitta: no path on the ellipsoid is shorter than the straight line,
 * and a geodesic of length L, whose curvature never exceeds 1/(b²/a), stays within L²/(8·b²/a) of
 * its chord. So an edge is skipped only when it cannot be (or tie) the answer, and the result is
 * the same double a measurement of every edge gives (test/unit/analytics/nearest-fast.test.ts).
 */
import Flatbush from 'flatbush';
import type { Geometry, Position } from 'geojson';
import { QueryCache } from './edge-query-cache.ts';
import { expandBBox } from './item-index.ts';
import { PreparedPolygon } from './point-in-polygon.ts';
import {
  ecef,
  type GeodesicLine,
  LocalFrame,
  MIN_RADIUS,
  segmentDistance,
} from './segment-distance.ts';
import { segmentIndex } from './segment-index.ts';
import { shapeParts } from './shape-parts.ts';
import type { BBox } from './types.ts';

export interface EdgeHit {
  /** The target's number, as given to the builder. */
  target: number;
  /** Geodesic distance (m). */
  d: number;
}

/** Past this many edges the geodesic lines are not kept between queries (memory). */
const LINE_CACHE_LIMIT = 500_000;
/** A box of this radius (m) covers the whole ellipsoid. */
const WHOLE_EARTH = 2.1e7;
const DEG = Math.PI / 180;

class Builder {
  ll: number[] = [];
  verts: number[] = [];
  vertexLL: number[] = [];
  targets: number[] = [];
  addVertex(p: Position): number {
    this.vertexLL.push(p[0]!, p[1]!);
    return this.vertexLL.length / 2 - 1;
  }
  addSegment(target: number, a: Position, b: Position, va: number, vb: number): void {
    this.ll.push(a[0]!, a[1]!, b[0]!, b[1]!);
    this.verts.push(va, vb);
    this.targets.push(target);
  }
}

export class EdgeIndex {
  /** Edges (a lone point is an edge from itself to itself). */
  readonly count: number;
  /** @internal */
  readonly ll: Float64Array;
  /** @internal */
  readonly xyz: Float64Array;
  private readonly sag: Float64Array;
  /** @internal */
  readonly verts: Uint32Array;
  private readonly target: Uint32Array;
  /** @internal */
  readonly vertexLL: Float64Array;
  private readonly tree: Flatbush | null;
  private readonly areas: Array<{ target: number; polygon: PreparedPolygon }> = [];
  private readonly areaTree: Flatbush | null;
  /** @internal */
  readonly lines: Array<GeodesicLine | undefined> | null;
  // Per-query scratch, stamped so nothing is cleared between queries.
  private stamp = 0;
  private readonly best: Float64Array;
  private readonly bestStamp: Uint32Array;
  /** @internal */
  readonly vertexD: Float64Array;
  /** @internal */
  readonly vertexStamp: Uint32Array;
  private readonly segStamp: Uint32Array;
  /** @internal */
  readonly frame = new LocalFrame(0, 0);
  private readonly cache: QueryCache;
  private ids = new Uint32Array(64);
  private lbs = new Float64Array(64);
  /** A starting search radius (m), from the answers to earlier queries. */
  private guess = 0;
  /** Side (degrees) of the cells queries are grouped by: about half the targets' spacing. */
  private readonly cell: number;
  private last: Cell | null = null;

  constructor(shapes: ReadonlyArray<{ target: number; geometry: Geometry }>, targets: number) {
    const b = new Builder();
    const areaBoxes: BBox[] = [];
    for (const { target, geometry } of shapes) {
      const parts = shapeParts(geometry);
      for (const line of parts.lines) {
        let prev = -1;
        let first = -1;
        const last = line.length - 1;
        const closed = last > 0 && line[0]![0] === line[last]![0] && line[0]![1] === line[last]![1];
        for (let i = 0; i < line.length; i++) {
          // A closed ring's last vertex is its first: one vertex, measured once per query.
          const v = i === last && closed ? first : b.addVertex(line[i]!);
          if (i === 0) first = v;
          if (i > 0) b.addSegment(target, line[i - 1]!, line[i]!, prev, v);
          prev = v;
        }
        if (line.length === 1) b.addSegment(target, line[0]!, line[0]!, prev, prev);
      }
      for (const p of parts.points) {
        const v = b.addVertex(p);
        b.addSegment(target, p, p, v, v);
      }
      if (parts.polygons.length > 0) {
        const polygon = new PreparedPolygon(parts.polygons);
        if (!polygon.isEmpty) {
          this.areas.push({ target, polygon });
          areaBoxes.push(polygon.bbox);
        }
      }
    }
    const n = b.targets.length;
    this.count = n;
    this.ll = Float64Array.from(b.ll);
    this.verts = Uint32Array.from(b.verts);
    this.target = Uint32Array.from(b.targets);
    this.vertexLL = Float64Array.from(b.vertexLL);
    this.xyz = new Float64Array(n * 6);
    this.sag = new Float64Array(n);
    const padLat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const [lon1, lat1, lon2, lat2] = this.ll.subarray(4 * i, 4 * i + 4) as unknown as number[];
      ecef(lon1!, lat1!, this.xyz, 6 * i);
      ecef(lon2!, lat2!, this.xyz, 6 * i + 3);
      const x = this.xyz;
      const L = Math.hypot(
        x[6 * i + 3]! - x[6 * i]!,
        x[6 * i + 4]! - x[6 * i + 1]!,
        x[6 * i + 5]! - x[6 * i + 2]!,
      );
      // Arc ≤ 1.01 × chord below 2,000 km; past that the bound falls back to the half length.
      const arc = L * 1.01;
      this.sag[i] = L < 2e6 ? (arc * arc) / (8 * MIN_RADIUS) + 1e-6 : arc / 2;
      // A geodesic keeps within its endpoints' longitudes but bulges poleward: ≲ L²·tanφ/8R.
      const maxLat = Math.min(89.9, Math.max(Math.abs(lat1!), Math.abs(lat2!)));
      const bulge = Math.min(arc / 2, this.sag[i]! * (1 + Math.tan(maxLat * DEG)) * 2);
      padLat[i] = (bulge / 110_574) * 1.01;
    }
    this.tree = n > 0 ? segmentIndex(this.ll, n, padLat) : null;
    this.areaTree = areaBoxes.length > 0 ? new Flatbush(areaBoxes.length) : null;
    for (const box of areaBoxes) this.areaTree!.add(box[0], box[1], box[2], box[3]);
    this.areaTree?.finish();
    this.lines = n <= LINE_CACHE_LIMIT ? new Array(n) : null;
    this.best = new Float64Array(targets);
    this.bestStamp = new Uint32Array(targets);
    this.vertexD = new Float64Array(this.vertexLL.length / 2);
    this.vertexStamp = new Uint32Array(this.vertexLL.length / 2);
    this.segStamp = new Uint32Array(n);
    this.cache = new QueryCache(this);
    const ext = this.tree
      ? [this.tree.minX, this.tree.minY, this.tree.maxX, this.tree.maxY]
      : [0, 0, 1, 1];
    const spacing = Math.sqrt(((ext[2]! - ext[0]!) * (ext[3]! - ext[1]!)) / Math.max(1, targets));
    this.cell = Math.min(1, Math.max(1e-4, spacing / 2));
  }

  /** Lower bound (m) on the geodesic distance from the frame's point to edge i. */
  private bound(i: number): number {
    const p = this.frame.p;
    const x = this.xyz;
    const o = 6 * i;
    const ax = x[o]! - p[0]!;
    const ay = x[o + 1]! - p[1]!;
    const az = x[o + 2]! - p[2]!;
    const dx = x[o + 3]! - x[o]!;
    const dy = x[o + 4]! - x[o + 1]!;
    const dz = x[o + 5]! - x[o + 2]!;
    const len2 = dx * dx + dy * dy + dz * dz;
    let t = len2 > 0 ? -(ax * dx + ay * dy + az * dz) / len2 : 0;
    t = t < 0 ? 0 : Math.min(t, 1);
    const cx = ax + t * dx;
    const cy = ay + t * dy;
    const cz = az + t * dz;
    return Math.sqrt(cx * cx + cy * cy + cz * cz) - this.sag[i]!;
  }

  /**
   * Positions of the given points in the order to query them: cell by cell, so consecutive
   * queries share one box search (see `nearest`). Any order gives the same answers.
   */
  queryOrder(lons: ArrayLike<number>, lats: ArrayLike<number>, positions: number[]): Uint32Array {
    const n = lons.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const i of positions) {
      minX = Math.min(minX, Math.floor(lons[i]! / this.cell));
      maxX = Math.max(maxX, Math.floor(lons[i]! / this.cell));
      minY = Math.min(minY, Math.floor(lats[i]! / this.cell));
      maxY = Math.max(maxY, Math.floor(lats[i]! / this.cell));
    }
    const nx = maxX - minX + 1;
    const ny = maxY - minY + 1;
    const m = positions.length;
    const packed = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      const i = positions[j]!;
      const key =
        (Math.floor(lats[i]! / this.cell) - minY) * nx + Math.floor(lons[i]! / this.cell) - minX;
      packed[j] = key * n + i;
    }
    const out = new Uint32Array(m);
    if (!(nx * ny * n < 2 ** 52)) {
      out.set(positions); // a grid too large to pack: keep the input order
      return out;
    }
    packed.sort();
    for (let j = 0; j < m; j++) out[j] = packed[j]! % n;
    return out;
  }

  /** The k nearest targets within maxDistance, nearest first (ties: lower target first). */
  nearest(lon: number, lat: number, k: number, maxDistance = Infinity): EdgeHit[] {
    const stamp = ++this.stamp;
    this.frame.set(lon, lat);
    this.cache.stamp = stamp;
    const top: EdgeHit[] = [];
    const cell = this.cellAt(lon, lat, k);
    for (const j of cell.areas) {
      const a = this.areas[j]!;
      if (a.polygon.contains(lon, lat)) this.offer(top, k, stamp, a.target, 0);
    }
    const tree = this.tree;
    if (!tree) return top;
    // First the cell's edges: complete for every point of the cell up to cell.r.
    let rq = Math.min(cell.r, maxDistance);
    let found = cell.found;
    for (;;) {
      this.visit(found, rq, top, k, stamp);
      const kth = top.length < k ? Infinity : top[k - 1]!.d;
      if (kth <= rq || rq >= maxDistance || rq >= WHOLE_EARTH) break;
      rq = Math.min(Number.isFinite(kth) ? kth : Math.max(4 * rq, 1), maxDistance);
      found = searchBox(tree, queryBox([lon, lat, lon, lat], rq));
    }
    const kth = top[top.length - 1]?.d ?? 0;
    // Later cells search about this far (one box search usually settles a query).
    if (top.length === k && kth > 0) {
      this.guess = this.guess > 0 ? 0.9 * this.guess + 0.1 * (2 * kth) : 2 * kth;
    }
    const worst = top[top.length - 1];
    return !worst || worst.d <= maxDistance ? top : top.filter((h) => h.d <= maxDistance);
  }

  /** The query's cell: its polygons and the edges within `r` of it (kept for the next query). */
  private cellAt(lon: number, lat: number, k: number): Cell {
    const cx = Math.floor(lon / this.cell);
    const cy = Math.floor(lat / this.cell);
    const last = this.last;
    if (last && last.cx === cx && last.cy === cy && last.k === k) return last;
    const box: BBox = [cx * this.cell, cy * this.cell, (cx + 1) * this.cell, (cy + 1) * this.cell];
    let r = this.guess;
    if (!(r > 0) && this.tree) {
      for (const i of this.tree.neighbors(lon, lat, k)) r = Math.max(r, this.bound(i));
      r = r * 1.02 + 1;
    }
    const next: Cell = {
      cx,
      cy,
      k,
      r,
      found: this.tree ? searchBox(this.tree, queryBox(box, r)) : [],
      areas: this.areaTree ? this.areaTree.search(box[0], box[1], box[2], box[3]) : [],
    };
    this.last = next;
    return next;
  }

  /** Measures, in order of their bound, the edges found that may still change the top k. */
  private visit(found: number[], rq: number, top: EdgeHit[], k: number, stamp: number): void {
    if (this.ids.length < found.length) {
      this.ids = new Uint32Array(found.length * 2);
      this.lbs = new Float64Array(found.length * 2);
    }
    const { ids, lbs } = this;
    let m = 0;
    for (const i of found) {
      const lb = this.bound(i);
      if (lb <= rq && this.segStamp[i] !== stamp) {
        ids[m] = i;
        lbs[m++] = lb;
      }
    }
    // Smallest bound first, by selection: only the few that are measured are ever picked.
    for (;;) {
      let pick = -1;
      let lb = Infinity;
      for (let j = 0; j < m; j++) {
        if (lbs[j]! < lb) {
          lb = lbs[j]!;
          pick = j;
        }
      }
      if (pick < 0 || (top.length === k && lb > top[k - 1]!.d)) break;
      lbs[pick] = Infinity;
      const i = ids[pick]!;
      const t = this.target[i]!;
      const own = this.bestStamp[t] === stamp ? this.best[t]! : Infinity;
      if (lb > own) continue;
      this.segStamp[i] = stamp;
      this.cache.segment = i;
      this.cache.limit = Math.min(own, top.length === k ? top[k - 1]!.d : Infinity);
      const d =
        this.verts[2 * i] === this.verts[2 * i + 1]
          ? this.cache.vertex(0)
          : segmentDistance(this.frame, this.xyz, 6 * i, this.ll, 4 * i, this.cache);
      this.offer(top, k, stamp, t, d);
    }
  }

  /** Records distance d to target t, keeping `top` the k best, sorted. */
  private offer(top: EdgeHit[], k: number, stamp: number, t: number, d: number): void {
    if (this.bestStamp[t] === stamp && !(d < this.best[t]!)) return;
    this.best[t] = d;
    this.bestStamp[t] = stamp;
    const at = top.findIndex((h) => h.target === t);
    if (at >= 0) top[at]!.d = d;
    else if (top.length < k) top.push({ target: t, d });
    else {
      const last = top[k - 1]!;
      if (d > last.d || (d === last.d && t > last.target)) return;
      top[k - 1] = { target: t, d };
    }
    if (top.length > 1) top.sort((a, b) => a.d - b.d || a.target - b.target);
  }
}

interface Cell {
  cx: number;
  cy: number;
  k: number;
  /** Every edge within r metres of any point of the cell is in `found`. */
  r: number;
  found: number[];
  /** Polygons whose bbox meets the cell. */
  areas: number[];
}

/** The lon/lat box surely holding every point within rq metres of `bbox`. */
function queryBox(bbox: BBox, rq: number): [number, number, number, number] {
  const box = expandBBox(bbox, rq);
  if (box[1] <= -89 || box[3] >= 89) [box[0], box[2]] = [-180, 180]; // near a pole
  return box;
}

/** The items whose box meets `box`, which may run past ±180° (searched again on the other side). */
function searchBox(tree: Flatbush, box: [number, number, number, number]): number[] {
  const [x0, y0, x1, y1] = box;
  if (x1 - x0 >= 360) return tree.search(-180, y0, 180, y1);
  const found = tree.search(x0, y0, x1, y1);
  if (x0 < -180) found.push(...tree.search(x0 + 360, y0, 180, y1));
  if (x1 > 180) found.push(...tree.search(-180, y0, x1 - 360, y1));
  return found;
}
