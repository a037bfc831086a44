/**
 * Natural Earth borders and coasts as lines, each arc once, from world-atlas TopoJSON. Drawn as
 * the outlines of their countries, a border between two countries is two lines, each
 * simplified on its own (so not quite on top of each other), and twice the triangles for
 * MapLibre to draw. The topology's arcs are the borders and coasts once. Pure: topology in.
 */
import { bboxClip } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Box } from './basemap.ts';
import { round } from './finish.ts';
import { uniqueCount } from './rings.ts';
import { douglasPeucker } from './simplify.ts';

/** Lines cut at every segment `cut` says to drop; pieces of fewer than 2 positions go. */
function splitWhere(
  lines: readonly Position[][],
  cut: (a: Position, b: Position) => boolean,
): Position[][] {
  const out: Position[][] = [];
  for (const line of lines) {
    let run: Position[] = [];
    for (const p of line) {
      const last = run[run.length - 1];
      if (last && cut(last, p)) {
        if (run.length >= 2) out.push(run);
        run = [];
      }
      run.push(p);
    }
    if (run.length >= 2) out.push(run);
  }
  return out;
}

/**
 * Lines cut where a segment jumps across the antimeridian (more than 180° of longitude):
 * world-atlas stitches rings across lon 180, and read as flat coordinates such a segment
 * would cross the whole map.
 */
export const splitAtAntimeridian = (lines: readonly Position[][]): Position[][] =>
  splitWhere(lines, (a, b) => Math.abs((b[0] as number) - (a[0] as number)) > 180);

/** The parts of the lines inside the box (a line that leaves and comes back is cut in two). */
export function clipLinesToBox(lines: readonly Position[][], box: Box): Position[][] {
  const b = [...box] as [number, number, number, number];
  return lines.flatMap((line) => {
    const g = bboxClip({ type: 'LineString', coordinates: line }, b).geometry as
      | LineString
      | MultiLineString;
    const parts: Position[][] = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    return parts.filter((l) => l.length >= 2);
  });
}

const same = (a: Position | undefined, b: Position | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/** A closed line (an island's coast) that encloses nothing: fewer than 3 distinct positions. */
export function collapsedRing(line: readonly Position[]): boolean {
  if (line.length < 2 || !same(line[0], line[line.length - 1])) return false;
  return uniqueCount([...line]) < 3;
}

/**
 * Douglas–Peucker on a line; a closed line is cut at its point farthest from the start and its
 * halves simplified apart (on the whole ring, the start and end are the same point, and every
 * distance would be measured to it).
 */
export function simplifyLine(line: readonly Position[], tolerance: number): Position[] {
  const n = line.length;
  if (n < 4 || !same(line[0], line[n - 1])) return douglasPeucker([...line], tolerance);
  const [x0, y0] = line[0] as [number, number];
  let far = 1;
  let best = -1;
  for (let i = 1; i < n - 1; i++) {
    const d = Math.hypot((line[i]?.[0] ?? x0) - x0, (line[i]?.[1] ?? y0) - y0);
    if (d > best) {
      best = d;
      far = i;
    }
  }
  const a = douglasPeucker(line.slice(0, far + 1), tolerance);
  const b = douglasPeucker(line.slice(far), tolerance);
  return [...a, ...b.slice(1)];
}

/**
 * Lines split where a segment runs along the box's edge (both ends on the same side): clipping
 * leaves such a piece where a line leaves and re-enters the box within one stretch, and drawn
 * it would be a border along the cut.
 */
export function withoutBoxEdges(lines: readonly Position[][], box: Box): Position[][] {
  const [x0, y0, x1, y1] = box;
  return splitWhere(
    lines,
    (a, b) =>
      (a[0] === x0 && b[0] === x0) ||
      (a[0] === x1 && b[0] === x1) ||
      (a[1] === y0 && b[1] === y0) ||
      (a[1] === y1 && b[1] === y1),
  );
}

/** Positions rounded to the output precision (finish.ts's), repeats the rounding makes dropped. */
export function roundLine(line: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = [round(p[0] as number), round(p[1] as number)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/**
 * Two features: `borders` (arcs two countries share) and `coasts` (arcs of one country only),
 * each a MultiLineString clipped to `box`, simplified with Douglas–Peucker at `tolerance`
 * (degrees) and rounded. An empty one is left out.
 */
export function worldLines(
  topo: Topology,
  object: string,
  o: { box: Box; tolerance: number },
): Feature<MultiLineString>[] {
  const collection = topo.objects[object] as GeometryCollection;
  const parts = [
    { id: 'borders', kind: 'border', shared: true },
    { id: 'coasts', kind: 'coast', shared: false },
  ];
  return parts.flatMap(({ id, kind, shared }) => {
    const arcs = mesh(topo, collection, (a, b) => (a !== b) === shared);
    const clipped = clipLinesToBox(splitAtAntimeridian(arcs.coordinates), o.box);
    const rounded = clipped.map((l) => roundLine(simplifyLine(l, o.tolerance)));
    // After rounding: a point a hair inside the box can land on its edge.
    const lines = withoutBoxEdges(rounded, o.box).filter((l) => !collapsedRing(l));
    if (lines.length === 0) return [];
    return [
      {
        type: 'Feature' as const,
        id,
        properties: { kind },
        geometry: { type: 'MultiLineString' as const, coordinates: lines },
      },
    ];
  });
}
