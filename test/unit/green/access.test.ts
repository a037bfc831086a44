import { describe, expect, it } from 'vitest';
import { cityCoverage, placeCheck } from '../../../src/core/green/access.ts';
import { frozenCollection, rectFeature } from '../analytics/helpers.ts';

const rect = rectFeature;
const fc = frozenCollection;

// Near 40°N one degree of latitude is 111,034.6 m along the meridian (WGS84, published tables);
// a degree of longitude is 85,394 m. A 0.001° x 0.001° park is about 111 m x 85 m = 9,483 m².
const park = rect('big', 116.0, 40.0, 116.001, 40.001);
const small = rect('small', 116.1, 40.0, 116.1005, 40.0005); // ≈ 2,371 m²: 300 m under GB/T 50563

describe('placeCheck', () => {
  const green = fc(park, small);
  // 0.004° north of the big park's north edge: 444 m.
  const north = 40.005;

  it('a place 444 m from a 9,500 m² park is covered under GB/T 50563 (500 m)', () => {
    const a = placeCheck(green, 116.0005, north, 'gbt50563');
    expect(a.covered).toBe(true);
    expect(a.parks[0]?.id).toBe('big');
    expect(a.parks[0]?.radius_m).toBe(500);
    expect(a.parks[0]?.distance_m).toBeCloseTo(0.004 * 111_034.6, -1);
  });

  it('the same place is not covered under a 5-minute walk (300 m)', () => {
    const a = placeCheck(green, 116.0005, north, 'walk:300');
    expect(a.covered).toBe(false);
    expect(a.parks[0]).toMatchObject({ id: 'big', radius_m: 300, serves: false });
  });

  it('a small park serves only 300 m, and a place inside a park is at distance 0', () => {
    const near = placeCheck(green, 116.10025, 40.0035, 'gbt50563'); // ≈ 333 m north of it
    expect(near.parks.find((p) => p.id === 'small')).toMatchObject({
      radius_m: 300,
      serves: false,
    });
    const inside = placeCheck(green, 116.0005, 40.0005, 'gbt50563');
    expect(inside.parks[0]).toMatchObject({ id: 'big', distance_m: 0, serves: true });
  });

  it('rejects an unknown rule with the accepted forms', () => {
    expect(() => placeCheck(green, 116, 40, 'walk:far')).toThrow(/gbt50563.*walk:METRES/);
  });
});

describe('cityCoverage', () => {
  it('covers the disc around a park inside a square city (analytic answer)', () => {
    // City 0.1° x 0.1° at 40°N; park in its middle, far from the edges; walk:500 buffer.
    const city = rect('c', 116.0, 40.0, 116.1, 40.1);
    const mid = rect('p', 116.0495, 40.0495, 116.0505, 40.0505);
    const r = cityCoverage(fc(city), fc(mid), [], 'walk:500');
    const a = 0.001 * 85_394; // park side east-west, m
    const b = 0.001 * 111_035; // park side north-south, m
    // Rectangle buffered by d: ab + 2d(a + b) + πd².
    const d = 500;
    const expected = a * b + 2 * d * (a + b) + Math.PI * d * d;
    const got = r.cities[0]?.covered_m2 ?? 0;
    expect(Math.abs(got / expected - 1)).toBeLessThan(0.005);
    expect(r.covered.features[0]?.geometry.coordinates.length).toBeGreaterThan(0);
    expect(r.qualifying).toBe(1);
  });
});
