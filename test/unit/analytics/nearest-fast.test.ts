/**
 * The pruned nearest-edge search (edge-index.ts) against brute force: every point measured to
 * every edge of every target with the exact point-to-segment routine (0 inside a polygon). The
 * answers must be the same doubles and the same ids in the same order, not merely close.
 * Known answers: a point due north of a geodesic edge, on the equator and at 60°N.
 */
import * as geographiclib from 'geographiclib-geodesic';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  geodesicDistance,
  nearest,
  PreparedPolygon,
  PreparedShape,
  pointToSegmentDistance,
} from '../../../src/core/analytics/index.ts';
import { A, F, random } from './helpers.ts';

type Lib = typeof geographiclib;
const lib: Lib = (geographiclib as unknown as { default?: Lib }).default ?? geographiclib;
const geod = lib.Geodesic.WGS84;

/** A closed ring of n vertices around (lon, lat), radius r metres (±jitter), east scaled. */
function ring(rnd: () => number, lon: number, lat: number, r: number, n: number, jitter: number) {
  const out: Position[] = [];
  const k = Math.cos((lat * Math.PI) / 180);
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const rr = r * (1 - jitter * rnd());
    out.push([lon + (rr * Math.cos(t)) / (111_320 * k), lat + (rr * Math.sin(t)) / 110_600]);
  }
  out.push(out[0]!);
  return out;
}

/** Parks (squares, irregular polygons, some with a hole), a few lines and multi-points. */
function scene(seed: number, lon0: number, lat0: number, span: number, n: number, sizes: number[]) {
  const rnd = random(seed);
  const features: Feature<Geometry>[] = [];
  for (let i = 0; i < n; i++) {
    const lon = lon0 + rnd() * span;
    const lat = lat0 + rnd() * span;
    const r = sizes[0]! * (sizes[1]! / sizes[0]!) ** rnd(); // log-uniform between the two sizes
    const kind = i % 10;
    let geometry: Geometry;
    if (kind < 5) geometry = { type: 'Polygon', coordinates: [ring(rnd, lon, lat, r, 4, 0)] };
    else if (kind < 7) {
      geometry = { type: 'Polygon', coordinates: [ring(rnd, lon, lat, r, 5 + (i % 9), 0.5)] };
    } else if (kind === 7) {
      geometry = {
        type: 'Polygon',
        coordinates: [
          ring(rnd, lon, lat, r, 24, 0.1),
          ring(rnd, lon, lat, r * 0.4, 6, 0).reverse(),
        ],
      };
    } else if (kind === 8) {
      const line = ring(rnd, lon, lat, r, 6, 0.6).slice(0, 4);
      geometry = { type: 'LineString', coordinates: line };
    } else {
      geometry = { type: 'MultiPoint', coordinates: ring(rnd, lon, lat, r, 3, 0.3).slice(0, 3) };
    }
    features.push({ type: 'Feature', id: `t${i}`, properties: {}, geometry });
  }
  // Points: uniform over the area and a margin, plus one inside (or at the centre of) each park.
  const lons: number[] = [];
  const lats: number[] = [];
  for (let i = 0; i < 250; i++) {
    lons.push(lon0 - span * 0.2 + rnd() * span * 1.4);
    lats.push(lat0 - span * 0.2 + rnd() * span * 1.4);
  }
  for (const f of features.slice(0, 40)) {
    const c = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]![0]! : [0, 0];
    if (f.geometry.type !== 'Polygon') continue;
    const ring0 = f.geometry.coordinates[0]!;
    const mid = ring0.slice(0, -1).reduce((s, p) => [s[0]! + p[0]!, s[1]! + p[1]!], [0, 0]);
    lons.push(mid[0]! / (ring0.length - 1), c[0]!);
    lats.push(mid[1]! / (ring0.length - 1), c[1]!); // the centre, and a vertex (on the edge)
  }
  return { features, points: { lons: Float64Array.from(lons), lats: Float64Array.from(lats) } };
}

