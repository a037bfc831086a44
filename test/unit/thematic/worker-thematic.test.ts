/**
 * The worker's thematic maps over a big imported layer (a table the worker holds, filtered in
 * place) and over drawn regions, called as plain functions (as Comlink calls them), against
 * answers known by construction.
 */
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { regionsToGeoJSON } from '../../../src/core/workspace/model.ts';
import { pointTable } from '../../../src/core/workspace/point-table.ts';
import { createAtlasApi } from '../../../src/worker/api.ts';

const CENTRE = latLngToCell(39.9, 116.65, 8);
const [, NEXT] = gridDisk(CENTRE, 1);

/** 6 points: 4 at the centre cell (2 "park", values 1, 2, "", "x"), 2 in a neighbour. */
function table() {
  const at = (c: string) => cellToLatLng(c);
  const cells = [CENTRE, CENTRE, CENTRE, CENTRE, NEXT!, NEXT!];
  const kind = ['park', 'park', 'school', 'school', 'park', 'school'];
  const size = ['1', '2', '', 'x', '10', '20'];
  return pointTable(
    {
      lons: Float64Array.from(cells, (c) => at(c)[1]),
      lats: Float64Array.from(cells, (c) => at(c)[0]),
      properties: cells.map((_, i) => ({ kind: kind[i], size: size[i] })),
      rows: Uint32Array.from(cells, (_, i) => i + 1),
      ids: cells.map((_, i) => i + 1),
    },
    ['kind', 'size'],
  );
}

describe('thematicMap in the worker', () => {
  it('bins a table layer through its filter, summing a text column by the number parser', () => {
    const api = createAtlasApi();
    api.putTable('big', table());
    const r = api.thematicMap({
      map: 'hexagons',
      source: { kind: 'table', id: 'big', filter: { column: 'kind', text: 'park' }, field: 'size' },
      measure: 'sum',
      regions: null,
      method: 'quantile',
      classes: 3,
      resolution: 8,
    });
    if (r.map === 'choropleth') throw new Error('not hexagons');
    const fc = JSON.parse(r.geojson) as { features: { properties: Record<string, unknown> }[] };
    expect(fc.features.map((f) => [f.properties.id, f.properties.v, f.properties.n])).toEqual([
      [CENTRE, 3, 2],
      [NEXT, 10, 1],
    ]);
    expect(r.points).toBe(3);
    // Unfiltered: the centre's "" and "x" are not stated (4 points, sum 3), the neighbour 30.
    const all = api.thematicMap({
      map: 'hexagons',
      source: { kind: 'table', id: 'big', filter: null, field: 'size' },
      measure: 'sum',
      regions: null,
      method: 'quantile',
      classes: 3,
      resolution: 8,
    });
    if (all.map === 'choropleth') throw new Error('not hexagons');
    expect(all.missing).toBe(2);
    expect(
      JSON.parse(all.geojson).features.map((f: { properties: { v: number } }) => f.properties.v),
    ).toEqual([3, 30]);
  });

  it('a choropleth of drawn regions', () => {
    const api = createAtlasApi();
    const [lat, lon] = cellToLatLng(CENTRE);
    const square = (id: string, d: number) => ({
      id,
      name: id,
      shape: 'rectangle' as const,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [lon - d, lat - d],
            [lon + d, lat - d],
            [lon + d, lat + d],
            [lon - d, lat + d],
            [lon - d, lat - d],
          ],
        ],
      },
    });
    const r = api.thematicMap({
      map: 'choropleth',
      source: {
        kind: 'columns',
        lons: Float64Array.from([lon, lon, lon + 1]),
        lats: Float64Array.from([lat, lat, lat]),
      },
      measure: 'count',
      regions: regionsToGeoJSON([square('big', 0.001), square('small', 0.0001)]),
      method: 'equal',
      classes: 3,
      resolution: 8,
    });
    if (r.map !== 'choropleth') throw new Error('not a choropleth');
    expect(r.values.map((v) => [v.id, v.value])).toEqual([
      ['big', 2],
      ['small', 2],
    ]);
  });
});
