/**
 * Borders between polygons, once each: hand-made squares whose shared edges are known.
 */
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { sharedBorders } from '../../../scripts/boundaries/shared-borders.ts';

const square = (x: number, y: number, size = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const reversed = (p: Polygon): Polygon => ({
  type: 'Polygon',
  coordinates: p.coordinates.map((r) => [...r].reverse()),
});
const length = (lines: Position[][]) =>
  lines.reduce(
    (s, l) =>
      s +
      l.slice(1).reduce((t, p, i) => {
        const q = l[i] as Position;
        return (
          t + Math.hypot((p[0] as number) - (q[0] as number), (p[1] as number) - (q[1] as number))
        );
      }, 0),
    0,
  );

describe('sharedBorders', () => {
  it('draws the edge two squares share, once, and none of their other edges', () => {
    const out = sharedBorders([square(0, 0), square(1, 0)]);
    expect(out.coordinates).toEqual([
      [
        [1, 0],
        [1, 1],
      ],
    ]);
  });

  it('does not depend on which way the rings run', () => {
    const out = sharedBorders([square(0, 0), reversed(square(1, 0))]);
    expect(out.coordinates).toHaveLength(1);
    expect(length(out.coordinates)).toBe(1);
  });

  it('joins the borders of an L of three squares into one line of length 2', () => {
    const out = sharedBorders([square(0, 0), square(1, 0), square(0, 1)]);
    expect(out.coordinates).toEqual([
      [
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    ]);
  });

  it('keeps a border that closes on itself (a province inside another) as one closed line', () => {
    const outer: Polygon = {
      type: 'Polygon',
      coordinates: [
        square(0, 0, 3).coordinates[0] as Position[],
        [...(square(1, 1).coordinates[0] as Position[])].reverse(),
      ],
    };
    const out = sharedBorders([outer, square(1, 1)]);
    expect(out.coordinates).toHaveLength(1);
    const line = out.coordinates[0] as Position[];
    expect(line).toHaveLength(5);
    expect(line[0]).toEqual(line[4]);
    expect(length(out.coordinates)).toBe(4);
  });

  it('has nothing for polygons that touch no other (islands, a coast)', () => {
    expect(sharedBorders([square(0, 0), square(5, 5)]).coordinates).toEqual([]);
    expect(sharedBorders([]).coordinates).toEqual([]);
  });

  it('counts a 3 x 3 grid: 12 unit edges inside, none of the 12 outside', () => {
    const grid = [0, 1, 2].flatMap((x) => [0, 1, 2].map((y) => square(x, y)));
    expect(length(sharedBorders(grid).coordinates)).toBe(12);
  });
});
