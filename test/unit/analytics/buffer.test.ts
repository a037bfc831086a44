import * as turf from '@turf/turf';
import * as geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicBuffer, multiPolygonArea, ringArea } from '../../../src/core/analytics/index.ts';

type Lib = typeof geographiclib;
const lib: Lib = (geographiclib as unknown as { default?: Lib }).default ?? geographiclib;
const geod = lib.Geodesic.WGS84;

/** Distance from a point to a closed ring's edges by dense sampling of each geodesic edge. */
function bruteRingDistance(p: Position, ring: Position[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const line = geod.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
    for (let k = 0; k <= 4000; k++) {
      const q = line.Position((line.s13 * k) / 4000);
      best = Math.min(best, geod.Inverse(p[1]!, p[0]!, q.lat2!, q.lon2!).s12!);
    }
  }
  return best;
}

/** A lon/lat rectangle of about w x h metres at (lon, lat). */
function rectangle(lon: number, lat: number, w: number, h: number): Position[] {
  const e = geod.Direct(lat, lon, 90, w).lon2!;
  const n = geod.Direct(lat, lon, 0, h).lat2!;
  return [
    [lon, lat],
    [e, lat],
    [e, n],
    [lon, n],
    [lon, lat],
  ];
}

function perimeter(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    s += geod.Inverse(ring[i]![1]!, ring[i]![0]!, ring[i + 1]![1]!, ring[i + 1]![0]!).s12!;
  }
  return s;
}

describe('geodesic buffer', () => {
  it.each([0.5, 39.9, 60.5])(
    'vertices lie 500 m (±1 cm) from the park edge at latitude %f',
    (lat) => {
      const park = rectangle(116.6, lat, 170, 120);
      const buffered = geodesicBuffer([[park]], 500);
      expect(buffered).toHaveLength(1);
      const ring = buffered[0]![0]!;
      for (let i = 0; i < ring.length; i += 7) {
        expect(Math.abs(bruteRingDistance(ring[i]!, park) - 500)).toBeLessThan(0.01);
      }
    },
  );

  it('area follows the Steiner formula A + P·d + πd², short by the chord deficit of the arcs', () => {
    const park = rectangle(116.6, 39.9, 170, 120);
    const steiner = ringArea(park) + perimeter(park) * 500 + Math.PI * 500 ** 2;
    // A circle drawn with 4·steps chords has sin(θ)/θ of its area, θ = π/(2·steps); arcs split
    // into more (never fewer) chords lose less.
    const deficit = (steps: number) => {
      const theta = Math.PI / (2 * steps);
      return (Math.PI * 500 ** 2 * (1 - Math.sin(theta) / theta)) / steiner;
    };
    for (const steps of [8, 16, 32]) {
      const got = multiPolygonArea(geodesicBuffer([[park]], 500, { steps }));
      expect(1 - got / steiner).toBeLessThanOrEqual(deficit(steps) * 1.0001);
      expect(1 - got / steiner).toBeGreaterThan(deficit(steps) * 0.8);
    }
  });

  it('a concave park (JSTS path) is buffered as accurately as a convex one', () => {
    const l = rectangle(116.6, 39.9, 300, 300);
    const e = l[1]!;
    const n = l[2]!;
    const midLon = (l[0]![0]! + e[0]!) / 2;
    const midLat = (l[0]![1]! + n[1]!) / 2;
    const park: Position[] = [
      l[0]!,
      e,
      [e[0]!, midLat],
      [midLon, midLat],
      [midLon, n[1]!],
      l[3]!,
      l[0]!,
    ];
    const ring = geodesicBuffer([[park]], 200)[0]![0]!;
    // Vertices lie on the offset curve, except where two chorded arcs cross: there, at most one
    // chord's sag r(1 − cos(θ/2)) inside it.
    const sag = 200 * (1 - Math.cos(Math.PI / 64));
    for (let i = 0; i < ring.length; i++) {
      const d = bruteRingDistance(ring[i]!, park);
      expect(d).toBeLessThan(200.01);
      expect(d).toBeGreaterThan(200 - sag - 0.01);
    }
  });

  it('turf.buffer (spherical azimuthal projection) misses the geodesic 500 m by decimetres', () => {
    const park = rectangle(116.6, 60.5, 170, 120);
    const t = turf.buffer(turf.polygon([park]), 500, { units: 'meters', steps: 16 })!;
    const ring = (t.geometry.coordinates as Position[][])[0]!;
    const errors = ring.filter((_, i) => i % 5 === 0).map((p) => bruteRingDistance(p, park) - 500);
    expect(Math.max(...errors.map(Math.abs))).toBeGreaterThan(0.3);
  });

  it('keeps holes that the buffer does not fill, and grows multipolygons', () => {
    const outer = rectangle(116.6, 39.9, 3000, 3000);
    const hole = rectangle(116.61, 39.905, 1500, 1500);
    const buffered = geodesicBuffer([[outer, [...hole].reverse()]], 100);
    expect(buffered[0]!.length).toBe(2);
    const two = geodesicBuffer(
      [[rectangle(116.6, 39.9, 50, 50)], [rectangle(116.7, 39.9, 50, 50)]],
      100,
    );
    expect(two).toHaveLength(2);
  });

  it('radius 0 copies; a negative radius throws', () => {
    const park = rectangle(116.6, 39.9, 50, 50);
    expect(geodesicBuffer([[park]], 0)).toEqual([[park]]);
    expect(() => geodesicBuffer([[park]], -1)).toThrow(/radius/);
  });
});
