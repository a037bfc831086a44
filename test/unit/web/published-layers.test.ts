import { describe, expect, it } from 'vitest';
import type { AtlasData } from '../../../src/core/ledger/load.ts';
import { withPublishedLayers } from '../../../src/web/app/publishedLayers.ts';

const square = [
  [
    [116.6, 39.9],
    [116.61, 39.9],
    [116.61, 39.91],
    [116.6, 39.91],
    [116.6, 39.9],
  ],
];
const park = {
  type: 'Feature',
  properties: {
    id: 'tz-p',
    name_zh: '公园',
    name_en: 'Park',
    city_id: 'tongzhou',
    kind: 'community_park',
    opened_year: null,
    stated_area_m2: null,
    source: 'https://example.org',
    confidence: 'stated',
    geometry_quality: 'surveyed',
    note: '',
  },
  geometry: { type: 'Polygon', coordinates: square },
};
const data = {
  catalog: { cities: [{ id: 'tongzhou' }] },
  green: { type: 'FeatureCollection', features: [] },
  boundaries: null,
  residential: null,
  population: null,
  failures: [],
  issues: [],
} as unknown as AtlasData;

function fakeFetch(routes: Record<string, unknown>) {
  return async (url: string) => {
    const body = routes[url];
    return {
      ok: body !== undefined,
      status: body === undefined ? 404 : 200,
      json: async () => body,
    };
  };
}

describe('withPublishedLayers', () => {
  it('a static host (no /api/health): the data as it was', async () => {
    expect(await withPublishedLayers(data, '/api/', fakeFetch({}))).toBe(data);
  });

  it('with a server: the published parks replace data/s, a bad feature is named and skipped', async () => {
    const out = await withPublishedLayers(
      data,
      '/api/',
      fakeFetch({
        '/api/health': { ok: true, db: 'pglite' },
        '/api/layers': {
          layers: [{ id: 'parks-tongzhou', role: 'parks', city_id: 'tongzhou', features: 2 }],
        },
        '/api/layers/parks-tongzhou': {
          type: 'FeatureCollection',
          features: [
            park,
            { ...park, properties: { ...park.properties, id: 'tz-q', city_id: 'atlantis' } },
          ],
        },
      }),
    );
    expect(out.green?.features.map((f) => f.properties.id)).toEqual(['tz-p']);
    expect(out.issues).toEqual([
      expect.objectContaining({
        file: 'layer parks-tongzhou',
        feature: 1,
        field: 'properties.city_id',
      }),
    ]);
  });

  it('layers that cannot be read: data/s stay and the failure is named', async () => {
    const out = await withPublishedLayers(
      data,
      '/api/',
      fakeFetch({
        '/api/health': { ok: true },
        '/api/layers': { layers: [{ id: 'x', role: 'parks' }] },
      }),
    );
    expect(out.green).toBe(data.green);
    expect(out.failures).toEqual([
      { layer: 'published', file: '/api/layers', message: '/api/layers/x: HTTP 404' },
    ]);
  });

  it("an administrator's park layer makes the city's park data complete; data/'s seed layer does not", async () => {
    const green_data = {
      status: 'partial',
      parks: 5,
      missing: { en: 'm', zh: 'm' },
      how_to_add: { en: 'h', zh: 'h' },
      sources: ['data/green_space.geojson'],
    };
    const withCatalog = {
      ...data,
      catalog: { cities: [{ id: 'tongzhou', green_data }] },
    } as unknown as AtlasData;
    const routes = (updated_by: string) =>
      fakeFetch({
        '/api/health': { ok: true },
        '/api/layers': {
          layers: [
            {
              id: 'parks-tongzhou',
              role: 'parks',
              city_id: 'tongzhou',
              features: 1,
              updated_by,
              updated_at: '2026-11-28T10:00:00.000Z',
            },
          ],
        },
        '/api/layers/parks-tongzhou': { type: 'FeatureCollection', features: [park] },
      });
    const published = await withPublishedLayers(withCatalog, '/api/', routes('admin'));
    expect(published.catalog.cities[0]?.green_data).toMatchObject({
      status: 'complete',
      parks: 1,
      missing: null,
      sources: [
        'published layer parks-tongzhou (admin, 2026-11-28T10:00:00.000Z)',
        'data/green_space.geojson',
      ],
    });
    const seeded = await withPublishedLayers(withCatalog, '/api/', routes('data/'));
    expect(seeded.catalog.cities[0]?.green_data).toEqual(green_data);
  });
});
