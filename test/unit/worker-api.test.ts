import { describe, expect, it } from 'vitest';
import { createAtlasApi } from '../../src/worker/api.ts';
import { cellArea, frozenCollection, rectFeature } from './analytics/helpers.ts';

const cell = rectFeature;
const fc = frozenCollection;

const boundaries = fc(cell('a', 116, 40, 117, 41), cell('b', 118, 40, 119, 41));
// One green square inside a, one straddling a's east edge (half inside a, half outside both).
const green = fc(cell('g1', 116.25, 40.25, 116.75, 40.75), cell('g2', 116.9, 40.1, 117.1, 40.2));

const ledger = () => ({
  lons: Float64Array.from([116.5, 116.1, 116.9, 118, 120]),
  lats: Float64Array.from([40.5, 40.9, 40.1, 40.5, 40.5]),
  investment: Float64Array.from([1e8, Number.NaN, 2e8, 5e7, 9e9]),
});

describe('worker api: city figures', () => {
  const api = createAtlasApi();
  api.setLayers(boundaries, green);

  it('gives each boundary its ellipsoidal area, green area inside and share', () => {
    const { cities } = api.cityFigures([], ledger());
    const a = cities.find((c) => c.id === 'a');
    const expectedGreen = cellArea(116.25, 40.25, 116.75, 40.75) + cellArea(116.9, 40.1, 117, 40.2);
    // Geodesic edges vs the lat/lon cell of the reference formula: agree to 1e-4 (as area.test).
    const rel = (x: number | undefined, y: number) => Math.abs((x ?? 0) / y - 1);
    expect(rel(a?.area_m2, cellArea(116, 40, 117, 41))).toBeLessThan(1e-4);
    expect(rel(a?.green_m2, expectedGreen)).toBeLessThan(1e-4);
    expect(rel(a?.green_share, expectedGreen / cellArea(116, 40, 117, 41))).toBeLessThan(2e-4);
    expect(cities.find((c) => c.id === 'b')?.green_m2).toBe(0);
  });

  it('counts ledger rows inside (edge inclusive), sums stated investment, counts unknowns', () => {
    const { cities } = api.cityFigures([], ledger());
    expect(cities.map((c) => [c.id, c.count, c.investment_cny, c.investment_unknown])).toEqual([
      ['a', 3, 3e8, 1],
      ['b', 1, 5e7, 0],
    ]);
  });

  it('restricts to the requested cities and handles an empty ledger', () => {
    const empty = {
      lons: new Float64Array(),
      lats: new Float64Array(),
      investment: new Float64Array(),
    };
    const { cities } = api.cityFigures(['b'], empty);
    expect(cities).toHaveLength(1);
    expect(cities[0]).toMatchObject({
      id: 'b',
      count: 0,
      investment_cny: 0,
      investment_unknown: 0,
    });
  });

  it('returns nothing before layers are set', () => {
    expect(createAtlasApi().cityFigures([], ledger()).cities).toEqual([]);
  });
});
