/**
 * Thematic maps (issue 12) in Chromium: a choropleth of the ledger whose class limits are the
 * classes of the very numbers the City figures panel shows, and whose boundary values equal them;
 * H3 hexagons over an imported 100,000-point CSV (bench/browser/points-csv.ts, answers known by
 * construction) whose rendered hexagons hold every point; a heatmap; both languages. Screenshots
 * go to /work/main/.tmp/thematic/ (THEMATIC_SHOTS overrides).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_100K, pointCount, writePointsCsv } from '../../bench/browser/points-csv.ts';
import { classBreaks } from '../../src/core/thematic/class-breaks.ts';
import { withAtlas } from './driver.ts';
import { closeSheet, openSheetTab } from './phone-actions.ts';
import {
  cityFigureCounts,
  showThematic,
  thematicLegend,
  thematicRendered,
  waitForThematic,
} from './thematic-actions.ts';

const SHOTS = process.env.THEMATIC_SHOTS ?? '/work/main/.tmp/thematic';
const app = withAtlas();
let dir = '';
let csv = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-thematic-'));
  csv = join(dir, 'points-100k.csv');
  await writePointsCsv(csv, GRID_100K);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('thematic maps in Chromium', () => {
  it('a choropleth of the ledger: its classes and values are the city figures’ totals', async () => {
    const atlas = await app.open('?v=116.9,39.85,8.4');
    expect(await atlas.page.locator('[data-testid="thematic-legend"]').count()).toBe(0);
    await showThematic(atlas, { kind: 'choropleth', measure: 'count', method: 'quantile' });
    const figures = await cityFigureCounts(atlas);
    expect(figures.tongzhou).toBe(49);

    // The legend's limits are the quantile classes of the projects per city the panel shows.
    const expected = classBreaks(Object.values(figures), 'quantile', 5).classes;
    const legend = await thematicLegend(atlas);
    expect(legend.classes.map((c) => [c.lower, c.upper, c.open])).toEqual(
      expected.map((c) => [c.lower, c.upper, c.lowerOpen]),
    );
    expect(legend.title).toBe('Projects, per city boundary');
    expect(legend.noData).toMatch(/No data/);

    // Each boundary drawn carries the value the panel shows for that city.
    const drawn = await thematicRendered(atlas);
    expect(drawn.length).toBeGreaterThan(3);
    for (const f of drawn) expect(f.v, f.id).toBe(figures[f.id]);
    expect(drawn.find((f) => f.id === 'tongzhou')?.v).toBe(49);
    await atlas.screenshot(join(SHOTS, 'choropleth-count-en.png'));

    // Stated investment: Tongzhou's sum is `atlas totals`' 35,660,000,000 (CNY 35,660 million).
    await showThematic(atlas, { kind: 'choropleth', measure: 'sum', method: 'jenks' });
    const sums = await thematicRendered(atlas);
    expect(sums.find((f) => f.id === 'tongzhou')?.v).toBe(35_660_000_000);
    const inv = await thematicLegend(atlas);
    expect(inv.title).toBe('Stated investment, CNY million, per city boundary');
    expect(inv.text).toMatch(/projects in these areas state no investment, or only an estimate/);
    await atlas.screenshot(join(SHOTS, 'choropleth-investment-en.png'));
    const panel = atlas.page.locator('[data-testid="thematic-panel"]');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SHOTS, 'panel-en.png') });

    await atlas.switchLanguage('zh');
    await waitForThematic(atlas);
    const zh = await thematicLegend(atlas);
    expect(zh.title).toBe('已公布投资（亿元），按城市边界');
    expect(zh.text).toMatch(/个项目未公布投资，或只有估算数、目标数/);
    expect((await thematicRendered(atlas)).find((f) => f.id === 'tongzhou')?.v).toBe(
      35_660_000_000,
    );
    await atlas.screenshot(join(SHOTS, 'choropleth-investment-zh.png'));

    // A heatmap of the ledger's projects.
    await showThematic(atlas, { kind: 'heatmap', measure: 'count' });
    expect((await thematicLegend(atlas)).title).toBe('项目数：密度（相对值）');
    await atlas.screenshot(join(SHOTS, 'heatmap-ledger-zh.png'));
    expect(atlas.errors).toEqual([]);
  }, 300_000);

  it('on a phone: the panel is in the sheet’s Layers tab and the legend over the map', async () => {
    const atlas = await app.openOnPhone('?v=116.9,39.85,8');
    await openSheetTab(atlas, 'layers');
    await atlas.page.locator('[data-testid="thematic-kind"]').scrollIntoViewIfNeeded();
    await showThematic(atlas, { kind: 'choropleth', measure: 'density', method: 'equal' });
    const legend = await thematicLegend(atlas);
    expect(legend.title).toBe('Projects per km², per city boundary');
    expect(await atlas.page.locator('[data-testid="thematic-legend"]').isVisible()).toBe(true);
    await atlas.screenshot(join(SHOTS, 'phone-sheet-en.png'));
    await closeSheet(atlas);
    await atlas.screenshot(join(SHOTS, 'phone-map-en.png'));
    expect(atlas.errors).toEqual([]);
  }, 300_000);

  it('hexagons over an imported 100,000-point layer hold every point; a heatmap draws', async () => {
    const atlas = await app.open('?v=116.65,39.89,11');
    await atlas.importFile(csv);
    await showThematic(atlas, { kind: 'hexagons', measure: 'count', method: 'jenks' });
    const source = await atlas.page.$$eval('[data-testid="thematic-source"] option', (os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
    );
    const layer = source.find((o) => o.text === 'points-100k.csv');
    expect(layer).toBeDefined();
    await showThematic(atlas, { kind: 'hexagons', source: layer!.value });
    // The whole layer in view: the hexagons drawn hold all 100,000 points.
    await atlas.page.evaluate(() =>
      window.__atlasMap?.fitBounds([116.595, 39.835, 116.705, 39.945], { duration: 0 }),
    );
    await waitForThematic(atlas);
    const hexes = await thematicRendered(atlas);
    expect(hexes.length).toBeGreaterThan(10);
    expect(hexes.reduce((s, h) => s + h.n, 0)).toBe(pointCount(GRID_100K));
    expect(hexes.every((h) => h.c >= 0)).toBe(true);
    const legend = await thematicLegend(atlas);
    expect(legend.title).toMatch(/^Points, per hexagon \(H3 resolution \d+, edge ≈ [\d,.]+ k?m\)$/);
    expect(legend.classes.length).toBeGreaterThanOrEqual(3);
    await atlas.screenshot(join(SHOTS, 'hexagons-en.png'));

    await showThematic(atlas, { kind: 'heatmap' });
    expect(await atlas.page.evaluate(() => !!window.__atlasMap?.getLayer('thematic-heat'))).toBe(
      true,
    );
    expect((await thematicLegend(atlas)).title).toBe('Points: density (relative)');
    await atlas.screenshot(join(SHOTS, 'heatmap-en.png'));

    await showThematic(atlas, { kind: 'hexagons', palette: 'viridis' });
    await atlas.switchLanguage('zh');
    await waitForThematic(atlas);
    expect((await thematicLegend(atlas)).title).toMatch(/^点数，按六边形（H3 分辨率/);
    await atlas.screenshot(join(SHOTS, 'hexagons-zh.png'));
    expect(atlas.errors).toEqual([]);
  }, 600_000);
});
