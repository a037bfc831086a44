import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  coverageRule,
  PreparedShape,
  parkCoverage,
  parseCoverageRule,
  ruleLabel,
  serviceRadius,
} from '../../../src/core/analytics/index.ts';
import {
  cellArea,
  english,
  lensArea,
  loadIn,
  matchOut,
  pointSet,
  random,
  segmentArea,
} from './helpers.ts';

const city = loadIn('coverage-city');
const allParks = loadIn('coverage-parks');
const residential = loadIn('coverage-residential');
const popPoints = pointSet(loadIn('coverage-population-points'));
const popPolygons = loadIn('coverage-population-polygons');

const parks = (scenario: string): FeatureCollection<Geometry | null> => ({
  type: 'FeatureCollection',
  features: allParks.features.filter((f) => f.properties?.scenario === scenario),
});
const rel = (a: number, b: number) => Math.abs(a / b - 1);
/** [minLon, minLat, maxLon, maxLat] of a fixture rectangle. */
const extent = (f: Feature<Geometry | null>) => {
  const ring = (f.geometry as Polygon).coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
};
const [cityW, cityS, cityE, cityN] = extent(city.features[0]!);
const cityArea = cellArea(cityW, cityS, cityE, cityN);
const rectArea = (f: Feature<Geometry | null>) => {
  const [w, s, e, n] = extent(f);
  return cellArea(w, s, e, n);
};

