import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Fetcher, loadAtlasData } from '../../src/core/ledger/load.ts';

const DATA = join(import.meta.dirname, '../../data');

/** Serves data/ from disk, with per-file overrides (a status code or a replacement body). */
function fetcherWith(overrides: Record<string, number | string> = {}): Fetcher {
  return async (url) => {
    const file = url.replace(/^\/data\//, '');
    const o = overrides[file];
    if (typeof o === 'number') return { ok: false, status: o, text: async () => '' };
    const body = typeof o === 'string' ? o : readFileSync(join(DATA, file), 'utf8');
    return { ok: true, status: 200, text: async () => body };
  };
}

describe('loadAtlasData', () => {
  it('loads the shipped catalogue and every layer cleanly', async () => {
    const d = await loadAtlasData('/data/', fetcherWith());
    expect(d.failures).toEqual([]);
    expect(d.issues).toEqual([]);
    expect(d.initiatives.length).toBeGreaterThanOrEqual(40);
    expect(d.boundaries?.features.length).toBeGreaterThanOrEqual(10);
    expect(d.green?.features.length).toBeGreaterThanOrEqual(15);
    expect(d.cityLabels.features).toHaveLength(d.catalog.cities.length);
  });

  it('reports a missing layer and still loads the others', async () => {
    const d = await loadAtlasData('/data/', fetcherWith({ 'green_space.geojson': 404 }));
    expect(d.green).toBeNull();
    expect(d.failures).toEqual([
      expect.objectContaining({ file: 'green_space.geojson', message: 'HTTP 404' }),
    ]);
    expect(d.boundaries).not.toBeNull();
    expect(d.initiatives.length).toBeGreaterThanOrEqual(40);
  });

  it('reports a broken JSON layer by file', async () => {
    const d = await loadAtlasData('/data/', fetcherWith({ 'boundaries.geojson': '{"type":' }));
    expect(d.boundaries).toBeNull();
    expect(d.failures[0]?.file).toBe('boundaries.geojson');
    expect(d.failures[0]?.message).toMatch(/not valid JSON/);
  });

  it('skips bad ledger rows, names them, and keeps the good ones', async () => {
    const csv = readFileSync(join(DATA, 'initiatives.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const header = csv[0] as string;
    // Rows with no quoted cells, so a plain split finds the columns.
    const good = csv
      .slice(1)
      .filter((l) => !l.includes('"'))
      .slice(0, 3);
    const bad = (good[0] as string).replace(/^[^,]+/, 'broken-row-id');
    // Same row with its latitude column made out of range.
    const cols = header.split(',');
    const latIdx = cols.indexOf('lat');
    const badCells = bad.split(',');
    badCells[latIdx] = '95';
    const text = [header, ...good, badCells.join(',')].join('\n');
    const d = await loadAtlasData('/data/', fetcherWith({ 'initiatives.csv': text }));
    expect(d.initiatives).toHaveLength(3);
    expect(d.issues.some((i) => i.field === 'lat' && i.row === 4)).toBe(true);
  });

  it('fails with a clear message only when the catalogue itself is unreadable', async () => {
    await expect(loadAtlasData('/data/', fetcherWith({ 'catalog.json': 500 }))).rejects.toThrow(
      /HTTP 500/,
    );
  });

  it('loads optional residential and population layers, skipping bad features by index', async () => {
    const catalog = JSON.parse(readFileSync(join(DATA, 'catalog.json'), 'utf8'));
    catalog.layers.push(
      {
        id: 'res',
        file: 'res.geojson',
        kind: 'residential',
        title_zh: '居住',
        title_en: 'Residential',
      },
      {
        id: 'pop',
        file: 'pop.geojson',
        kind: 'population',
        field: 'people',
        title_zh: '人口',
        title_en: 'Population',
      },
    );
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [116, 40],
          [116.01, 40],
          [116.01, 40.01],
          [116, 40],
        ],
      ],
    };
    const point = (lon: number, people: unknown) => ({
      type: 'Feature',
      properties: { people },
      geometry: { type: 'Point', coordinates: [lon, 40] },
    });
    const d = await loadAtlasData(
      '/data/',
      fetcherWith({
        'catalog.json': JSON.stringify(catalog),
        'res.geojson': JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: {}, geometry: square },
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'Point', coordinates: [116, 40] },
            },
          ],
        }),
        'pop.geojson': JSON.stringify({
          type: 'FeatureCollection',
          features: [point(116, 120), point(116.1, 'many'), point(116.2, '80')],
        }),
      }),
    );
    expect(d.residential?.features).toHaveLength(1);
    expect(d.population?.kind).toBe('points');
    expect(d.population?.features.features).toHaveLength(2);
    expect(d.issues.map((i) => [i.file, i.feature, i.field])).toEqual([
      ['res.geojson', 1, 'geometry'],
      ['pop.geojson', 1, 'properties.people'],
    ]);
  });
});
