import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/common/problem.ts';
import { cityCoverage } from '../../../src/core/green/access.ts';
import { frozenCollection, rectFeature } from '../analytics/helpers.ts';

// City 0.1° x 0.1° at 40° N. Residential land: its west half. One 0.001° park in the middle of
// the residential half, far from every edge; rule walk:500.
const city = frozenCollection(rectFeature('c', 116, 40, 116.1, 40.1));
const residential = frozenCollection(rectFeature('r', 116, 40, 116.05, 40.1));
const parks = frozenCollection(rectFeature('p', 116.0245, 40.0495, 116.0255, 40.0505));
const a = 0.001 * 85_394; // park side east-west (m) at 40.05° N
const b = 0.001 * 111_035; // north-south (m)
const disc = a * b + 2 * 500 * (a + b) + Math.PI * 500 * 500; // the park buffered by 500 m

describe('cityCoverage with optional layers', () => {
  it('uses residential land as the denominator', () => {
    const r = cityCoverage(city, parks, [], 'walk:500', { residential });
    const c = r.cities[0];
    expect(r.denominator).toBe('residential');
    expect(Math.abs((c?.covered_m2 ?? 0) / disc - 1)).toBeLessThan(0.005);
    expect(Math.abs((c?.denominator_m2 ?? 0) / ((c?.area_m2 ?? 0) / 2) - 1)).toBeLessThan(0.001);
    expect(Math.abs((c?.share ?? 0) / (disc / (c?.denominator_m2 ?? 1)) - 1)).toBeLessThan(0.005);
  });

  it('weights by population polygons (uniform density) and counts population points', () => {
    const polygons = cityCoverage(city, parks, [], 'walk:500', {
      residential,
      population: {
        kind: 'polygons',
        field: 'pop',
        features: frozenCollection({
          ...rectFeature('r', 116, 40, 116.05, 40.1),
          properties: { id: 'r', pop: 10_000 },
        } as ReturnType<typeof rectFeature>),
      },
    }).cities[0];
    // Areas agree to 1e-4 (BRIEF: 0.01 %), so the weighted population does too.
    expect(Math.abs((polygons?.population ?? 0) / 10_000 - 1)).toBeLessThan(1e-4);
    expect(
      Math.abs((polygons?.population_covered ?? 0) / (10_000 * (polygons?.share ?? 0)) - 1),
    ).toBeLessThan(1e-4);

    const pts = (lon: number, lat: number, pop: number) => ({
      type: 'Feature' as const,
      properties: { pop },
      geometry: { type: 'Point' as const, coordinates: [lon, lat] },
    });
    const points = cityCoverage(city, parks, [], 'walk:500', {
      population: {
        kind: 'points',
        field: 'pop',
        features: {
          type: 'FeatureCollection',
          features: [pts(116.025, 40.052, 300), pts(116.09, 40.09, 200)],
        },
      },
    }).cities[0];
    expect([points?.population, points?.population_covered]).toEqual([500, 300]);
  });
});

describe('cityCoverage with bad parks', () => {
  it('repairs a self-intersecting park, skips a broken one, and says which', () => {
    const bowtie = {
      type: 'Feature' as const,
      id: 'bow',
      properties: { id: 'bow' },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [116.02, 40.02],
            [116.03, 40.03],
            [116.03, 40.02],
            [116.02, 40.03],
            [116.02, 40.02],
          ],
        ],
      },
    };
    const broken = {
      type: 'Feature' as const,
      id: 'line',
      properties: { id: 'line' },
      geometry: null,
    };
    const r = cityCoverage(
      city,
      // A null geometry is what a broken file gives; the type says it cannot happen.
      {
        type: 'FeatureCollection',
        features: [bowtie, broken, ...parks.features],
      } as FeatureCollection,
      [],
      'walk:500',
    );
    const lines = r.parkIssues.map(formatProblem);
    expect(lines.some((m) => /"bow".*repaired/.test(m))).toBe(true);
    expect(lines.some((m) => /"line".*skipped/.test(m))).toBe(true);
    expect(r.cities[0]?.covered_m2).toBeGreaterThan(disc);
  });
});
