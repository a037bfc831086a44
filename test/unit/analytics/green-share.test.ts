import { describe, expect, it } from 'vitest';
import { greenShare } from '../../../src/core/analytics/index.ts';
import { cellArea, loadIn, matchOut } from './helpers.ts';

const region = loadIn('green-region');
const green = loadIn('green-polygons');
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('green share', () => {
  const r = greenShare(region, green);

  it('unions overlapping green polygons and clips them to the region (closed-form areas)', () => {
    const expected =
      cellArea(116.602, 39.902, 116.606, 39.906) +
      cellArea(116.604, 39.904, 116.608, 39.908) -
      cellArea(116.604, 39.904, 116.606, 39.906) +
      cellArea(116.618, 39.91, 116.62, 39.912);
    const g = r.regions[0]!;
    expect(g.id).toBe('G');
    expect(rel(g.area_m2, cellArea(116.6, 39.9, 116.62, 39.92))).toBeLessThan(1e-4);
    expect(rel(g.green_m2, expected)).toBeLessThan(1e-4);
    expect(g.share).toBeCloseTo(g.green_m2 / g.area_m2, 12);
    // Mutation guard: summing the polygons without a union double counts the overlap.
    const naive = expected + cellArea(116.604, 39.904, 116.606, 39.906);
    expect(rel(g.green_m2, naive)).toBeGreaterThan(0.05);
  });

  it('a region without green space has share 0; bad input is reported', () => {
    const none = greenShare(region, loadIn('bad-empty'));
    expect(none.regions[0]).toMatchObject({ green_m2: 0, share: 0 });
    const bad = greenShare(loadIn('bad-regions'), green);
    expect(bad.repaired.regions.map((x) => x.id)).toEqual(['bow-tie']);
    expect(bad.skipped.regions.map((x) => x.id)).toEqual(['degenerate', 'non-numeric']);
  });

  it('matches the expected output file', () => {
    matchOut('green-share', r);
  });
});
