/**
 * Geodesic length (m) of a polyline on WGS84: the sum of its segments' GeographicLib distances
 * (each segment a geodesic, the same solver as every other distance in the analytics). Pure.
 */
import type { Position } from 'geojson';
import { distance } from './distance.ts';

/** Length (m) of the line through `coords` in order; 0 for fewer than two points. */
export function lineLength(coords: ReadonlyArray<Position>): number {
  let total = 0;
  for (let i = 1; i < coords.length; i++) total += distance(coords[i - 1]!, coords[i]!);
  return total;
}
