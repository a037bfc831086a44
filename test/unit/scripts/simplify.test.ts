/** scripts/boundaries/simplify.ts: Douglas–Peucker and shared-border simplification. */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { douglasPeucker, SharedSimplifier } from '../../../scripts/boundaries/simplify.ts';

describe('douglasPeucker', () => {
  it('drops points on the line and keeps the endpoints', () => {
    const line: Position[] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
    ];
    expect(douglasPeucker(line, 0.001)).toEqual([
      [0, 0],
      [3, 0],
    ]);
  });

  it('keeps a point farther than the tolerance, drops one nearer', () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.002],
      [2, 0],
    ];
    expect(douglasPeucker(line, 0.001)).toEqual(line);
    expect(douglasPeucker(line, 0.003)).toEqual([
      [0, 0],
      [2, 0],
    ]);
  });

  it('scales longitudes by cos(latitude): 0.0015° of longitude at 60° N is 0.00075°', () => {
    // A north–south line with one point 0.0015° of longitude off it.
    const at = (lat: number): Position[] => [
      [10, lat],
      [10.0015, lat + 0.5],
      [10, lat + 1],
    ];
    expect(douglasPeucker(at(0), 0.001)).toHaveLength(3); // 0.0015 > 0.001
    expect(douglasPeucker(at(60), 0.001)).toHaveLength(2); // 0.0015 × cos 60° = 0.00075
  });

  it('returns lines of 2 positions or fewer as they are', () => {
    const line: Position[] = [
      [0, 0],
      [1, 1],
    ];
    expect(douglasPeucker(line, 10)).toBe(line);
  });
});

describe('SharedSimplifier', () => {
  // Two unit squares side by side; their shared edge x = 1 has a small wiggle at (1.0004, 0.5)
  // which a 0.001 tolerance removes, and each outer side a bump at 0.01 which it keeps.
  const left: Position[] = [
    [0, 0],
    [1, 0],
    [1.0004, 0.5],
    [1, 1],
    [0, 1],
    [-0.01, 0.5],
    [0, 0],
  ];
  const right: Position[] = [
    [1, 0],
    [2, 0],
    [2.01, 0.5],
    [2, 1],
    [1, 1],
    [1.0004, 0.5],
    [1, 0],
  ];

  it('finds the junctions where two rings part', () => {
    const s = new SharedSimplifier();
    s.register([[left]]);
    s.register([[right]]);
    expect(s.isJunction([1, 0])).toBe(true);
    expect(s.isJunction([1, 1])).toBe(true);
    expect(s.isJunction([1.0004, 0.5])).toBe(false);
    expect(s.isJunction([0, 0])).toBe(false);
  });

  it('simplifies the shared border once, identically in both rings', () => {
    const s = new SharedSimplifier();
    s.register([[left]]);
    s.register([[right]]);
    const a = s.simplifyRing(left, 0.001);
    const b = s.simplifyRing(right, 0.001);
    expect(a).toEqual([
      [1, 0],
      [1, 1],
      [0, 1],
      [-0.01, 0.5],
      [0, 0],
      [1, 0],
    ]);
    expect(b).toEqual([
      [1, 0],
      [2, 0],
      [2.01, 0.5],
      [2, 1],
      [1, 1],
      [1, 0],
    ]);
  });

  it('keeps the tolerance of the first ring to simplify a shared arc', () => {
    const s = new SharedSimplifier();
    s.register([[left]]);
    s.register([[right]]);
    s.simplifyRing(left, 0.0001); // keeps the wiggle on the shared edge
    expect(s.simplifyRing(right, 0.1)).toContainEqual([1.0004, 0.5]);
    // Alone, the coarse tolerance removes it.
    const fresh = new SharedSimplifier();
    fresh.register([[left]]);
    fresh.register([[right]]);
    expect(fresh.simplifyRing(right, 0.1)).not.toContainEqual([1.0004, 0.5]);
  });

  it('starts an unshared ring at its smallest vertex', () => {
    const s = new SharedSimplifier();
    const ring: Position[] = [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    s.register([[ring]]);
    expect(s.simplifyRing(ring, 0.001)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });
});
