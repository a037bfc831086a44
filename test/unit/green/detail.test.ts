import { describe, expect, it } from 'vitest';
import { geometryArea } from '../../../src/core/analytics/index.ts';
import { cityDetail, squarePark } from '../../../src/core/green/detail.ts';
import { frozenCollection, rectFeature } from '../analytics/helpers.ts';

const box = rectFeature;
const fc = frozenCollection;

describe('cityDetail', () => {
  const city = fc(box('c', 116, 40, 116.1, 40.1));
  const none = fc();

  it('a city with no parks: zero everywhere, one gap of the whole city', () => {
    const d = cityDetail(city, none, 'c', 'gbt50563');
    expect(d?.share).toBe(0);
    expect(d?.bands.map((b) => b.share)).toEqual([0, 0, 0, 0]);
    expect(d?.gaps).toHaveLength(1);
  });

  it('what if: a new 20,000 m² park covers a disc of ~(r+500)² around it', () => {
    const d = cityDetail(city, none, 'c', 'gbt50563', { lon: 116.05, lat: 40.05, area_m2: 20_000 });
    const side = Math.sqrt(20_000);
    // Square of side a buffered by 500 m: a² + 4·a·500 + π·500².
    const expected = side * side + 4 * side * 500 + Math.PI * 500 * 500;
    expect(Math.abs((d?.covered_m2 ?? 0) / expected - 1)).toBeLessThan(0.01);
    // Bands grow with distance and the 500 m band equals the rule's share (all parks >= 5,000 m²).
    const shares = d?.bands.map((b) => b.share) ?? [];
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(shares[1]).toBeCloseTo(d?.share ?? -1, 9);
  });

  it('squarePark has the requested area within 0.5 %', () => {
    const a = geometryArea(squarePark({ lon: 87.5, lat: 44.2, area_m2: 50_000 }).geometry);
    expect(Math.abs(a / 50_000 - 1)).toBeLessThan(0.005);
  });

  it('returns null for an unknown city', () => {
    expect(cityDetail(city, none, 'nowhere', 'gbt50563')).toBeNull();
  });
});
