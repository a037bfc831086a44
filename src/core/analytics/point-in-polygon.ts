/**
 * Point-in-polygon with the boundary counted as inside.
 *
 * Method: crossing number (even-odd over all rings of a part) on a horizontal ray, decided with the
 * sign of the cross product (as in Hao et al.'s reliable test) rather than an intersection x. A
 * point is on the boundary when it lies in a segment's bounding box and the cross product is
 * exactly 0. Each segment is stored with its endpoints in a canonical (lexicographic) order, so
 * two regions sharing an edge compute bit-identical products: a point exactly on a shared edge
 * counts in both, and a point a hair off it counts in exactly one.
 *
 * Each part keeps a bbox and, when it has more than 32 segments, horizontal bands listing the
 * segments that span them, so a test touches only the segments around the point's latitude.
 * Coordinates are treated as planar lon/lat (edges are straight in lon/lat, which differs from a
 * geodesic edge by centimetres over a kilometre-long edge).
 */
import type { Geometry, Position } from 'geojson';
import type { BBox, MultiPolygonCoords } from './types.ts';

interface Part {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** x1, y1, x2, y2 per segment, endpoints in lexicographic order. */
  segs: Float64Array;
  count: number;
  bands: number;
  bandH: number;
  bandStart: Uint32Array | null;
  bandSegs: Uint32Array | null;
}

const MIN_SEGMENTS_FOR_BANDS = 32;

function buildPart(rings: ReadonlyArray<ReadonlyArray<Position>>): Part | null {
  let total = 0;
  for (const ring of rings) total += ring.length;
  const segs = new Float64Array(total * 4);
  let count = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    const n = ring.length;
    if (n < 2) continue;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % n]!;
      if (i === n - 1 && a[0] === ring[0]![0] && a[1] === ring[0]![1]) break;
      let x1 = a[0]!;
      let y1 = a[1]!;
      let x2 = b[0]!;
      let y2 = b[1]!;
      if (x1 > x2 || (x1 === x2 && y1 > y2)) {
        [x1, y1, x2, y2] = [x2, y2, x1, y1];
      }
      const o = count * 4;
      segs[o] = x1;
      segs[o + 1] = y1;
      segs[o + 2] = x2;
      segs[o + 3] = y2;
      count++;
      if (x1 < minX) minX = x1;
      if (x2 > maxX) maxX = x2;
      const lo = Math.min(y1, y2);
      const hi = Math.max(y1, y2);
      if (lo < minY) minY = lo;
      if (hi > maxY) maxY = hi;
    }
  }
  if (count === 0) return null;
  const part: Part = {
    minX,
    minY,
    maxX,
    maxY,
    segs,
    count,
    bands: 1,
    bandH: 0,
    bandStart: null,
    bandSegs: null,
  };
  if (count > MIN_SEGMENTS_FOR_BANDS && maxY > minY) buildBands(part);
  return part;
}

function bandOf(part: Part, y: number): number {
  const b = Math.floor((y - part.minY) / part.bandH);
  return b < 0 ? 0 : b >= part.bands ? part.bands - 1 : b;
}

function buildBands(part: Part): void {
  const bands = Math.min(4096, Math.max(1, Math.floor(part.count / 4)));
  part.bands = bands;
  part.bandH = (part.maxY - part.minY) / bands;
  const start = new Uint32Array(bands + 1);
  const { segs, count } = part;
  const range = (i: number): [number, number] => {
    const y1 = segs[i * 4 + 1]!;
    const y2 = segs[i * 4 + 3]!;
    return y1 < y2 ? [bandOf(part, y1), bandOf(part, y2)] : [bandOf(part, y2), bandOf(part, y1)];
  };
  for (let i = 0; i < count; i++) {
    const [b0, b1] = range(i);
    for (let b = b0; b <= b1; b++) start[b + 1]!++;
  }
  for (let b = 0; b < bands; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, bands);
  const refs = new Uint32Array(start[bands]!);
  for (let i = 0; i < count; i++) {
    const [b0, b1] = range(i);
    for (let b = b0; b <= b1; b++) refs[fill[b]!++] = i;
  }
  part.bandStart = start;
  part.bandSegs = refs;
}

