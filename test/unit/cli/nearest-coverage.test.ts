import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cellArea, loadIn } from '../analytics/helpers.ts';
import { atlas, CLI, IN, json, meridianArc, stderrErrors } from './helpers.ts';

type Nearest = {
  results: Array<{
    id: string | number;
    nearest: Array<{ id: string | number; distance_m: number }>;
  }>;
};
type Coverage = {
  regions: Array<{
    id: string | number;
    area_m2: number;
    denominator_m2: number;
    covered_m2: number;
    share: number;
    population: number | null;
    population_covered: number | null;
  }>;
};
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('atlas nearest', () => {
  it('points on a meridian: 1° of latitude is 110,574 m at the equator and 111,132 m at 45°', () => {
    const out = json<Nearest>(
      atlas(
        'nearest',
        '--from',
        `${CLI}/meridian-from.csv`,
        '--to',
        `${CLI}/meridian-to.geojson`,
        '--k',
        '2',
      ),
    );
    expect(out.results.map((r) => [r.id, r.nearest.map((n) => n.id)])).toEqual([
      ['equator', ['eq-north-1', 'eq-south-2']],
      ['mid-45', ['n45-north-1', 'n45-south-1.5']],
    ]);
    const [eq, mid] = out.results;
    // Published values (to the metre), and a numerical meridian-arc integral (to the millimetre).
    expect(Math.abs(eq!.nearest[0]!.distance_m - 110574)).toBeLessThan(1);
    expect(Math.abs(mid!.nearest[0]!.distance_m - 111132)).toBeLessThan(1.5);
    expect(eq!.nearest[0]!.distance_m).toBeCloseTo(meridianArc(0, 1), 3);
    expect(eq!.nearest[1]!.distance_m).toBeCloseTo(meridianArc(0, 2), 3);
    expect(mid!.nearest[0]!.distance_m).toBeCloseTo(meridianArc(44.5, 45.5), 3);
    expect(mid!.nearest[1]!.distance_m).toBeCloseTo(meridianArc(43, 44.5), 3);
  });

  it('to polygons: 0 inside; --k 1 by default; a point without location is left out with a warning', () => {
    const run = atlas(
      'nearest',
      '--from',
      `${IN}/nearest-from.geojson`,
      '--to',
      `${IN}/nearest-to.geojson`,
    );
    const out = json<Nearest>(run);
    expect(Object.keys(out)).toEqual(['results']);
    expect(out.results.map((r) => [r.id, r.nearest.map((n) => n.id)])).toEqual([
      ['origin', ['south-half-deg']],
      ['inside-polygon', ['square']],
      ['east-of-polygon', ['square']],
    ]);
    expect(out.results[0]!.nearest[0]!.distance_m).toBeCloseTo(meridianArc(0, 0.5), 3);
    expect(out.results[1]!.nearest[0]!.distance_m).toBe(0);
    expect(run.stderr).toMatch(
      /nearest-from\.geojson \(feature 3, geometry\): no geometry \(null\)/,
    );
    expect(run.stderr).toMatch(/nearest-to\.geojson \(feature 4, geometry\): no geometry \(null\)/);
  });

  it('--max-distance keeps only targets within it', () => {
    const out = json<Nearest>(
      atlas(
        'nearest',
        '--from',
        `${CLI}/meridian-from.csv`,
        '--to',
        `${CLI}/meridian-to.geojson`,
        '--k',
        '5',
        '--max-distance',
        '200000',
      ),
    );
    expect(out.results.map((r) => r.nearest.map((n) => n.id))).toEqual([
      ['eq-north-1'],
      ['n45-north-1', 'n45-south-1.5'],
    ]);
  });
});