describe('park coverage: known answers', () => {
  it('one round park in the middle: covered = π(r_park + 500)², radius from the edge', () => {
    const r = parkCoverage(city, parks('single'));
    const region = r.regions[0]!;
    expect(Object.keys(region)).toEqual([
      'id',
      'area_m2',
      'denominator_m2',
      'covered_m2',
      'share',
      'population',
      'population_covered',
    ]);
    expect(region.id).toBe('city');
    expect(rel(region.area_m2, cityArea)).toBeLessThan(1e-4);
    expect(rel(region.denominator_m2, region.area_m2)).toBeLessThan(1e-6);
    const expected = Math.PI * 650 ** 2;
    expect(rel(region.covered_m2, expected)).toBeLessThan(3e-3);
    expect(Math.abs(region.share - expected / cityArea)).toBeLessThan(0.005);
    // Mutation guard: a radius from the centroid would cover only π·500².
    expect(region.covered_m2).toBeGreaterThan(Math.PI * 600 ** 2);
    expect(region.population).toBeNull();
    expect(region.population_covered).toBeNull();
    expect(r).toMatchObject({ rule: 'gbt50563', denominator: 'region' });
  });

  it('a park 200 m from the city edge: the buffer is clipped by the boundary', () => {
    const r = parkCoverage(city, parks('edge'));
    const expected = Math.PI * 600 ** 2 - segmentArea(600, 200);
    expect(rel(r.regions[0]!.covered_m2, expected)).toBeLessThan(3e-3);
  });

  it('two overlapping parks are not double counted (lens formula)', () => {
    const r = parkCoverage(city, parks('overlap'));
    const expected = 2 * Math.PI * 650 ** 2 - lensArea(650, 800);
    expect(rel(r.regions[0]!.covered_m2, expected)).toBeLessThan(3e-3);
  });

  it('tiered radii by the park’s own area: 4,000 m² -> 300 m, 6,000 m² -> 500 m, 1,500 m² none', () => {
    const steiner = (area: number, d: number) => area + 4 * Math.sqrt(area) * d + Math.PI * d * d;
    const r = parkCoverage(city, parks('tiered'));
    expect(r.parks.map((p) => [p.id, p.radius_m])).toEqual([
      ['square-4000', 300],
      ['square-6000', 500],
      ['square-1500', null],
    ]);
    expect(r.parks[2]!.reason).toBe('area 1,500 m² is below the 2,000 m² minimum of gbt50563');
    for (const p of r.parks)
      expect(rel(p.area_m2, Number(String(p.id).split('-')[1]))).toBeLessThan(1e-3);
    const expected = steiner(4000, 300) + steiner(6000, 500);
    expect(rel(r.regions[0]!.covered_m2, expected)).toBeLessThan(3e-3);

    const historic = parkCoverage(city, parks('tiered'), { rule: 'gbt50563:historic' });
    expect(historic.parks.map((p) => p.radius_m)).toEqual([300, 500, 300]);
    expect(rel(historic.regions[0]!.covered_m2, expected + steiner(1500, 300))).toBeLessThan(3e-3);
  });

  it('walk:METRES serves every park at a fixed distance from its edge', () => {
    const r = parkCoverage(city, parks('single'), { rule: 'walk:300' });
    expect(r.rule).toBe('walk:300');
    expect(rel(r.regions[0]!.covered_m2, Math.PI * 450 ** 2)).toBeLessThan(3e-3);
  });

  it('a residential denominator: only residential land inside the region counts', () => {
    const [r1, r2, r3] = residential.features;
    const [w3, s3, e3, n3] = extent(r3!);
    const inside3 = cellArea(Math.max(w3, cityW), s3, e3, n3);
    const denominator = rectArea(r1!) + rectArea(r2!) + inside3;
    const r = parkCoverage(city, parks('single'), { residential });
    const region = r.regions[0]!;
    expect(r.denominator).toBe('residential');
    expect(rel(region.denominator_m2, denominator)).toBeLessThan(1e-4);
    expect(rel(region.covered_m2, rectArea(r1!))).toBeLessThan(1e-4);
    expect(Math.abs(region.share - rectArea(r1!) / denominator)).toBeLessThan(1e-4);
  });

  it('population points: inside the denominator, covered when inside a buffer; blanks reported', () => {
    const onRegion = parkCoverage(city, parks('single'), {
      population: { points: popPoints, field: 'pop' },
    });
    expect(onRegion.regions[0]).toMatchObject({ population: 1350, population_covered: 1300 });
    const onResidential = parkCoverage(city, parks('single'), {
      residential,
      population: { points: popPoints, field: 'pop' },
    });
    expect(onResidential.regions[0]).toMatchObject({ population: 350, population_covered: 300 });
    expect(english(onResidential.skipped.population)).toEqual([
      { row: 7, reason: 'missing or invalid coordinates (lon NaN, lat NaN)' },
      { row: 2, reason: 'pop is blank or not numeric' },
      { row: 4, reason: 'pop is blank or not numeric' },
    ]);
  });

  it('population polygons are area-weighted', () => {
    const [, , p3] = popPolygons.features;
    const [w3, s3, e3, n3] = extent(p3!);
    const half = cellArea(Math.max(w3, cityW), s3, e3, n3) / rectArea(p3!);
    const r = parkCoverage(city, parks('single'), {
      population: { polygons: popPolygons, field: 'pop' },
    });
    expect(r.regions[0]!.population!).toBeCloseTo(900 + 400 + 600 * half, 3);
    expect(r.regions[0]!.population_covered!).toBeCloseTo(900, 3);
    expect(english(r.skipped.population)).toEqual([
      { feature: 3, id: 'P4-bad-value', reason: 'pop is blank or not numeric' },
    ]);
    const withRes = parkCoverage(city, parks('single'), {
      residential,
      population: { polygons: popPolygons, field: 'pop' },
    });
    expect(withRes.regions[0]!.population!).toBeCloseTo(900 + 400 + 600 * half, 3);
  });
});

describe('park coverage: bad input', () => {
  it('skips invalid parks and says why', () => {
    const r = parkCoverage(city, parks('bad'));
    expect(english(r.skipped.parks)).toEqual([
      { feature: 0, id: 'no-geometry', reason: 'no geometry' },
      { feature: 1, id: 'line', reason: 'geometry type LineString is not Polygon or MultiPolygon' },
      {
        feature: 2,
        id: 'out-of-range',
        reason: 'coordinate out of range (lon 190, lat 39) at polygon 0 ring 0 vertex 1',
      },
    ]);
    expect(r.regions[0]).toMatchObject({ covered_m2: 0, share: 0 });
  });

  it('an empty region collection gives no regions; an unknown rule throws', () => {
    expect(parkCoverage(loadIn('bad-empty'), allParks).regions).toEqual([]);
    expect(() => parkCoverage(city, allParks, { rule: 'walk:abc' })).toThrow(
      /unknown coverage rule/,
    );
  });

  it('a self-intersecting region is repaired and reported', () => {
    const r = parkCoverage(loadIn('bad-regions'), allParks);
    expect(r.repaired.regions.map((x) => x.id)).toEqual(['bow-tie']);
    expect(r.skipped.regions.map((x) => x.id)).toEqual(['degenerate', 'non-numeric']);
  });
});

