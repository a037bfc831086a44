/**
 * What IndexedDB gives back is validated, never cast: a corrupted stored record (as an older
 * version, a browser extension or a disk error could leave it) loses only its bad entries, each
 * reported, before anything reaches the map or the worker.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/core/common/problem.ts';
import { loadWorkspace } from '../../../src/web/workspace/persist.ts';

const square = [
  [
    [116, 40],
    [116.1, 40],
    [116.1, 40.1],
    [116, 40],
  ],
];
const region = {
  id: 'r1',
  name: 'Mine',
  shape: 'polygon',
  geometry: { type: 'Polygon', coordinates: square },
};
const point = (lon: unknown, lat: unknown, props: unknown = { n: '1,234' }) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: props,
});
const layer = (id: string, features: unknown[]) => ({
  id,
  name: `${id}.csv`,
  kind: 'points',
  data: { type: 'FeatureCollection', features },
  visible: true,
  total: features.length,
  skipped: 0,
  crs: 'wgs84',
  filter: null,
});

const CORRUPTED = {
  regions: [
    region,
    {
      ...region,
      id: 'r2',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [116, 40],
            [117, 40],
          ],
        ],
      },
    },
    'garbage',
  ],
  layers: [
    layer('good', [
      point(116.5, 40.5),
      point('116.5', 40.5), // a string coordinate: was cast before, reached the map as NaN
      point(13363000, 3787000), // Web Mercator metres, not degrees
      { type: 'Feature', geometry: null, properties: {} },
      point(116.6, 40.6, 'not an object'),
      point(116.7, 40.7, null),
    ]),
    layer('all-bad', [point(Number.NaN, 1), { foo: 1 }]),
    { ...layer('no-data', []), data: 'lost' },
    null,
  ],
};

describe('persist: loading a stored workspace', () => {
  it('keeps the valid regions, layers and features of a corrupted record and reports the rest', async () => {
    const r = await loadWorkspace(async () => structuredClone(CORRUPTED));
    expect(r.workspace.regions.map((x) => x.id)).toEqual(['r1']);
    expect(r.workspace.layers.map((l) => l.id)).toEqual(['good']);
    const good = r.workspace.layers[0]!;
    expect(good.data.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [116.5, 40.5] },
      { type: 'Point', coordinates: [116.7, 40.7] },
    ]);
    // 2 regions + 4 features of 'good' + 2 features of 'all-bad' + 2 layers ('no-data', null).
    expect(r.dropped).toBe(10);
    const text = r.problems.map(formatProblem);
    expect(text).toHaveLength(6);
    expect(text[0]).toMatch(/^regions\[1\]: left out: geometry\.coordinates\.0/);
    expect(text[1]).toMatch(/^regions\[2\]: left out/);
    expect(text[2]).toMatch(
      /^good\.csv \(layers\[0\]\): 4 stored feature\(s\) left out \(first: features\[1\]\.geometry/,
    );
    expect(text[3]).toMatch(
      /^all-bad\.csv \(layers\[1\]\): 2 stored feature\(s\) and so the layer left out/,
    );
    expect(text[4]).toMatch(/^layers\[2\]: left out: data/);
    expect(text[5]).toMatch(/^layers\[3\]: left out/);
  });

  it('an empty, missing or non-object record is an empty workspace', async () => {
    for (const raw of [undefined, null, 42, 'x', []]) {
      const r = await loadWorkspace(async () => raw);
      expect(r.workspace).toEqual({ regions: [], layers: [] });
      expect(r.dropped).toBe(0);
    }
  });

  it('a valid record comes back whole', async () => {
    const ok = { regions: [region], layers: [layer('a', [point(116.5, 40.5)])] };
    const r = await loadWorkspace(async () => structuredClone(ok));
    expect(r.workspace).toEqual(ok);
    expect(r.problems).toEqual([]);
  });
});