describe('atlas coverage', () => {
  const city = loadIn('coverage-city').features[0]!.geometry as Polygon;
  const xs = city.coordinates[0]!.map((p) => p[0]!);
  const ys = city.coordinates[0]!.map((p) => p[1]!);
  const cityArea = cellArea(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));

  it('one round park (radius 150 m, > 5,000 m²) in a city: covered = π(150 + 500)²', () => {
    const out = json<Coverage>(
      atlas(
        'coverage',
        '--parks',
        `${CLI}/park-single.geojson`,
        '--regions',
        `${IN}/coverage-city.geojson`,
      ),
    );
    expect(Object.keys(out)).toEqual(['regions']);
    const r = out.regions[0]!;
    expect(Object.keys(r)).toEqual([
      'id',
      'area_m2',
      'denominator_m2',
      'covered_m2',
      'share',
      'population',
      'population_covered',
    ]);
    expect(r.id).toBe('city');
    expect(rel(r.area_m2, cityArea)).toBeLessThan(1e-4);
    expect(rel(r.denominator_m2, cityArea)).toBeLessThan(1e-4);
    expect(rel(r.covered_m2, Math.PI * 650 ** 2)).toBeLessThan(3e-3);
    expect(Math.abs(r.share - (Math.PI * 650 ** 2) / cityArea)).toBeLessThan(0.005);
    expect(r.population).toBeNull();
    expect(r.population_covered).toBeNull();
  });

  it('--rule walk:300: π(150 + 300)²', () => {
    const out = json<Coverage>(
      atlas(
        'coverage',
        '--parks',
        `${CLI}/park-single.geojson`,
        '--regions',
        `${IN}/coverage-city.geojson`,
        '--rule',
        'walk:300',
      ),
    );
    expect(rel(out.regions[0]!.covered_m2, Math.PI * 450 ** 2)).toBeLessThan(3e-3);
  });

  it('--residential and --population (CSV points): residential denominator, population covered', () => {
    const run = atlas(
      'coverage',
      '--parks',
      `${CLI}/park-single.geojson`,
      '--regions',
      `${IN}/coverage-city.geojson`,
      '--residential',
      `${IN}/coverage-residential.geojson`,
      '--population',
      `${CLI}/population.csv`,
      '--pop-field',
      'pop',
    );
    const r = json<Coverage>(run).regions[0]!;
    // Residential parcels: R1 inside the park's buffer, R2 outside it, R3 half outside the city.
    const res = loadIn('coverage-residential').features.map((f) => {
      const ring = (f.geometry as Polygon).coordinates[0]!;
      return [
        Math.min(...ring.map((p) => p[0]!)),
        Math.min(...ring.map((p) => p[1]!)),
        Math.max(...ring.map((p) => p[0]!)),
        Math.max(...ring.map((p) => p[1]!)),
      ] as const;
    });
    const [r1, r2, r3] = res;
    const denominator =
      cellArea(...r1!) +
      cellArea(...r2!) +
      cellArea(Math.max(r3![0], Math.min(...xs)), r3![1], r3![2], r3![3]);
    expect(rel(r.denominator_m2, denominator)).toBeLessThan(1e-4);
    expect(rel(r.covered_m2, cellArea(...r1!))).toBeLessThan(1e-4);
    // Population: 100 + 200 in R1 (covered), 50 in R2; 1000 is covered but not residential.
    expect(r.population).toBe(350);
    expect(r.population_covered).toBe(300);
    expect(run.stderr).toMatch(/population\.csv \(row 8, lon\): blank/);
    expect(run.stderr).toMatch(/population\.csv \(row 3, pop\): pop is blank or not numeric/);
    expect(run.stderr).toMatch(/population\.csv \(row 5, pop\): pop is blank or not numeric/);
  });

  it('population polygons are area-weighted', () => {
    const out = json<Coverage>(
      atlas(
        'coverage',
        '--parks',
        `${CLI}/park-single.geojson`,
        '--regions',
        `${IN}/coverage-city.geojson`,
        '--population',
        `${IN}/coverage-population-polygons.geojson`,
        '--pop-field',
        'pop',
      ),
    );
    expect(out.regions[0]!.population_covered).toBeCloseTo(900, 3);
  });

  it('invalid input: a region that is not a polygon; usage: --population without --pop-field, bad rule', () => {
    expect(
      stderrErrors(
        atlas(
          'coverage',
          '--parks',
          `${CLI}/park-single.geojson`,
          '--regions',
          `${CLI}/regions-with-point.geojson`,
        ),
      ),
    ).toEqual([
      {
        file: `${CLI}/regions-with-point.geojson`,
        feature: 1,
        field: 'geometry',
        reason: 'geometry type Point is not Polygon or MultiPolygon (regions must be polygons)',
      },
    ]);
    const noField = atlas('coverage', '--parks', 'p', '--regions', 'r', '--population', 'x.csv');
    expect(noField.status).toBe(2);
    expect(noField.stderr).toMatch(/--population needs --pop-field/);
    const badRule = atlas('coverage', '--parks', 'p', '--regions', 'r', '--rule', 'walk:abc');
    expect(badRule.status).toBe(2);
    expect(badRule.stderr).toMatch(/unknown coverage rule "walk:abc"/);
  });
});
