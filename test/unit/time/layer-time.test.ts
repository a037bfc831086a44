/**
 * Imported layers on the timeline (issue 12): the same detection and the same "as of year Y" rule
 * for a GeoJSON layer's features and a big layer's table, the list, region results and thematic
 * maps over them, against answers counted by hand from the fixtures below.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureColumns } from '../../../src/core/thematic/layer-columns.ts';
import { featureYearColumn, featureYearColumns } from '../../../src/core/time/feature-years.ts';
import {
  featureRowsAsOf,
  rowsAsOf,
  shownAsOf,
  tableRowsAsOf,
} from '../../../src/core/time/rows-as-of.ts';
import { pickYearColumn, yearColumn, yearOfValue } from '../../../src/core/time/year-column.ts';
import { buildYearIndex, countUpTo } from '../../../src/core/time/year-index.ts';
import { layerResultPoints } from '../../../src/core/workspace/layer-points.ts';
import type { Region } from '../../../src/core/workspace/model.ts';
import { pointTable } from '../../../src/core/workspace/point-table.ts';
import { createAtlasApi } from '../../../src/worker/api.ts';
import { rectFeature } from '../analytics/helpers.ts';

/**
 * Five points at (116.0 + i * 0.01, 39.9), opened 2019, 2020 (a number), 2020 (an ISO date),
 * none, 2023 (a date and time); categories park, road, park, park, road.
 */
const OPENED: (string | number | null)[] = ['2019', 2020, '2020-06-01', null, '2023-01-05T10:00Z'];
const KIND = ['park', 'road', 'park', 'park', 'road'];
const lon = (i: number) => 116 + i * 0.01;
const features: Feature<Geometry>[] = OPENED.map((opened, i) => ({
  type: 'Feature',
  properties: { name: `F${i}`, category: KIND[i], opened, __row: i + 1, size: i + 1 },
  geometry: { type: 'Point', coordinates: [lon(i), 39.9] },
}));
const data: FeatureCollection<Geometry> = { type: 'FeatureCollection', features };
const years = () => featureYearColumn(features, 'opened')!.years;

/** The same five points as a big layer's table (text cells, as a CSV gives them). */
const table = () =>
  pointTable(
    {
      lons: Float64Array.from(OPENED, (_, i) => lon(i)),
      lats: Float64Array.from(OPENED, () => 39.9),
      properties: OPENED.map((o, i) => ({
        category: KIND[i],
        opened: o === null ? '' : String(o),
      })),
      rows: Uint32Array.from(OPENED, (_, i) => i + 1),
      ids: OPENED.map((_, i) => i + 1),
    },
    ['category', 'opened'],
  );

const region = (id: string, w: number, e: number): Region => ({
  id,
  name: id,
  shape: 'rectangle',
  geometry: rectFeature(id, w, 39.89, e, 39.91).geometry,
});
/** Around points 0..2 (116.00-116.02), and around all five. */
const WEST = region('west', 115.995, 116.025);
const ALL = region('all', 115.995, 116.045);

describe('the same year detection for features and tables', () => {
  it('reads a year from numbers and ISO dates; blanks have none; anything else is not a year', () => {
    expect(yearOfValue(2020)).toBe(2020);
    expect(yearOfValue('2020-06-01')).toBe(2020);
    expect(yearOfValue(null)).toBeNull();
    expect(yearOfValue('')).toBeNull();
    expect(yearOfValue(Number.NaN)).toBeNull();
    expect(yearOfValue(2020.5)).toBeNaN();
    expect(yearOfValue(true)).toBeNaN();
    expect(yearOfValue('soon')).toBeNaN();
  });

  it('finds the year property of features (not the row number, not a size)', () => {
    const cols = featureYearColumns(features);
    expect(cols.map((c) => c.name)).toEqual(['opened']);
    expect(Array.from(cols[0]!.years)).toEqual([2019, 2020, 2020, Number.NaN, 2023]);
    expect(cols[0]!.missing).toBe(1);
    // One value that is not a date and the property is not a time column.
    const bad = [...features, { ...features[0]!, properties: { opened: 'soon' } }];
    expect(featureYearColumn(bad, 'opened')).toBeNull();
  });

  it('a table column of the same cells gives the same years', () => {
    const col = table().columns.find((c) => c.name === 'opened')!;
    expect(Array.from(yearColumn(col)!.years)).toEqual(Array.from(years()));
  });

  it('picks the chosen column, else the first; none when taken off the timeline', () => {
    const cols = featureYearColumns(features);
    expect(pickYearColumn(cols, undefined)?.name).toBe('opened');
    expect(pickYearColumn(cols, 'gone')?.name).toBe('opened');
    expect(pickYearColumn(cols, null)).toBeNull();
  });
});

