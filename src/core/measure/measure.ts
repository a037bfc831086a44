/**
 * What the measure tool shows for the points clicked on the map: a line's geodesic length, or a
 * polygon's geodesic area and perimeter (the closing edge back to the first point included),
 * with the analytics' own functions (area.ts, length.ts). Pure.
 */
import type { Position } from 'geojson';
import { polygonArea } from '../analytics/area.ts';
import { lineLength } from '../analytics/length.ts';

export type MeasureKind = 'distance' | 'area';

export interface Measured {
  /** The line's length, or the polygon's perimeter (m). */
  metres: number;
  /** The polygon's area (m²); null for a line or fewer than three points. */
  squareMetres: number | null;
}

export function measure(kind: MeasureKind, points: ReadonlyArray<Position>): Measured {
  if (kind === 'distance' || points.length < 3) {
    const closed = kind === 'area' && points.length > 1 ? [...points, points[0]!] : points;
    return { metres: lineLength(closed), squareMetres: null };
  }
  const ring = [...points, points[0]!];
  return { metres: lineLength(ring), squareMetres: polygonArea([ring]) };
}
