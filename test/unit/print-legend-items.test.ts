import { describe, expect, it } from 'vitest';
import { legendItems } from '../../src/web/print/legend-items.ts';
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
