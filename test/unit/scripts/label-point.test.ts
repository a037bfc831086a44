/**
 * Label points of hand-made polygons whose widest inside point is known.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from '../../../scripts/boundaries/label-point.ts';

const ring = (...xy: number[]): Position[] => {
  const out: Position[] = [];
  for (let i = 0; i < xy.length; i += 2) out.push([xy[i] as number, xy[i + 1] as number]);
  out.push(out[0] as Position);
  return out;
};
const square = (x: number, y: number, size: number) =>
  ring(x, y, x + size, y, x + size, y + size, x, y + size);

describe('labelPoint', () => {
  it('puts a square’s name at its centre', () => {
    const p = labelPoint({ type: 'Polygon', coordinates: [square(0, 0, 1)] });
    expect(p[0]).toBeCloseTo(0.5, 2);
    expect(p[1]).toBeCloseTo(0.5, 2);
  });

  it('keeps an L’s name inside the L, where its centroid (0.32, 0.32) is not', () => {
    // Arms 0.2 wide: the widest inside points are 0.1 from the outline.
    const l: Polygon = {
      type: 'Polygon',
      coordinates: [ring(0, 0, 1, 0, 1, 0.2, 0.2, 0.2, 0.2, 1, 0, 1)],
    };
    const [x, y] = labelPoint(l) as [number, number];
    expect(x <= 0.2 || y <= 0.2).toBe(true);
    expect(Math.min(x, y)).toBeGreaterThan(0.05);
    expect(Math.min(x, y)).toBeLessThan(0.15);
  });

  it('avoids a hole', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [square(0, 0, 1), [...square(0.3, 0.3, 0.4)].reverse()],
    };
    const [x, y] = labelPoint(withHole) as [number, number];
    const inHole = x > 0.3 && x < 0.7 && y > 0.3 && y < 0.7;
    expect(inHole).toBe(false);
  });

  it('names a multipolygon in its largest part', () => {
    const m: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(10, 10, 0.1)], [square(0, 0, 1)]],
    };
    const [x, y] = labelPoint(m) as [number, number];
    expect(x).toBeCloseTo(0.5, 1);
    expect(y).toBeCloseTo(0.5, 1);
  });
});
