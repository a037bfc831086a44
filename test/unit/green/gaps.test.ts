import { describe, expect, it } from 'vitest';
import type { MultiPolygonCoords } from '../../../src/core/analytics/types.ts';
import { gapPatches } from '../../../src/core/green/gaps.ts';
import { cellArea } from '../analytics/helpers.ts';

const box = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

describe('gapPatches', () => {
  const region: MultiPolygonCoords = [box(116, 40, 116.1, 40.1)];

  it('an uncovered city is one patch of the city area', () => {
    const p = gapPatches(region, []);
    expect(p).toHaveLength(1);
    expect(Math.abs((p[0]?.area_m2 ?? 0) / cellArea(116, 40, 116.1, 40.1) - 1)).toBeLessThan(0.03);
  });

  it('a covered band in the middle leaves two patches, ranked by area', () => {
    // Covered: lon 116.03-116.06 (full height). Gaps: west 0.03° wide, east 0.04° wide.
    const p = gapPatches(region, [box(116.03, 39.9, 116.06, 40.2)], 100);
    expect(p).toHaveLength(2);
    const east = cellArea(116.06, 40, 116.1, 40.1);
    const west = cellArea(116, 40, 116.03, 40.1);
    expect(Math.abs((p[0]?.area_m2 ?? 0) / east - 1)).toBeLessThan(0.05);
    expect(Math.abs((p[1]?.area_m2 ?? 0) / west - 1)).toBeLessThan(0.05);
    expect(p[0]?.centre[0]).toBeGreaterThan(116.06);
    expect(p[1]?.centre[0]).toBeLessThan(116.03);
  });

  it('a fully covered city has no gaps', () => {
    expect(gapPatches(region, [box(115.9, 39.9, 116.2, 40.2)])).toEqual([]);
  });
});
