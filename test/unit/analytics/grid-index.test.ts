import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rng } from '../../../bench/seed.ts';
import { GridIndex } from '../../../src/core/analytics/grid-index.ts';
import { PreparedPolygon } from '../../../src/core/analytics/point-in-polygon.ts';
import type { MultiPolygonCoords } from '../../../src/core/analytics/types.ts';

/** The answer by testing every point (the reference the grid must reproduce exactly). */
function brute(pp: PreparedPolygon, lons: Float64Array, lats: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < lons.length; i++) if (pp.contains(lons[i]!, lats[i]!)) out.push(i);
  return out;
}

function viaGrid(pp: PreparedPolygon, grid: GridIndex): number[] {
  const out: number[] = [];
  grid.visitInside(pp, (i) => out.push(i));
  return out.sort((a, b) => a - b);
}

function randomPoints(n: number, bbox: [number, number, number, number], seed: number) {
  const r = rng(seed);
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lons[i] = bbox[0] + r() * (bbox[2] - bbox[0]);
    lats[i] = bbox[1] + r() * (bbox[3] - bbox[1]);
  }
  return { lons, lats };
}

const square = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

describe('GridIndex.visitInside equals testing every point', () => {
  it('a square with a hole, points on a lattice that hits edges, corners and cell borders', () => {
    const coords: MultiPolygonCoords = [[square(0, 0, 10, 10), square(3, 3, 6, 6)]];
    const pp = new PreparedPolygon(coords);
    const lons: number[] = [];
    const lats: number[] = [];
    for (let x = -1; x <= 11; x += 0.25) {
      for (let y = -1; y <= 11; y += 0.25) {
        lons.push(x);
        lats.push(y);
      }
    }
    const L = Float64Array.from(lons);
    const A = Float64Array.from(lats);
    const expected = brute(pp, L, A);
    // Hand check: 41x41 lattice points in [0,10]², minus the 11x11 strictly inside the hole.
    expect(expected.length).toBe(41 * 41 - 11 * 11);
    expect(viaGrid(pp, GridIndex.build(L, A))).toEqual(expected);
  });

  it('a real city boundary (Tongzhou) and 200,000 random points', () => {
    const fc = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../data/boundaries.geojson'), 'utf8'),
    );
    const tz = fc.features.find((f: { id: string }) => f.id === 'tongzhou').geometry as
      | Polygon
      | MultiPolygon;
    const pp = PreparedPolygon.fromGeometry(tz);
    const { lons, lats } = randomPoints(200_000, [116.4, 39.6, 117.0, 40.1], 11);
    // Also every vertex of the boundary itself (on the boundary: inside).
    const verts = (tz.type === 'Polygon' ? [tz.coordinates] : tz.coordinates).flat(2);
    const L = Float64Array.from([...lons, ...verts.map((p) => p[0]!)]);
    const A = Float64Array.from([...lats, ...verts.map((p) => p[1]!)]);
    const expected = brute(pp, L, A);
    expect(expected.length).toBeGreaterThan(verts.length);
    expect(viaGrid(pp, GridIndex.build(L, A))).toEqual(expected);
  });

  it('a long thin diagonal triangle and a multipolygon, across grid sizes', () => {
    const tri = [
      [
        [0, 0],
        [10, 9.9],
        [10, 10],
        [0, 0],
      ],
    ];
    const pp = new PreparedPolygon([tri, [square(20, 0, 21, 1)]]);
    for (const n of [10, 1000, 50_000]) {
      const { lons, lats } = randomPoints(n, [-1, -1, 22, 11], n);
      expect(viaGrid(pp, GridIndex.build(lons, lats))).toEqual(brute(pp, lons, lats));
    }
  });

  it('skips invalid coordinates and handles points all at one spot', () => {
    const grid = GridIndex.build(
      Float64Array.from([5, Number.NaN, 5, 200]),
      Float64Array.from([5, 5, 5, 5]),
    );
    expect([...grid.invalid]).toEqual([1, 3]);
    const pp = new PreparedPolygon([[square(0, 0, 10, 10)]]);
    expect(viaGrid(pp, grid)).toEqual([0, 2]);
    expect(viaGrid(new PreparedPolygon([[square(6, 6, 7, 7)]]), grid)).toEqual([]);
  });
});
