import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isPointLayer } from '../../../src/core/workspace/point-layer.ts';

const pt = (lon: number, lat: number): Feature<Geometry> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const square: Feature<Geometry> = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116, 39],
        [116.1, 39],
        [116.1, 39.1],
        [116, 39],
      ],
    ],
  },
};
const fc = (features: Feature<Geometry>[]): FeatureCollection<Geometry> =>
  Object.freeze({
    type: 'FeatureCollection',
    features: Object.freeze(features) as Feature<Geometry>[],
  });

describe('isPointLayer', () => {
  it('counts a GeoJSON (features) layer whose features are all points', () => {
    expect(isPointLayer({ kind: 'features', data: fc([pt(116.6, 39.9), pt(116.7, 39.8)]) })).toBe(
      true,
    );
  });
  it('refuses a layer that mixes points with polygons (its polygons would be left out)', () => {
    expect(isPointLayer({ kind: 'features', data: fc([pt(116.6, 39.9), square]) })).toBe(false);
  });
  it('refuses polygons only and an empty layer', () => {
    expect(isPointLayer({ kind: 'features', data: fc([square]) })).toBe(false);
    expect(isPointLayer({ kind: 'points', data: fc([]) })).toBe(false);
    expect(isPointLayer({ kind: 'features', data: fc([]) })).toBe(false);
  });
  it('counts a CSV points layer and a non-empty big layer (table)', () => {
    expect(isPointLayer({ kind: 'points', data: fc([pt(1, 2)]) })).toBe(true);
    const table = { count: 3 } as unknown as NonNullable<
      Parameters<typeof isPointLayer>[0]['table']
    >;
    expect(isPointLayer({ kind: 'points', data: fc([]), table })).toBe(true);
    const empty = { count: 0 } as unknown as NonNullable<
      Parameters<typeof isPointLayer>[0]['table']
    >;
    expect(isPointLayer({ kind: 'points', data: fc([]), table: empty })).toBe(false);
  });
});