describe('rows shown as of a year', () => {
  it('as of 2020: 3 of 5 shown, the one without a year never', () => {
    expect(Array.from(rowsAsOf(years(), 'all', 2020))).toEqual([0, 1, 2]);
    expect(Array.from(rowsAsOf(years(), 'all', 2018))).toEqual([]);
    expect(Array.from(rowsAsOf(years(), 'all', 2023))).toEqual([0, 1, 2, 4]);
    expect(shownAsOf(Number.NaN, 3000)).toBe(false);
  });

  it('features: the layer filter, then the year', () => {
    const asOf = { years: years(), year: 2020 };
    expect(Array.from(featureRowsAsOf({ data, filter: null }, asOf))).toEqual([0, 1, 2]);
    const parks = { data, filter: { column: 'category', text: 'park' } };
    expect(Array.from(featureRowsAsOf(parks, asOf))).toEqual([0, 2]);
    expect(Array.from(featureRowsAsOf(parks, null))).toEqual([0, 2, 3]);
  });

  it('a table: the same rows as the features', () => {
    const t = table();
    const col = yearColumn(t.columns[1]!)!;
    for (const year of [2018, 2019, 2020, 2022, 2023]) {
      const asOf = { years: col.years, year };
      expect(Array.from(tableRowsAsOf(t, null, asOf))).toEqual(
        Array.from(featureRowsAsOf({ data, filter: null }, asOf)),
      );
    }
    expect(
      Array.from(
        tableRowsAsOf(t, { column: 'category', text: 'road' }, { years: col.years, year: 2020 }),
      ),
    ).toEqual([1]);
  });

  it("the map's year index draws exactly the rows shown (one binary search per step)", () => {
    const ix = buildYearIndex(years(), 'all');
    expect(ix.noYear).toBe(1);
    for (const year of [2018, 2019, 2020, 2021, 2023, 2030]) {
      const drawn = Array.from(ix.order.subarray(0, countUpTo(ix, year))).sort();
      expect(drawn).toEqual(Array.from(rowsAsOf(years(), 'all', year)));
    }
  });
});

describe('what follows the year', () => {
  it('region results over a GeoJSON layer as of 2020: west 3 (2 parks), all 3; as of 2023: 3 and 4', () => {
    const api = createAtlasApi();
    api.setLayers(null, { type: 'FeatureCollection', features: [] });
    const count = (year: number | null) => {
      const asOf = year === null ? null : { years: years(), year };
      const r = api.regionResults(
        [WEST, ALL],
        layerResultPoints({ data, filter: null }, asOf),
        'gbt50563',
      );
      return r.results.map((x) => [x.count, x.byCategory.park ?? 0]);
    };
    expect(count(2020)).toEqual([
      [3, 2],
      [3, 2],
    ]);
    expect(count(2023)).toEqual([
      [3, 2],
      [4, 2],
    ]);
    expect(count(2019)).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(count(null)).toEqual([
      [3, 2],
      [5, 3],
    ]);
  });

  it('region results over a big layer in the worker follow the year (and the filter)', () => {
    const api = createAtlasApi();
    api.setLayers(null, { type: 'FeatureCollection', features: [] });
    api.putTable('T', table());
    const at = (year: number | null, filter: { column: string; text: string } | null = null) =>
      api
        .layerRegionResults(
          [WEST, ALL],
          'T',
          filter,
          'gbt50563',
          year === null ? null : { column: 'opened', year },
        )
        .results.map((x) => x.count);
    expect(at(2020)).toEqual([3, 3]);
    expect(at(2022)).toEqual([3, 3]);
    expect(at(2023)).toEqual([3, 4]);
    expect(at(2018)).toEqual([0, 0]);
    expect(at(null)).toEqual([3, 5]);
    expect(at(2020, { column: 'category', text: 'road' })).toEqual([1, 1]);
    // A column that is not a year column leaves the layer off the timeline.
    expect(
      api.layerRegionResults([ALL], 'T', null, 'gbt50563', { column: 'category', year: 2020 })
        .results[0]!.count,
    ).toBe(5);
  });

  it('a thematic map of a GeoJSON layer and of a big layer counts the points shown', () => {
    const asOf = { years: years(), year: 2020 };
    const c = featureColumns({ data, filter: null }, 'size', asOf);
    expect(Array.from(c.lons)).toEqual([lon(0), lon(1), lon(2)]);
    expect(Array.from(c.values!)).toEqual([1, 2, 3]);
    const api = createAtlasApi();
    api.putTable('T', table());
    const hex = (time: { column: string; year: number } | null) => {
      const r = api.thematicMap({
        map: 'hexagons',
        source: { kind: 'table', id: 'T', filter: null, field: null, time },
        measure: 'count',
        regions: null,
        method: 'quantile',
        classes: 3,
        resolution: 5,
      });
      if (r.map === 'choropleth') throw new Error('not hexagons');
      return r.points;
    };
    expect(hex({ column: 'opened', year: 2020 })).toBe(3);
    expect(hex({ column: 'opened', year: 2019 })).toBe(1);
    expect(hex(null)).toBe(5);
  });
});
