/** An imported point layer as the thematic map reads it: filtered points, one numeric field. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureColumns, numericFields } from '../../../src/core/thematic/layer-columns.ts';

const pt = (x: number, y: number, p: Record<string, unknown>): Feature<Geometry> => ({
  type: 'Feature',
  properties: p,
  geometry: { type: 'Point', coordinates: [x, y] },
});
const data: FeatureCollection<Geometry> = {
  type: 'FeatureCollection',
  features: [
    pt(1, 2, { kind: 'park', size: '1,234', name: 'A' }),
    pt(3, 4, { kind: 'school', size: '', name: 'B' }),
    pt(5, 6, { kind: 'park', size: 16, name: '7' }),
    {
      type: 'Feature',
      properties: { size: 99 },
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    },
  ],
};

describe('featureColumns', () => {
  it('reads the points passing the filter and the field by the number parser', () => {
    const c = featureColumns({ data, filter: { column: 'kind', text: 'park' } }, 'size');
    expect([...c.lons]).toEqual([1, 5]);
    expect([...c.lats]).toEqual([2, 6]);
    expect([...(c.values ?? [])]).toEqual([1234, 16]);
  });

  it('a blank value is NaN (not stated), never 0; no field, no values', () => {
    const c = featureColumns({ data, filter: null }, 'size');
    expect(c.values?.[1]).toBeNaN();
    expect(featureColumns({ data, filter: null }, null).values).toBeUndefined();
  });
});

describe('numericFields', () => {
  it('lists fields whose every non-blank value is a number', () => {
    expect(numericFields({ data })).toEqual(['size']);
  });
});
