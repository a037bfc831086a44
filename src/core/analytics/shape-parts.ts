/** A GeoJSON geometry taken apart for distance queries. */
import type { Geometry, Position } from 'geojson';

/** A geometry taken apart: lines (rings closed), lone points, polygons (for the inside test). */
export function shapeParts(geometry: Geometry): {
  lines: ReadonlyArray<Position>[];
  points: Position[];
  polygons: Position[][][];
} {
  const lines: ReadonlyArray<Position>[] = [];
  const polygons: Position[][][] = [];
  const points: Position[] = [];
  const visit = (g: Geometry): void => {
    if (g.type === 'Point') points.push(g.coordinates);
    else if (g.type === 'MultiPoint') points.push(...g.coordinates);
    else if (g.type === 'LineString') lines.push(g.coordinates);
    else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
    else if (g.type === 'Polygon') polygons.push(g.coordinates);
    else if (g.type === 'MultiPolygon') polygons.push(...g.coordinates);
    else for (const child of g.geometries) visit(child);
  };
  visit(geometry);
  for (const polygon of polygons) for (const ring of polygon) lines.push(closeRing(ring));
  return { lines, points, polygons };
}

function closeRing(ring: ReadonlyArray<Position>): ReadonlyArray<Position> {
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (!a || !b || (a[0] === b[0] && a[1] === b[1])) return ring;
  return [...ring, a];
}