/** Brute force: every target, every edge and point, exact; sorted by (distance, target). */
function brute(features: Feature<Geometry>[], lon: number, lat: number, k: number, max: number) {
  const all = features.map((f, target) => {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : [];
    if (polys.length > 0 && new PreparedPolygon(polys).contains(lon, lat)) return { target, d: 0 };
    const lines =
      g.type === 'Polygon' ? g.coordinates : g.type === 'LineString' ? [g.coordinates] : [];
    let d = Infinity;
    for (const line of lines) {
      for (let i = 0; i + 1 < line.length; i++) {
        const [a, b] = [line[i]!, line[i + 1]!];
        d = Math.min(d, pointToSegmentDistance(lon, lat, a[0]!, a[1]!, b[0]!, b[1]!));
      }
    }
    if (g.type === 'MultiPoint') {
      for (const p of g.coordinates) d = Math.min(d, geodesicDistance(lon, lat, p[0]!, p[1]!));
    }
    return { target, d };
  });
  return all
    .filter((h) => h.d <= max)
    .sort((a, b) => a.d - b.d || a.target - b.target)
    .slice(0, k)
    .map((h) => ({ id: features[h.target]!.id!, distance_m: h.d }));
}

function agree(s: ReturnType<typeof scene>, k: number, max = Infinity): void {
  const got = nearest(s.points, s.features, { k, ...(max < Infinity ? { maxDistance: max } : {}) });
  expect(got.results).toHaveLength(s.points.lons.length);
  let inside = 0;
  got.results.forEach((r, i) => {
    const want = brute(s.features, s.points.lons[i]!, s.points.lats[i]!, k, max);
    if (want[0]?.distance_m === 0) inside++;
    // toEqual on numbers is Object.is: the same double, not a tolerance.
    expect(r.nearest, `point ${i}`).toEqual(want);
  });
  expect(inside).toBeGreaterThan(10); // the points inside parks were exercised
}

describe('nearest edge search = brute force (same doubles, same order)', () => {
  it('Tongzhou-sized parks (30-300 m), k = 1 and k = 3', () => {
    const s = scene(11, 116.55, 39.75, 0.25, 120, [30, 300]);
    agree(s, 1);
    agree(s, 3);
    // Queries are grouped by cell and share state; the input order must not matter.
    const n = s.points.lons.length;
    const rev = { lons: s.points.lons.slice().reverse(), lats: s.points.lats.slice().reverse() };
    const a = nearest(s.points, s.features, { k: 2 }).results.map((r) => r.nearest);
    const b = nearest(rev, s.features, { k: 2 }).results.map((r) => r.nearest);
    expect(b.reverse()).toEqual(a);
    expect(a).toHaveLength(n);
  });

  it('at 60°N, k = 2, and with a distance limit', () => {
    const s = scene(12, 24.8, 60.1, 0.3, 120, [30, 300]);
    agree(s, 2);
    agree(s, 4, 800);
  });

  it('tiny (1-5 m) and huge (20-80 km) parks together, at 45°N and 65°N', () => {
    const a = scene(13, 86, 44.5, 2, 60, [1, 5]);
    const b = scene(14, 86, 44.5, 2, 30, [20_000, 80_000]);
    const huge = b.features.map((f) => ({ ...f, id: `huge-${f.id}` }));
    agree({ features: [...a.features, ...huge], points: a.points }, 2);
    const c = scene(15, 20, 65, 3, 40, [1, 80_000]);
    agree(c, 1);
  });

  it('across the antimeridian (the nearer park is on the other side)', () => {
    const s = scene(17, 179.9, -17, 0.2, 40, [30, 300]);
    // Fold the western half of the scene over ±180°.
    for (const f of s.features) {
      const fold = (p: Position) => (p[0]! > 180 ? [p[0]! - 360, p[1]!] : p);
      const g = f.geometry;
      if (g.type === 'Polygon') g.coordinates = g.coordinates.map((r) => r.map(fold));
      if (g.type === 'LineString') g.coordinates = g.coordinates.map(fold);
      if (g.type === 'MultiPoint') g.coordinates = g.coordinates.map(fold);
    }
    s.points.lons.forEach((lon, i) => {
      if (lon > 180) s.points.lons[i] = lon - 360;
    });
    const straddling = s.features.filter((f) => {
      const xs = JSON.stringify(f.geometry.type === 'Polygon' ? f.geometry.coordinates : []);
      return xs.includes('-179') && xs.includes('179.');
    });
    // Straddling polygons would need splitting (point-in-polygon is planar in lon/lat): left out.
    agree({ features: s.features.filter((f) => !straddling.includes(f)), points: s.points }, 2);
  });

  it('a single prepared shape gives the brute-force distance too', () => {
    const s = scene(16, 116.55, 39.75, 0.25, 30, [30, 300]);
    s.features.forEach((f, t) => {
      const shape = new PreparedShape(f.geometry);
      for (let i = 0; i < 40; i++) {
        const [lon, lat] = [s.points.lons[i]!, s.points.lats[i]!];
        const want = brute([f], lon, lat, 1, Infinity)[0]?.distance_m;
        expect(shape.distance(lon, lat), `target ${t}, point ${i}`).toBe(want);
      }
    });
  });
});

