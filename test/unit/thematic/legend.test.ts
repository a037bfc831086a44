/**
 * The thematic legend: class limits written with the app's number formatting in both languages
 * (investment in CNY million / 亿元, counts as whole numbers), the "no data" entry, the note on
 * what the sums leave out, the colours low to high.
 */
import { describe, expect, it } from 'vitest';
import { classBreaks } from '../../../src/core/thematic/class-breaks.ts';
import { PALETTES } from '../../../src/core/thematic/palettes.ts';
import { buildLegend, type LegendInput } from '../../../src/web/state/thematic-legend.ts';

const base = (over: Partial<LegendInput>): LegendInput => ({
  kind: 'choropleth',
  measure: 'count',
  ledger: true,
  field: 'investment_cny',
  regions: 'boundaries',
  palette: 'YlGnBu',
  classes: classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantile', 4),
  resolution: 8,
  missing: 0,
  ...over,
});

describe('buildLegend', () => {
  it('counts: whole-number limits (quantiles 3.25, 5.5, 7.75 read as 1–3, 4–5, 6–7, 8–10)', () => {
    const l = buildLegend(base({}), 'en');
    expect(l.classes.map((c) => c.label)).toEqual(['1–3', '4–5', '6–7', '8–10']);
    expect(l.classes.map((c) => c.color)).toEqual([...PALETTES.YlGnBu[4]]);
    expect(l.title).toBe('Projects, per city boundary');
    expect(l.subtitle).toBe('Quantiles, 4 classes');
    expect(l.noData).toMatchObject({ label: 'No data', count: 0 });
    expect(buildLegend(base({}), 'zh').title).toBe('项目数，按城市边界');
  });

  it('investment: CNY million in English, 亿元 in Chinese, and the unstated told', () => {
    const classes = classBreaks([0, 250_000_000, 2_460_000_000, Number.NaN], 'equal', 3);
    const input = base({ measure: 'sum', classes, missing: 47 });
    const en = buildLegend(input, 'en');
    expect(en.title).toBe('Stated investment, CNY million, per city boundary');
    expect(en.classes.map((c) => c.label)).toEqual(['0', '250', '2,460']);
    expect(en.noData).toMatchObject({ count: 1 });
    expect(en.notes[0]).toMatch(/^47 projects in these areas state no investment, or only an/);
    const zh = buildLegend(input, 'zh');
    expect(zh.classes.map((c) => c.label)).toEqual(['0', '2.5', '24.6']);
    expect(zh.title).toBe('已公布投资（亿元），按城市边界');
    expect(zh.notes[0]).toMatch(/^这些区域内有 47 个项目未公布投资/);
  });

  it('non-integer limits of a later class are written "> a–b"', () => {
    const classes = classBreaks([0.5, 1.25, 2, 3.5, 9], 'equal', 3);
    const l = buildLegend(base({ measure: 'density', classes }), 'en');
    expect(l.classes.map((c) => c.label)).toEqual(['0.5–3.33', '> 3.33–6.17', '> 6.17–9']);
    expect(l.title).toBe('Projects per km², per city boundary');
  });

  it('a heatmap has a ramp and no classes', () => {
    const l = buildLegend(base({ kind: 'heatmap', ledger: false }), 'en');
    expect(l.classes).toEqual([]);
    expect(l.ramp).toEqual([...PALETTES.YlGnBu[7]]);
    expect(l.noData).toBeNull();
    expect(l.title).toBe('Points: density (relative)');
  });

  it('hexagons say their resolution and edge length', () => {
    const l = buildLegend(base({ kind: 'hexagons', ledger: false, resolution: 8 }), 'en');
    expect(l.title).toBe('Points, per hexagon (H3 resolution 8, edge ≈ 531 m)');
  });
});
