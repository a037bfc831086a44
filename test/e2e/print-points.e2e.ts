/**
 * Big imported point layers (deck.gl) in print / export: a generated 12,000-point CSV (a grid of
 * sites 0.001° apart from 116.6, 39.84 in Tongzhou; bench/browser/points-csv.ts) is exported
 * on an A4 PNG at 300 dpi: its points are in the image, at the print's size (a point 2.5 CSS
 * px in radius is ~16 px across at 300/96), fewer when the layer is filtered, none when it is
 * hidden, and the legend lists the layer.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GridSpec, pointCount, siteLonLat, writePointsCsv } from '../../bench/browser/points-csv.ts';
import { withAtlas } from './driver.ts';
import { closePrintDialog, exportMap, pointInk } from './print-actions.ts';

const LOOK = process.env.PRINT_LOOK_DIR ?? '.tmp/print';
/** 120 x 100 sites of one point: 0.12° x 0.1° (wider than the view), every fifth "water". */
const GRID: GridSpec = { cols: 120, rows: 100, perSite: 1 };
/** The map on an A4 landscape page: left of the legend, below the title (print.e2e.ts). */
const MAP_AREA = { x: 0.03, y: 0.12, w: 0.68, h: 0.7 };

const app = withAtlas();
let dir = '';
let csv = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-print-points-'));
  csv = join(dir, 'print-points.csv');
  await writePointsCsv(csv, GRID);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('big point layers in print / export', () => {
  it('puts the points on an A4 PNG at 300 dpi; fewer when filtered, none when hidden', async () => {
    mkdirSync(LOOK, { recursive: true });
    expect(pointCount(GRID)).toBe(12_000);
    const atlas = await app.open('?v=116.66,39.89,12');
    const report = await atlas.importFile(csv);
    expect(report).toMatch(/print-points\.csv: 12,?000 loaded/);
    // Close enough that points 0.001° apart (~16 CSS px here) stand apart (5 CSS px across).
    const [lon, lat] = siteLonLat(GRID.cols / 2, GRID.rows / 2);
    await atlas.page.evaluate(
      ([x, y]) => window.__atlasMap?.jumpTo({ center: [x!, y!], zoom: 14.5 }),
      [lon, lat],
    );
    await atlas.waitForMapIdle();

    const shown = await exportMap(atlas, { format: 'a4', orientation: 'landscape' });
    copyFileSync(shown.path, `${LOOK}/a4-big-points.png`);
    const ink = await pointInk(atlas, shown.path, MAP_AREA);
    console.log(`A4 with 12,000 points: ${JSON.stringify(ink)}, ms ${JSON.stringify(shown.ms)}`);
    // The grid fills the middle of the map: many point pixels, each point ~16 px across
    // (2.5 CSS px x 300/96 in radius; drawn at 1x it would be ~5 px).
    expect(ink.share).toBeGreaterThan(0.004);
    expect(ink.medianRun).toBeGreaterThanOrEqual(9);
    expect(ink.medianRun).toBeLessThanOrEqual(24);
    // The legend names the layer with the points it shows.
    expect(shown.legend).toContain('print-points.csv (12,000 points)');

    await closePrintDialog(atlas);
    // Filtered to "water" (a fifth of the points): the print draws what the map draws.
    await atlas.page.click('[data-testid="layer-shown"]');
    await atlas.page.selectOption('.layer-filter select', 'category');
    await atlas.page.fill('[data-testid="layer-filter"]', 'water');
    await expect
      .poll(() => atlas.page.textContent('[data-testid="layer-shown"]'), { timeout: 20_000 })
      .toMatch(/^2,?400 \//);
    await atlas.waitForMapIdle();
    const filtered = await exportMap(atlas, { format: 'a4', orientation: 'landscape' });
    copyFileSync(filtered.path, `${LOOK}/a4-big-points-water.png`);
    const inkWater = await pointInk(atlas, filtered.path, MAP_AREA);
    console.log(`A4 with 2,400 points: ${JSON.stringify(inkWater)}`);
    expect(inkWater.share).toBeGreaterThan(0.0008);
    expect(inkWater.share).toBeLessThan(ink.share * 0.5);
    expect(filtered.legend).toContain('print-points.csv (2,400 points)');

    await closePrintDialog(atlas);
    // Hidden: none of the layer's pixels.
    await atlas.page.click('[data-testid="imported-layers"] > li input[type="checkbox"]');
    await atlas.waitForMapIdle();
    const hidden = await exportMap(atlas, { format: 'a4', orientation: 'landscape' });
    copyFileSync(hidden.path, `${LOOK}/a4-big-points-hidden.png`);
    const inkHidden = await pointInk(atlas, hidden.path, MAP_AREA);
    console.log(`A4 with the layer hidden: ${JSON.stringify(inkHidden)}`);
    expect(inkHidden.share).toBeLessThan(0.0005);
    expect(hidden.legend.some((l) => l.includes('print-points.csv'))).toBe(false);
    expect(atlas.errors).toEqual([]);
  }, 400_000);
});