/** Meridian arc (m) from latitude 0 to φ (Simpson's rule on M(φ), independent of src/). */
function meridianArc(latDeg: number): number {
  const e2 = F * (2 - F);
  const m = (p: number) => (A * (1 - e2)) / (1 - e2 * Math.sin(p) ** 2) ** 1.5;
  const n = 2000;
  const h = (latDeg * Math.PI) / 180 / n;
  let s = m(0) + m(n * h);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * m(i * h);
  return (s * h) / 3;
}

describe('nearest edge search: known answers', () => {
  it('due north of an edge along the equator: the meridian arc', () => {
    const edge: Feature<Geometry> = {
      type: 'Feature',
      id: 'equator',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [10, 0],
          [10.02, 0],
        ],
      },
    };
    for (const dLat of [0.001, 0.005, 0.02]) {
      const r = nearest({ lons: Float64Array.of(10.01), lats: Float64Array.of(dLat) }, [edge]);
      expect(r.results[0]!.nearest[0]!.distance_m).toBeCloseTo(meridianArc(dLat), 6);
    }
  });

  it('due north of an east-west edge at 60°N: the distance to the geodesic’s northmost point', () => {
    // A geodesic between two points on one parallel is symmetric about the middle meridian and
    // reaches its highest latitude there; a point on that meridian is nearest to that vertex.
    const line = geod.InverseLine(60, 24.9, 60, 24.96);
    const top = line.Position(line.s13 / 2);
    expect(top.lon2!).toBeCloseTo(24.93, 9);
    expect(top.lat2!).toBeGreaterThan(60); // the bulge: about 0.11 m north of the parallel
    const edge: Feature<Geometry> = {
      type: 'Feature',
      id: 'e',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [24.9, 60],
            [24.96, 60],
            [24.96, 59.99],
            [24.9, 59.99],
            [24.9, 60],
          ],
        ],
      },
    };
    for (const dLat of [0.0005, 0.003, 0.01]) {
      const want = geod.Inverse(top.lat2!, top.lon2!, 60 + dLat, 24.93).s12!;
      const r = nearest({ lons: Float64Array.of(24.93), lats: Float64Array.of(60 + dLat) }, [edge]);
      expect(Math.abs(r.results[0]!.nearest[0]!.distance_m - want)).toBeLessThan(1e-6);
    }
    // Inside: 0.
    const inside = nearest({ lons: Float64Array.of(24.93), lats: Float64Array.of(59.995) }, [edge]);
    expect(inside.results[0]!.nearest[0]!.distance_m).toBe(0);
  });
});
