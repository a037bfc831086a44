import * as geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import {
  distance,
  EdgeSet,
  nearest,
  PreparedShape,
  pointToSegmentDistance,
} from '../../../src/core/analytics/index.ts';
import { A, english, F, loadIn, matchOut, pointSet, random } from './helpers.ts';

type Lib = typeof geographiclib;
const lib: Lib = (geographiclib as unknown as { default?: Lib }).default ?? geographiclib;
const geod = lib.Geodesic.WGS84;

/** Brute force: the closest of 20,001 points spaced along the geodesic segment. */
function bruteSegment(lon: number, lat: number, a: number[], b: number[]): number {
  const line = geod.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
  let best = Infinity;
  for (let i = 0; i <= 20000; i++) {
    const p = line.Position((line.s13 * i) / 20000);
    best = Math.min(best, geod.Inverse(lat, lon, p.lat2!, p.lon2!).s12!);
  }
  return best;
}

describe('geodesic distances', () => {
  it('1° along the equator is a·π/180 = 111,319.491 m', () => {
    expect(distance([0, 0], [1, 0])).toBeCloseTo(111319.491, 3);
    expect(distance([0, 0], [1, 0])).toBeCloseTo((A * Math.PI) / 180, 6);
  });

  it('1° along a meridian from the equator is 110,574.389 m (= ∫ M dφ, integrated here)', () => {
    const e2 = F * (2 - F);
    const meridionalRadius = (phi: number) => (A * (1 - e2)) / (1 - e2 * Math.sin(phi) ** 2) ** 1.5;
    const n = 1000;
    const h = Math.PI / 180 / n;
    let s = meridionalRadius(0) + meridionalRadius(Math.PI / 180);
    for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * meridionalRadius(i * h);
    const arc = (s * h) / 3;
    expect(arc).toBeCloseTo(110574.389, 3);
    expect(distance([0, 0], [0, 1])).toBeCloseTo(arc, 5);
  });

  it('point to segment agrees with dense sampling of the geodesic (to 1 mm)', () => {
    const cases: Array<[number, number, number[], number[]]> = [
      [116.65, 39.93, [116.6, 39.9], [116.7, 39.95]],
      [116.65, 39.9, [116.6, 39.9], [116.7, 39.9]],
      [12, 0.5, [11, 1], [11, 0]],
      [85.9, 44.6, [85.0, 44.0], [87.0, 45.5]],
      [116.0, 41.0, [116.6, 39.9], [116.7, 39.95]],
    ];
    for (const [lon, lat, a, b] of cases) {
      const got = pointToSegmentDistance(lon, lat, a[0]!, a[1]!, b[0]!, b[1]!);
      const brute = bruteSegment(lon, lat, a, b);
      expect(got).toBeLessThanOrEqual(brute + 1e-3);
      expect(got).toBeGreaterThan(brute - Math.max(1e-3, brute * 1e-9));
    }
  });

  it('to a polygon: 0 inside and on the edge, the hole edge from inside a hole', () => {
    const shape = new PreparedShape({
      type: 'Polygon',
      coordinates: [
        [
          [116, 40],
          [117, 40],
          [117, 41],
          [116, 41],
          [116, 40],
        ],
        [
          [116.4, 40.4],
          [116.6, 40.4],
          [116.6, 40.6],
          [116.4, 40.6],
          [116.4, 40.4],
        ],
      ],
    });
    expect(shape.distance(116.2, 40.2)).toBe(0);
    expect(shape.distance(117, 40.5)).toBe(0);
    const inHole = shape.distance(116.5, 40.5);
    expect(inHole).toBeGreaterThan(8400);
    expect(inHole).toBeCloseTo(bruteSegment(116.5, 40.5, [116.4, 40.4], [116.4, 40.6]), 2);
  });

  it('many-vertex polygons (Flatbush path) give the same answer as a scan of every edge', () => {
    const ring: number[][] = [];
    for (let i = 0; i < 500; i++) {
      const t = (2 * Math.PI * i) / 500;
      const r = 0.2 + 0.05 * Math.sin(9 * t);
      ring.push([116.5 + r * Math.cos(t) * 1.3, 39.9 + r * Math.sin(t)]);
    }
    ring.push(ring[0]!);
    const edges = new EdgeSet([ring]);
    for (const [lon, lat] of [
      [116.95, 39.9],
      [116.5, 40.3],
      [116.1, 39.5],
      [117.5, 41],
    ]) {
      let scan = Infinity;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i]!, ring[i + 1]!];
        scan = Math.min(scan, pointToSegmentDistance(lon!, lat!, a[0]!, a[1]!, b[0]!, b[1]!));
      }
      expect(edges.distance(lon!, lat!)).toBeCloseTo(scan, 6);
    }
  });
});

