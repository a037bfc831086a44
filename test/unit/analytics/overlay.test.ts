import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  geodesicBuffer,
  type MultiPolygonCoords,
  multiPolygonArea,
  overlayAreas,
  PreparedPolygon,
} from '../../../src/core/analytics/index.ts';
import { cellArea } from './helpers.ts';

const box = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

describe('overlay engine (quadtree, no global union)', () => {
  let seed = 11;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const region: MultiPolygonCoords = [[box(116.5, 39.8, 116.6, 39.87)]];
  const covers = Array.from({ length: 120 }, () => {
    const lon = 116.49 + rnd() * 0.12;
    const lat = 39.79 + rnd() * 0.09;
    return geodesicBuffer([[box(lon, lat, lon + 0.0008, lat + 0.0006)]], rnd() < 0.5 ? 300 : 500);
  });

  it('many overlapping buffers: agrees with a fine grid of point-in-polygon samples', () => {
    const r = overlayAreas({ base: region, covers }, { maxPerLeaf: 6 });
    expect(r.leaves).toBeGreaterThan(4);
    expect(r.denominator_m2).toBeCloseTo(multiPolygonArea(region), 0);
    const prepared = covers.map((c) => new PreparedPolygon(c));
    const N = 300;
    let inside = 0;
    let total = 0;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const lon = 116.5 + ((i + 0.5) * 0.1) / N;
        const lat = 39.8 + ((j + 0.5) * 0.07) / N;
        const w = Math.cos((lat * Math.PI) / 180);
        total += w;
        if (prepared.some((p) => p.contains(lon, lat))) inside += w;
      }
    }
    expect(Math.abs(r.covered_m2 / r.denominator_m2 - inside / total)).toBeLessThan(0.002);
    // Leaf sizes do not change the answer.
    const coarse = overlayAreas({ base: region, covers }, { maxPerLeaf: 40 });
    expect(Math.abs(coarse.covered_m2 / r.covered_m2 - 1)).toBeLessThan(1e-7);
  });

  it('a mask (residential) layer and weighted polygons, with a cover that fills whole nodes', () => {
    const mask = [[[box(116.5, 39.8, 116.55, 39.87)]], [[box(116.52, 39.8, 116.56, 39.82)]]];
    const everything = [[box(116.4, 39.7, 116.7, 39.9)]];
    const r = overlayAreas({
      base: region,
      mask,
      covers: [everything],
      weighted: [{ coords: [[box(116.5, 39.8, 116.6, 39.87)]], weight: 2 }],
    });
    // Union of the two mask rectangles (they overlap), all covered.
    const expected = cellArea(116.5, 39.8, 116.55, 39.87) + cellArea(116.55, 39.8, 116.56, 39.82);
    expect(Math.abs(r.denominator_m2 / expected - 1)).toBeLessThan(1e-4);
    expect(r.covered_m2).toBeCloseTo(r.denominator_m2, 3);
    expect(r.weighted).toBeCloseTo(2 * r.denominator_m2, 0);
    expect(r.weightedCovered).toBeCloseTo(r.weighted, 0);
  });

  it('collects the covered pieces on request; an empty base gives zeros', () => {
    const r = overlayAreas({ base: region, covers: covers.slice(0, 10) }, { collect: true });
    expect(multiPolygonArea(r.covered!)).toBeCloseTo(r.covered_m2, 0);
    expect(overlayAreas({ base: [], covers })).toMatchObject({ covered_m2: 0, denominator_m2: 0 });
  });
});