/** -1: crossing, 0: boundary, 1: nothing (for one segment and a point). */
function testSegment(segs: Float64Array, i: number, x: number, y: number): number {
  const o = i * 4;
  const x1 = segs[o]!;
  const y1 = segs[o + 1]!;
  const x2 = segs[o + 2]!;
  const y2 = segs[o + 3]!;
  const loY = Math.min(y1, y2);
  const hiY = Math.max(y1, y2);
  if (y < loY || y > hiY) return 1;
  const cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
  if (cross === 0 && x >= x1 && x <= x2) return 0;
  if (y1 > y !== y2 > y) {
    if (y2 > y1 ? cross > 0 : cross < 0) return -1;
  }
  return 1;
}

function partContains(part: Part, x: number, y: number): boolean {
  if (x < part.minX || x > part.maxX || y < part.minY || y > part.maxY) return false;
  let inside = false;
  if (part.bandStart && part.bandSegs) {
    const b = bandOf(part, y);
    const end = part.bandStart[b + 1]!;
    for (let k = part.bandStart[b]!; k < end; k++) {
      const r = testSegment(part.segs, part.bandSegs[k]!, x, y);
      if (r === 0) return true;
      if (r < 0) inside = !inside;
    }
    return inside;
  }
  for (let i = 0; i < part.count; i++) {
    const r = testSegment(part.segs, i, x, y);
    if (r === 0) return true;
    if (r < 0) inside = !inside;
  }
  return inside;
}

/** A polygon or multipolygon prepared for many point-in-polygon tests. */
export class PreparedPolygon {
  readonly bbox: BBox;
  private readonly parts: Part[];

  constructor(coords: MultiPolygonCoords) {
    this.parts = [];
    for (const polygon of coords) {
      const part = buildPart(polygon);
      if (part) this.parts.push(part);
    }
    const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of this.parts) {
      bbox[0] = Math.min(bbox[0], p.minX);
      bbox[1] = Math.min(bbox[1], p.minY);
      bbox[2] = Math.max(bbox[2], p.maxX);
      bbox[3] = Math.max(bbox[3], p.maxY);
    }
    this.bbox = bbox;
  }

  /** Prepare a Polygon or MultiPolygon geometry (other types give an empty polygon). */
  static fromGeometry(geometry: Geometry | null | undefined): PreparedPolygon {
    if (geometry?.type === 'Polygon') return new PreparedPolygon([geometry.coordinates]);
    if (geometry?.type === 'MultiPolygon') return new PreparedPolygon(geometry.coordinates);
    return new PreparedPolygon([]);
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** Calls `fn` with every edge of every ring (x1, y1, x2, y2 in lon/lat). */
  forEachSegment(fn: (x1: number, y1: number, x2: number, y2: number) => void): void {
    for (const { segs, count } of this.parts) {
      for (let i = 0; i < count; i++) {
        const o = i * 4;
        fn(segs[o]!, segs[o + 1]!, segs[o + 2]!, segs[o + 3]!);
      }
    }
  }

  /** True when (lon, lat) is inside or on the boundary. */
  contains(lon: number, lat: number): boolean {
    const b = this.bbox;
    if (!(lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3])) return false;
    for (const part of this.parts) if (partContains(part, lon, lat)) return true;
    return false;
  }
}

/** One-off test (prepares the geometry each call: use `PreparedPolygon` for many points). */
export function pointInPolygon(point: Position, geometry: Geometry | null | undefined): boolean {
  return PreparedPolygon.fromGeometry(geometry).contains(point[0]!, point[1]!);
}
