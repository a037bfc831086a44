/** scripts/boundaries/antimeridian.ts: rings stitched across lon 180 made planar. */
import { describe, expect, it } from 'vitest';
import { unwrapRing, unwrapWithCopies } from '../../../scripts/boundaries/antimeridian.ts';

// An island across the antimeridian, as world-atlas gives it: 179 -> 180 | -180 -> -179.
const island = [
  [179, 60],
  [180, 60],
  [-180, 60],
  [-179, 60],
  [-179, 61],
  [-180, 61],
  [180, 61],
  [179, 61],
  [179, 60],
];

describe('unwrapRing', () => {
  it('leaves a ring that does not cross the antimeridian as it is', () => {
    const r = [
      [100, 10],
      [101, 10],
      [101, 11],
      [100, 10],
    ];
    expect(unwrapRing(r)).toEqual(r);
  });

  it('makes a ring across lon 180 continuous, east of 180', () => {
    expect(unwrapRing(island)).toEqual([
      [179, 60],
      [180, 60],
      [180, 60],
      [181, 60],
      [181, 61],
      [180, 61],
      [180, 61],
      [179, 61],
      [179, 60],
    ]);
  });

  it('puts a ring that starts east of the antimeridian in the same turn as one that does not', () => {
    const fromEast = [...island.slice(3, -1), ...island.slice(0, 4)];
    const xs = unwrapRing(fromEast).map((p) => p[0] ?? Number.NaN);
    expect(Math.min(...xs)).toBe(179);
    expect(Math.max(...xs)).toBe(181);
  });
});

describe('unwrapWithCopies', () => {
  it('adds a copy one turn west when a polygon reaches past 180, so clipping keeps both sides', () => {
    const m = unwrapWithCopies([[island]]);
    expect(m.length).toBe(2);
    expect(m[1]?.[0]?.map((p) => p[0])).toEqual([
      -181, -180, -180, -179, -179, -180, -180, -181, -181,
    ]);
  });
  it('adds nothing for polygons within -180..180', () => {
    const sq = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ];
    expect(unwrapWithCopies([sq])).toEqual([sq]);
  });
});
