import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  densifyRing,
  distance,
  featureAreas,
  geometryArea,
  polygonArea,
  ringArea,
  straightEdgeArea,
} from '../../../src/core/analytics/index.ts';
import { A, cellArea, equalAreaShoelace, F, loadIn, matchOut } from './helpers.ts';

const cells = loadIn('area-cells');
const byId = (id: string) => cells.features.find((f) => f.id === id)!.geometry as Geometry;
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('geodesic area (WGS84) against the closed-form ellipsoidal cell area', () => {
  it.each([0, 40, 60])('a 1°x1° cell from latitude %i° within 0.01 %', (lat) => {
    const expected = cellArea(116, lat, 117, lat + 1);
    const got = geometryArea(byId(`cell-${lat}`));
    expect(rel(got, expected)).toBeLessThan(1e-4);
  });

  it('the closed form agrees with a numerical integral of M(φ)·N(φ)·cosφ (checks the reference)', () => {
    const e2 = F * (2 - F);
    const deg = Math.PI / 180;
    const g = (phi: number) => {
      const w = 1 - e2 * Math.sin(phi) ** 2;
      return ((A * (1 - e2)) / w ** 1.5) * (A / Math.sqrt(w)) * Math.cos(phi);
    };
    const n = 1000;
    const [a, b] = [60 * deg, 61 * deg];
    let simpson = g(a) + g(b);
    for (let i = 1; i < n; i++) simpson += (i % 2 ? 4 : 2) * g(a + ((b - a) * i) / n);
    simpson *= ((b - a) / n / 3) * deg;
    expect(rel(cellArea(116, 60, 117, 61), simpson)).toBeLessThan(1e-12);
  });

  it('mutation guard: a spherical area (turf.area) misses the 60° cell by more than 0.1 %', () => {
    const g = byId('cell-60') as Polygon;
    const expected = cellArea(116, 60, 117, 61);
    const spherical = turf.area(turf.polygon(g.coordinates));
    expect(rel(spherical, expected)).toBeGreaterThan(1e-3);
    expect(rel(geometryArea(g), expected)).toBeLessThan(1e-4);
  });

  it('subtracts holes, orientation-agnostic', () => {
    const expected = cellArea(116, 40, 117, 41) - cellArea(116.25, 40.25, 116.75, 40.75);
    const holed = byId('holed') as Polygon;
    expect(rel(geometryArea(holed), expected)).toBeLessThan(1e-4);
    // Same answer whatever the orientation of each ring.
    const flipped = holed.coordinates.map((r) => [...r].reverse());
    expect(rel(polygonArea(flipped), expected)).toBeLessThan(1e-4);
    expect(ringArea([...holed.coordinates[0]!].reverse())).toBeCloseTo(
      ringArea(holed.coordinates[0]!),
      3,
    );
  });

  it('adds the polygons of a multipolygon', () => {
    const expected = cellArea(116, 40, 117, 41) + cellArea(118, 40, 119, 41);
    expect(rel(geometryArea(byId('two-cells') as MultiPolygon), expected)).toBeLessThan(1e-4);
  });

  it('non-areal and empty geometries have no area; unclosed rings are closed', () => {
    expect(geometryArea({ type: 'Point', coordinates: [116, 40] })).toBe(0);
    expect(geometryArea(null)).toBe(0);
    expect(polygonArea([])).toBe(0);
    expect(
      ringArea([
        [116, 40],
        [117, 40],
      ]),
    ).toBe(0);
    const open = [
      [116.6, 39.9],
      [116.61, 39.9],
      [116.61, 39.91],
      [116.6, 39.91],
    ];
    expect(rel(ringArea(open), cellArea(116.6, 39.9, 116.61, 39.91))).toBeLessThan(1e-4);
  });

  it('an irregular city-sized polygon agrees with an equal-area projection + shoelace (0.05 %)', () => {
    // A 30 km star-shaped polygon with 40 vertices around Tongzhou.
    const ring: number[][] = [];
    for (let i = 0; i < 40; i++) {
      const t = (2 * Math.PI * i) / 40;
      const r = 0.12 + 0.05 * Math.sin(3 * t) + 0.02 * Math.cos(7 * t);
      ring.push([116.7 + r * Math.cos(t) * 1.3, 39.85 + r * Math.sin(t)]);
    }
    ring.push(ring[0]!);
    const expected = equalAreaShoelace([ring], 50);
    expect(rel(polygonArea([ring]), expected)).toBeLessThan(5e-4);
  });

  const boundaries = join(import.meta.dirname, '../../../data/boundaries.geojson');
  // data/boundaries.geojson is committed (npm run data:boundaries regenerates it).
  it('Tongzhou (data/boundaries.geojson) is 906 km² within 5 %', () => {
    const fc = JSON.parse(readFileSync(boundaries, 'utf8')) as FeatureCollection<Geometry>;
    const tz = fc.features.find((f) => JSON.stringify(f.properties ?? {}).match(/通州|tongzhou/i));
    expect(tz, 'a Tongzhou feature').toBeDefined();
    const area = geometryArea(tz!.geometry);
    expect(rel(area / 1e6, 906)).toBeLessThan(0.05);
    const g = tz!.geometry as Polygon | MultiPolygon;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const independent = polys.reduce((s, p) => s + equalAreaShoelace(p, 4), 0);
    expect(rel(area, independent)).toBeLessThan(5e-4);
  });

  it('featureAreas: the `atlas area` result, with repairs and skips named', () => {
    const r = featureAreas(loadIn('bad-regions'));
    expect(r.features.map((f) => f.id)).toEqual(['bow-tie', 'unclosed']);
    expect(r.total_m2).toBeCloseTo(r.features[0]!.area_m2 + r.features[1]!.area_m2, 6);
    expect(rel(r.features[1]!.area_m2, cellArea(116.6, 39.9, 116.61, 39.91))).toBeLessThan(1e-4);
    expect(r.skipped.map((x) => x.id)).toEqual(['degenerate', 'non-numeric']);
    expect(r.repaired.map((x) => x.id)).toEqual(['bow-tie']);
    expect(featureAreas(loadIn('bad-empty'))).toEqual({
      features: [],
      total_m2: 0,
      skipped: [],
      repaired: [],
    });
  });

  it('geodesic densification keeps the area and bounds edge lengths', () => {
    const ring = [
      [116, 40],
      [117, 40],
      [117, 40.5],
      [116, 40],
    ];
    const dense = densifyRing(ring, 500);
    expect(dense.length).toBeGreaterThan(300);
    for (let i = 0; i + 1 < dense.length; i++) {
      expect(distance(dense[i]!, dense[i + 1]!)).toBeLessThanOrEqual(500.001);
    }
    expect(rel(ringArea(dense), ringArea(ring))).toBeLessThan(1e-9);
    // Straight lon/lat edges on a lon/lat cell: the straight-edge area is the closed form.
    const cell = [
      [116, 40],
      [117, 40],
      [117, 41],
      [116, 41],
      [116, 40],
    ];
    expect(rel(straightEdgeArea([[cell]]), cellArea(116, 40, 117, 41))).toBeLessThan(1e-12);
    // Densified along geodesics, both readings of the edges agree.
    expect(rel(straightEdgeArea([[dense]]), ringArea(ring))).toBeLessThan(1e-6);
  });

  it('matches the expected output file', () => {
    matchOut(
      'area-cells',
      cells.features.map((f) => ({ id: f.id, area_m2: geometryArea(f.geometry) })),
    );
  });
});
