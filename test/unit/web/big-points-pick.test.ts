import { describe, expect, it } from 'vitest';
import type { PointTable } from '../../../src/core/workspace/point-table.ts';
import { drawnPoints, nearestDrawn } from '../../../src/web/map/big-points.ts';

/** A table of points at the given lon/lat (only what drawnPoints reads). */
function table(points: [number, number][]): PointTable {
  const lons = Float64Array.from(points.map((p) => p[0]));
  const lats = Float64Array.from(points.map((p) => p[1]));
  return {
    count: points.length,
    lons,
    lats,
    bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
  } as unknown as PointTable;
}

// A screen of 100 px per degree, y down: (lon, lat) -> (100 lon, -100 lat).
const project = (lon: number, lat: number) => ({ x: lon * 100, y: -lat * 100 });
const box = (x: number, y: number, r: number): [number, number, number, number] => [
  (x - r) / 100,
  -(y + r) / 100,
  (x + r) / 100,
  -(y - r) / 100,
];

describe('nearestDrawn (a click on a big point layer)', () => {
  const d = drawnPoints(
    table([
      [1, 1],
      [1.03, 1],
      [2, 2],
      [1.01, 1.01],
    ]),
    'all',
  );

  it('answers the nearest drawn point within the radius, by its draw index', () => {
    // Click at (100.5, -100) px: point 0 is 0.5 px away, point 3 (101, -101) 1.118 px.
    const hit = nearestDrawn(d, d.length, box(100.5, -100, 5), project, { x: 100.5, y: -100 }, 5);
    expect(hit?.k).toBe(0);
    expect(hit?.distance).toBeCloseTo(0.5, 3);
  });

  it('answers nothing beyond the radius', () => {
    expect(
      nearestDrawn(d, d.length, box(150, -150, 5), project, { x: 150, y: -150 }, 5),
    ).toBeNull();
  });

  it('counts only the first `length` drawn points (the timeline draws a prefix)', () => {
    // At (101.5, -101) px the nearest is point 3 (0.5 px right, 0 px): hidden when length = 3.
    const at = { x: 101.5, y: -101 };
    expect(nearestDrawn(d, 4, box(at.x, at.y, 5), project, at, 5)?.k).toBe(3);
    expect(nearestDrawn(d, 3, box(at.x, at.y, 5), project, at, 5)?.k).toBe(0);
  });

  it('maps a draw index back to its row when only some rows are drawn', () => {
    const some = drawnPoints(
      table([
        [0, 0],
        [5, 5],
        [1, 1],
      ]),
      Uint32Array.from([2, 0]),
    );
    const hit = nearestDrawn(some, some.length, box(100, -100, 5), project, { x: 100, y: -100 }, 5);
    expect(hit?.k).toBe(0);
    expect(some.index(hit?.k ?? -1)).toBe(2);
  });
});
