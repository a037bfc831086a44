/**
 * The outline of polygons clipped to a box, without the box's own edges: a country cut at the
 * basemap box would otherwise be drawn with a border along the cut, a rectangle in the sea or
 * across land once land is drawn around the box. Pure: geometry in, lines out.
 */
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Box } from './basemap.ts';

/** Is the segment a-b on one of the box's four sides (both ends on the same side)? */
export function onBoxEdge(a: Position, b: Position, box: Box): boolean {
  const [x0, y0] = a as [number, number];
  const [x1, y1] = b as [number, number];
  return (
    (x0 === box[0] && x1 === box[0]) ||
    (x0 === box[2] && x1 === box[2]) ||
    (y0 === box[1] && y1 === box[1]) ||
    (y0 === box[3] && y1 === box[3])
  );
}

/**
 * Every ring of the polygon(s) as lines, split where a segment runs along the box: the runs of
 * segments that are real borders or coasts, in ring order. A ring with no segment on the box
 * stays one closed line.
 */
export function outlineWithoutBoxEdges(g: Polygon | MultiPolygon, box: Box): MultiLineString {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const lines: Position[][] = [];
  for (const ring of polygons.flat()) {
    const n = ring.length - 1; // closed: the last position repeats the first
    if (n < 2) continue;
    // Start the walk just after a box segment, so a run is never split at the ring's seam.
    let start = 0;
    for (let i = 0; i < n; i++) {
      if (onBoxEdge(ring[i] as Position, ring[i + 1] as Position, box)) {
        start = i + 1;
        break;
      }
    }
    let run: Position[] = [];
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      if (onBoxEdge(a, b, box)) {
        if (run.length >= 2) lines.push(run);
        run = [];
        continue;
      }
      if (run.length === 0) run.push(a);
      run.push(b);
    }
    if (run.length >= 2) lines.push(run);
  }
  return { type: 'MultiLineString', coordinates: lines };
}
