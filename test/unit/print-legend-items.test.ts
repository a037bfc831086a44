import { describe, expect, it } from 'vitest';
import type { ImportedLayer } from '../../src/core/workspace/model.ts';
import { drawnPoints } from '../../src/web/map/big-points.ts';
import { type BigPointsShown, bigPointsToPrint } from '../../src/web/map/big-points-shown.ts';
import { importedLegend, legendItems } from '../../src/web/print/legend-items.ts';
import type { ThematicLegend } from '../../src/web/state/thematic-legend.ts';

const thematic: ThematicLegend = {
  kind: 'choropleth',
  lang: 'en',
  title: 'Projects per city boundary',
  subtitle: 'Quantiles, 2 classes',
  classes: [
    { color: '#edf8b1', lower: 1, upper: 4, lowerOpen: false, label: '1–4', count: 3 },
    { color: '#2c7fb8', lower: 4, upper: 49, lowerOpen: true, label: '5–49', count: 2 },
  ],
  ramp: null,
  noData: { color: '#ffffff', outline: '#888888', label: 'No data', count: 1 },
  notes: [],
  source: 'ColorBrewer 2.0',
};

describe('the exported legend', () => {
  it('starts with the thematic map: what a colour means, each class, then "no data"', () => {
    const items = legendItems({ lang: 'en', hidden: [], coverage: false, thematic });
    expect(items.slice(0, 4)).toEqual([
      { symbol: { kind: 'heading' }, label: 'Projects per city boundary' },
      { symbol: { kind: 'fill', color: '#edf8b1', opacity: 0.78 }, label: '1–4' },
      { symbol: { kind: 'fill', color: '#2c7fb8', opacity: 0.78 }, label: '5–49' },
      {
        symbol: { kind: 'fill', color: '#ffffff', opacity: 1, outline: '#888888', dashed: true },
        label: 'No data',
      },
    ]);
  });

  it('shows a heatmap as its low and high ends', () => {
    const heat = {
      ...thematic,
      kind: 'heatmap' as const,
      lang: 'zh' as const,
      classes: [],
      noData: null,
      ramp: ['#fff', '#f00', '#800'],
    };
    const items = legendItems({ lang: 'zh', hidden: [], coverage: false, thematic: heat });
    expect(items.slice(1, 3)).toEqual([
      { symbol: { kind: 'fill', color: '#fff', opacity: 0.8 }, label: '低' },
      { symbol: { kind: 'fill', color: '#800', opacity: 0.8 }, label: '高' },
    ]);
  });

  it('has no thematic items when no thematic map is drawn', () => {
    const items = legendItems({ lang: 'en', hidden: [], coverage: false, thematic: null });
    expect(items.some((i) => i.label === thematic.title)).toBe(false);
    expect(items[0]?.symbol.kind).toBe('heading');
  });
});

describe('imported layers in the exported legend', () => {
  const table = {
    count: 3,
    lons: new Float64Array([116.6, 116.61, 116.62]),
    lats: new Float64Array([39.84, 39.85, 39.86]),
    rows: new Uint32Array([2, 3, 4]),
    columns: [],
    bbox: [116.6, 39.84, 116.62, 39.86] as [number, number, number, number],
  };
  const layer = (id: string, name: string, visible: boolean, big: boolean): ImportedLayer => ({
    id,
    name,
    kind: big ? 'points' : 'features',
    data: { type: 'FeatureCollection', features: [] },
    visible,
    total: 3,
    skipped: 0,
    crs: 'WGS84',
    ...(big ? { table } : {}),
  });

  it('lists the layers that are on, a big one with the points the map shows (filter and year)', () => {
    const layers = [
      layer('a', 'parks.geojson', true, false),
      layer('b', 'hidden.csv', false, true),
      layer('c', 'sites.csv', true, true),
    ];
    // The live map draws 3 filtered points of "sites.csv", 2 of them up to the timeline's year.
    const shown: BigPointsShown[] = [
      {
        layerId: 'c',
        name: 'sites.csv',
        visible: true,
        drawn: drawnPoints(table, 'all'),
        length: 2,
      },
    ];
    const imported = importedLegend(layers, shown);
    expect(imported).toEqual([
      { name: 'parks.geojson', kind: 'features' },
      { name: 'sites.csv', kind: 'points', shown: 2 },
    ]);
    const items = legendItems({ lang: 'zh', hidden: ['initiatives'], coverage: false, imported });
    const at = items.findIndex((i) => i.label === '导入图层');
    expect(items.slice(at, at + 3)).toEqual([
      { symbol: { kind: 'heading' }, label: '导入图层' },
      {
        symbol: { kind: 'fill', color: '#222255', opacity: 0.15, outline: '#222255' },
        label: 'parks.geojson',
      },
      { symbol: { kind: 'point', color: '#222255' }, label: 'sites.csv（2 个点）' },
    ]);
    const en = legendItems({
      lang: 'en',
      hidden: [],
      coverage: false,
      imported: [{ name: 'big.csv', kind: 'points', shown: 12000 }],
    });
    expect(en.map((i) => i.label)).toContain('big.csv (12,000 points)');
  });

  it('has no imported section when none is on', () => {
    const items = legendItems({ lang: 'en', hidden: [], coverage: false, imported: [] });
    expect(items.some((i) => i.label === 'Imported layers')).toBe(false);
  });
});

describe('the big point layers an export draws', () => {
  const table = {
    count: 2,
    lons: new Float64Array([116.6, 116.61]),
    lats: new Float64Array([39.84, 39.85]),
    rows: new Uint32Array([2, 3]),
    columns: [],
    bbox: [116.6, 39.84, 116.61, 39.85] as [number, number, number, number],
  };
  const d = drawnPoints(table, 'all');
  it('are those on with a point shown: not hidden ones, not one whose year shows none', () => {
    const print = bigPointsToPrint([
      { layerId: 'on', name: 'on', visible: true, drawn: d, length: 2 },
      { layerId: 'off', name: 'off', visible: false, drawn: d, length: 2 },
      { layerId: 'before', name: 'before', visible: true, drawn: d, length: 0 },
    ]);
    expect(print.map((l) => l.layerId)).toEqual(['on']);
  });
});