describe('nearest', () => {
  const from = pointSet(loadIn('nearest-from'));
  const to = loadIn('nearest-to');

  it('orders the k nearest by geodesic distance, with known distances', () => {
    const r = nearest(from, to, { k: 3 });
    const origin = r.results[0]!;
    expect(origin.id).toBe('origin');
    expect(origin.nearest.map((h) => h.id)).toEqual(['south-half-deg', 'north-1deg', 'east-1deg']);
    expect(origin.nearest[1]!.distance_m).toBeCloseTo(110574.389, 3);
    expect(origin.nearest[2]!.distance_m).toBeCloseTo(111319.491, 3);
  });

  it('a point inside a polygon is at 0; outside, at the geodesic edge distance', () => {
    const r = nearest(from, to, { k: 1 });
    expect(r.results[1]!.nearest).toEqual([{ id: 'square', distance_m: 0 }]);
    const east = r.results[2]!.nearest[0]!;
    expect(east.id).toBe('square');
    expect(east.distance_m).toBeCloseTo(bruteSegment(12, 0.5, [11, 1], [11, 0]), 2);
  });

  it('maxDistance filters; k beyond the number of targets returns them all', () => {
    const r = nearest(from, to, { k: 10, maxDistance: 111000 });
    expect(r.results[0]!.nearest.map((h) => h.id)).toEqual(['south-half-deg', 'north-1deg']);
    const all = nearest(from, to, { k: 10 });
    expect(all.results[0]!.nearest).toHaveLength(4);
  });

  it('reports skipped points and targets', () => {
    const r = nearest(from, to);
    expect(r.results.map((x) => x.id)).toEqual(['origin', 'inside-polygon', 'east-of-polygon']);
    expect(english(r.skipped)).toEqual([
      { row: 3, reason: 'missing or invalid coordinates (lon NaN, lat NaN)' },
    ]);
    expect(english(r.skippedTargets)).toEqual([
      { feature: 4, id: 'nothing', reason: 'no geometry' },
    ]);
  });

  it('exact geodesic k nearest among many points (vs a brute-force scan)', () => {
    const rnd = random(3);
    const n = 3000;
    const lons = Float64Array.from({ length: n }, () => 116 + rnd());
    const lats = Float64Array.from({ length: n }, () => 39.5 + rnd());
    const targets = { lons, lats };
    const q = { lons: new Float64Array([116.5, 116.02]), lats: new Float64Array([40, 39.51]) };
    const r = nearest(q, targets, { k: 5 });
    for (let j = 0; j < 2; j++) {
      const brute = Array.from({ length: n }, (_, i) => ({
        i,
        d: geod.Inverse(q.lats[j]!, q.lons[j]!, lats[i]!, lons[i]!).s12!,
      })).sort((a, b) => a.d - b.d);
      expect(r.results[j]!.nearest.map((h) => h.id)).toEqual(brute.slice(0, 5).map((b) => b.i));
    }
  });

  it('matches the expected output file', () => {
    matchOut('nearest', nearest(from, to, { k: 2 }));
  });
});
