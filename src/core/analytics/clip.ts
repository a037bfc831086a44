/**
 * Planar helpers on lon/lat coordinates used by the overlay engine: Sutherland–Hodgman clipping of
 * rings to a rectangle, shoelace areas (in square degrees, for comparisons only, never reported),
 * and thin wrappers over polyclip-ts (through union / intersect) on raw coordinates.
 *
 * Sutherland–Hodgman on a concave ring can leave zero-width "bridges" along the rectangle's edge.
 * They enclose no area, so areas stay exact, and polyclip-ts treats them as degenerate edges.
 */
import { featureCollection, multiPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Position } from 'geojson';
import type { BBox, MultiPolygonCoords } from './types.ts';

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** Signed shoelace area of a closed ring, in square degrees. */
export function planarRingArea(ring: ReadonlyArray<Position>): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

/** Planar area (square degrees) of a multipolygon: |outer| − Σ|holes| per polygon. */
export function planarArea(coords: MultiPolygonCoords): number {
  let total = 0;
  for (const polygon of coords) {
    let a = Math.abs(planarRingArea(polygon[0] ?? []));
    for (let i = 1; i < polygon.length; i++) a -= Math.abs(planarRingArea(polygon[i]!));
    total += a;
  }
  return total;
}

export function vertexCount(coords: MultiPolygonCoords): number {
  let n = 0;
  for (const polygon of coords) for (const ring of polygon) n += ring.length;
  return n;
}

type Inside = (p: Position) => boolean;
type Cut = (a: Position, b: Position) => Position;

function clipEdge(ring: Position[], inside: Inside, cut: Cut): Position[] {
  const out: Position[] = [];
  const n = ring.length;
  if (n === 0) return out;
  let prev = ring[n - 1]!;
  let prevIn = inside(prev);
  for (let i = 0; i < n; i++) {
    const cur = ring[i]!;
    const curIn = inside(cur);
    if (curIn) {
      if (!prevIn) out.push(cut(prev, cur));
      out.push(cur);
    } else if (prevIn) out.push(cut(prev, cur));
    prev = cur;
    prevIn = curIn;
  }
  return out;
}

const atX =
  (x: number): Cut =>
  (a, b) => [x, a[1]! + ((b[1]! - a[1]!) * (x - a[0]!)) / (b[0]! - a[0]!)];
const atY =
  (y: number): Cut =>
  (a, b) => [a[0]! + ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!), y];

/** Clip one closed ring to a rectangle; returns a closed ring or null when nothing is left. */
export function clipRing(ring: ReadonlyArray<Position>, b: BBox): Position[] | null {
  let pts = ring.slice(0, ring.length - 1);
  pts = clipEdge(pts, (p) => p[0]! >= b[0], atX(b[0]));
  pts = clipEdge(pts, (p) => p[0]! <= b[2], atX(b[2]));
  pts = clipEdge(pts, (p) => p[1]! >= b[1], atY(b[1]));
  pts = clipEdge(pts, (p) => p[1]! <= b[3], atY(b[3]));
  if (pts.length < 3) return null;
  pts.push(pts[0]!);
  return pts;
}

/**
 * Clip a multipolygon to a rectangle. Rings whose clipped area is below `minArea` square degrees
 * are dropped (a dropped outer ring drops its polygon).
 */
export function clipToBBox(coords: MultiPolygonCoords, b: BBox, minArea = 0): MultiPolygonCoords {
  const out: MultiPolygonCoords = [];
  for (const polygon of coords) {
    const outer = polygon[0];
    if (!outer) continue;
    const clippedOuter = clipRing(outer, b);
    if (!clippedOuter || Math.abs(planarRingArea(clippedOuter)) <= minArea) continue;
    const rings = [clippedOuter];
    for (let i = 1; i < polygon.length; i++) {
      const hole = clipRing(polygon[i]!, b);
      if (hole && Math.abs(planarRingArea(hole)) > minArea) rings.push(hole);
    }
    out.push(rings);
  }
  return out;
}

function toCoords(f: ReturnType<typeof union> | ReturnType<typeof intersect>): MultiPolygonCoords {
  if (!f) return [];
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Union of multipolygons (polyclip-ts). */
export function unionAll(list: ReadonlyArray<MultiPolygonCoords>): MultiPolygonCoords {
  const parts = list.filter((c) => c.length > 0);
  if (parts.length === 0) return [];
  if (parts.length === 1) return parts[0]!;
  return toCoords(union(featureCollection(parts.map((c) => multiPolygon(c)))));
}

/** Intersection of multipolygons (polyclip-ts); [] when any is empty. */
export function intersectAll(list: ReadonlyArray<MultiPolygonCoords>): MultiPolygonCoords {
  if (list.length === 0 || list.some((c) => c.length === 0)) return [];
  if (list.length === 1) return list[0]!;
  return toCoords(intersect(featureCollection(list.map((c) => multiPolygon(c)))));
}