describe('service-radius rules', () => {
  it('parses and prints rules', () => {
    expect(coverageRule('GBT50563')).toEqual({ kind: 'gbt50563' });
    expect(parseCoverageRule('walk:800')).toEqual({ ok: { kind: 'walk', metres: 800 } });
    expect(ruleLabel(coverageRule('gbt50563:historic'))).toBe('gbt50563:historic');
    expect(() => coverageRule('walk:0')).toThrow();
  });

  it('thresholds are inclusive at 2,000 and 5,000 m²', () => {
    const rule = { kind: 'gbt50563' } as const;
    expect(serviceRadius(rule, 5000)).toEqual({ radius: 500 });
    expect(serviceRadius(rule, 4999.9)).toEqual({ radius: 300 });
    expect(serviceRadius(rule, 2000)).toEqual({ radius: 300 });
    expect(serviceRadius(rule, 1999.9)).toHaveProperty('reason');
    expect(serviceRadius({ kind: 'gbt50563', historicDistrict: true }, 1000)).toEqual({
      radius: 300,
    });
  });
});

describe('park coverage: expected output', () => {
  it('matches the expected output file', () => {
    matchOut(
      'coverage',
      parkCoverage(city, allParks, {
        residential,
        population: { points: popPoints, field: 'pop' },
      }),
    );
  });
});

describe('park coverage: end to end against point distances', () => {
  it('share equals the share of grid points within the radius of a park (no buffers involved)', () => {
    const rnd = random(21);
    const parksFc: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features: [] };
    const [w, s, e, n] = [cityW, cityS, cityE, cityN];
    for (let i = 0; i < 14; i++) {
      const lon = w + rnd() * (e - w);
      const lat = s + rnd() * (n - s);
      const dx = 0.0004 + rnd() * 0.0015;
      const dy = 0.0003 + rnd() * 0.0012;
      // Alternate convex rectangles and concave L-shapes.
      const ring =
        i % 2 === 0
          ? [
              [lon, lat],
              [lon + dx, lat],
              [lon + dx, lat + dy],
              [lon, lat + dy],
              [lon, lat],
            ]
          : [
              [lon, lat],
              [lon + dx, lat],
              [lon + dx, lat + dy / 2],
              [lon + dx / 2, lat + dy / 2],
              [lon + dx / 2, lat + dy],
              [lon, lat + dy],
              [lon, lat],
            ];
      parksFc.features.push({
        type: 'Feature',
        id: i,
        properties: {},
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
    const r = parkCoverage(city, parksFc);
    const shapes = r.parks
      .filter((p) => p.radius_m !== null)
      .map((p) => {
        const g = parksFc.features[p.feature]!.geometry!;
        return {
          shape: new PreparedShape(g),
          radius: p.radius_m!,
          bbox: new PreparedShape(g).bbox,
        };
      });
    const N = 160;
    let inside = 0;
    let total = 0;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const lon = w + ((i + 0.5) * (e - w)) / N;
        const lat = s + ((j + 0.5) * (n - s)) / N;
        total++;
        const hit = shapes.some(({ shape, radius, bbox }) => {
          if (lon < bbox[0] - 0.0075 || lon > bbox[2] + 0.0075) return false;
          if (lat < bbox[1] - 0.0055 || lat > bbox[3] + 0.0055) return false;
          return shape.distance(lon, lat) <= radius;
        });
        if (hit) inside++;
      }
    }
    expect(r.parks.some((p) => p.radius_m === 300)).toBe(true);
    expect(Math.abs(r.regions[0]!.share - inside / total)).toBeLessThan(0.003);
  });
});
