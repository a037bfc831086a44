/**
 * Geodesic distances on WGS84 (GeographicLib Inverse).
 *
 * Point to segment (a geodesic between two vertices): segment-distance.ts (tangent-plane foot,
 * then Newton steps on the true geodesic; checked in the tests against dense sampling).
 * Point to many edges, and to whole geometries (0 inside a polygon): edge-index.ts, which
 * measures only the edges a lower bound cannot rule out and gives the same double as measuring
 * every edge.
 */
import type { Geometry, Position } from 'geojson';
import { EdgeIndex } from './edge-index.ts';
import { MASK, WGS84 } from './geodesic.ts';
import { ecef, freshCache, LocalFrame, segmentDistance } from './segment-distance.ts';
import { shapeParts } from './shape-parts.ts';
import type { BBox } from './types.ts';

/** Geodesic distance (m) between two lon/lat points. */
export function geodesicDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return WGS84.Inverse(lat1, lon1, lat2, lon2, MASK.DISTANCE).s12 ?? Number.NaN;
}

/** Geodesic distance (m) between two GeoJSON positions. */
export function distance(a: Position, b: Position): number {
  return geodesicDistance(a[0]!, a[1]!, b[0]!, b[1]!);
}

/** Geodesic distance (m) from (lon, lat) to the geodesic segment (lon1, lat1)-(lon2, lat2). */
export function pointToSegmentDistance(
  lon: number,
  lat: number,
  lon1: number,
  lat1: number,
  lon2: number,
  lat2: number,
): number {
  const frame = new LocalFrame(lon, lat);
  const ll = [lon1, lat1, lon2, lat2];
  const xyz = new Float64Array(6);
  ecef(lon1, lat1, xyz, 0);
  ecef(lon2, lat2, xyz, 3);
  return segmentDistance(frame, xyz, 0, ll, 0, freshCache(frame, ll, 0));
}

/** Segments (of rings or lines) prepared for repeated nearest-edge distance queries. */
export class EdgeSet {
  readonly bbox: BBox;
  readonly count: number;
  private readonly index: EdgeIndex;

  constructor(lines: ReadonlyArray<ReadonlyArray<Position>>) {
    const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    let count = 0;
    for (const line of lines) {
      count += Math.max(0, line.length - 1);
      for (const p of line) {
        bbox[0] = Math.min(bbox[0], p[0]!);
        bbox[1] = Math.min(bbox[1], p[1]!);
        bbox[2] = Math.max(bbox[2], p[0]!);
        bbox[3] = Math.max(bbox[3], p[1]!);
      }
    }
    this.bbox = bbox;
    this.count = count;
    const usable = lines.filter((l) => l.length >= 2).map((l) => [...l] as Position[]);
    this.index = new EdgeIndex(
      [{ target: 0, geometry: { type: 'MultiLineString', coordinates: usable } }],
      1,
    );
  }

  /** Geodesic distance (m) from (lon, lat) to the nearest segment; Infinity when empty. */
  distance(lon: number, lat: number): number {
    if (this.count === 0) return Infinity;
    return this.index.nearest(lon, lat, 1)[0]?.d ?? Infinity;
  }
}

/**
 * Any GeoJSON geometry prepared for distance queries: to a point, the geodesic distance; to a
 * line, to its nearest segment; to a polygon, 0 inside (boundary included), else to its nearest
 * edge (outer ring or hole).
 */
export class PreparedShape {
  readonly bbox: BBox;
  private readonly index: EdgeIndex;

  constructor(geometry: Geometry) {
    const { lines, points } = shapeParts(geometry);
    const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of [...lines.flat(), ...points]) {
      bbox[0] = Math.min(bbox[0], p[0]!);
      bbox[1] = Math.min(bbox[1], p[1]!);
      bbox[2] = Math.max(bbox[2], p[0]!);
      bbox[3] = Math.max(bbox[3], p[1]!);
    }
    this.bbox = bbox;
    this.index = new EdgeIndex([{ target: 0, geometry }], 1);
  }

  /** Geodesic distance (m) from (lon, lat); Infinity for an empty geometry. */
  distance(lon: number, lat: number): number {
    return this.index.nearest(lon, lat, 1)[0]?.d ?? Infinity;
  }
}

/** Geodesic distance (m) from a point to a geometry (0 inside a polygon). */
export function pointToGeometryDistance(point: Position, geometry: Geometry): number {
  return new PreparedShape(geometry).distance(point[0]!, point[1]!);
}
