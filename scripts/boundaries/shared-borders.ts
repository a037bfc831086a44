/**
 * The borders polygons share, each drawn once. Drawn as the outlines of their polygons, a border
 * between two provinces is two lines on top of each other, their dashes out of step, and twice the
 * triangles for MapLibre to draw. Neighbours must share their border vertex for vertex (the
 * boundary script simplifies shared borders once, so they do). Pure: polygons in, lines out.
 */
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { keyOf } from './rings.ts';

/** The same key for a-b and b-a. */
function segmentKey(a: Position, b: Position): string {
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Every segment that two (or more) of the polygons have in common, once, joined into lines in
 * ring order. A polygon's edge that no other polygon has (a coast, the country's border) is not
 * in the result.
 */
export function sharedBorders(polygons: readonly (Polygon | MultiPolygon)[]): MultiLineString {
  // Which polygons have each segment.
  const owners = new Map<string, Set<number>>();
  polygons.forEach((g, i) => {
    for (const ring of ringsOf(g)) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const key = segmentKey(ring[k] as Position, ring[k + 1] as Position);
        const set = owners.get(key) ?? new Set<number>();
        set.add(i);
        owners.set(key, set);
      }
    }
  });
  const shared = (key: string) => (owners.get(key)?.size ?? 0) > 1;

  const done = new Set<string>();
  const lines: Position[][] = [];
  for (const g of polygons) {
    for (const ring of ringsOf(g)) {
      const n = ring.length - 1; // closed: the last position repeats the first
      if (n < 2) continue;
      const keyAt = (i: number) => segmentKey(ring[i] as Position, ring[i + 1] as Position);
      // Start the walk just after a segment that is not drawn, so a run is never split at the
      // ring's seam. A ring whose every segment is shared starts at 0 and stays one closed line.
      let start = 0;
      for (let i = 0; i < n; i++) {
        const key = keyAt(i);
        if (!shared(key) || done.has(key)) {
          start = i + 1;
          break;
        }
      }
      let run: Position[] = [];
      for (let k = 0; k < n; k++) {
        const i = (start + k) % n;
        const key = keyAt(i);
        if (!shared(key) || done.has(key)) {
          if (run.length >= 2) lines.push(run);
          run = [];
          continue;
        }
        done.add(key);
        if (run.length === 0) run.push(ring[i] as Position);
        run.push(ring[i + 1] as Position);
      }
      if (run.length >= 2) lines.push(run);
    }
  }
  return { type: 'MultiLineString', coordinates: lines };
}
