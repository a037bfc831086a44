/**
 * Big imported point layers (deck.gl) in print / export: a generated 12,000-point CSV (a grid
 * 0.001° apart from 116.6, 39.84 in Tongzhou, with a category and a year) exported on A4 PNGs
 * at 300 dpi. The points are in the image at the print's size (a point 2.5 CSS px in radius is
 * ~16 px across at 300/96); as on the map, a filter keeps a fifth of them, the timeline's year
 * half of them, and hiding the layer none; the legend lists the layer with the points shown.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Atlas, withAtlas } from './driver.ts';
import { closePrintDialog, exportMap, type PointInk, pointInk } from './print-actions.ts';
import { openTimeline, setYear } from './time-actions.ts';

const LOOK = process.env.PRINT_LOOK_DIR ?? '.tmp/print';
const COLS = 120;
const ROWS = 100;
const ORIGIN = [116.6, 39.84] as const;
const STEP = 0.001;
/** The map on an A4 landscape page: left of the legend, below the title (print.e2e.ts). */
const MAP_AREA = { x: 0.03, y: 0.12, w: 0.68, h: 0.7 };

/**
 * Point i at column i % 120, row floor(i / 120): 0.12° x 0.1°, wider than the printed view.
 * Every fifth column is "water" (a fifth of the points), and row r was built in 2011 + r % 10
 * (so half of the points, rows with r % 10 < 5, are on the map as of 2015).
 */
function writeGridCsv(path: string): void {
  const kinds = ['water', 'transport', 'park', 'housing', 'school'];
  const lines = ['id,lon,lat,category,year'];
  for (let i = 0; i < COLS * ROWS; i++) {
    const c = i % COLS;
    const r = Math.floor(i / COLS);
    const lon = (ORIGIN[0] + c * STEP).toFixed(6);
    const lat = (ORIGIN[1] + r * STEP).toFixed(6);
    lines.push(`P${i},${lon},${lat},${kinds[c % 5]},${2011 + (r % 10)}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const app = withAtlas();
let dir = '';
let csv = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-print-points-'));
  csv = join(dir, 'print-points.csv');
  writeGridCsv(csv);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exports an A4 landscape PNG, keeps a copy to look at, and measures the points in its map. */
async function exportA4(
  atlas: Atlas,
  name: string,
): Promise<{ ink: PointInk; legend: string[]; ms: Record<string, number> }> {
  const out = await exportMap(atlas, { format: 'a4', orientation: 'landscape' });
  copyFileSync(out.path, `${LOOK}/${name}.png`);
  const ink = await pointInk(atlas, out.path, MAP_AREA);
  await closePrintDialog(atlas);
  console.log(`${name}: ${JSON.stringify(ink)}, ms ${JSON.stringify(out.ms)}`);
  return { ink, legend: out.legend, ms: out.ms };
}

describe('big point layers in print / export', () => {
  it('puts the points on an A4 PNG at 300 dpi as the map shows them: filtered, by year, hidden', async () => {
    mkdirSync(LOOK, { recursive: true });
    const atlas = await app.open('?v=116.66,39.89,12');
    const report = await atlas.importFile(csv);
    expect(report).toMatch(/print-points\.csv: 12,?000 loaded/);
    // Close enough that points 0.001° apart (~16 CSS px here) stand apart (5 CSS px across).
    const middle = [ORIGIN[0] + (COLS / 2) * STEP, ORIGIN[1] + (ROWS / 2) * STEP];
    await atlas.page.evaluate(
      ([x, y]) => window.__atlasMap?.jumpTo({ center: [x!, y!], zoom: 14.5 }),
      middle,
    );
    await atlas.waitForMapIdle();
    // The live map, to compare with the print (layer order: under the parks).
    await atlas.screenshot(`${LOOK}/live-big-points.png`);

    const all = await exportA4(atlas, 'a4-big-points');
    // The grid covers the whole map; each point ~16 px across (2.5 CSS px x 300/96 in
    // radius; at 1x it would be ~5 px).
    expect(all.ink.share).toBeGreaterThan(0.004);
    expect(all.ink.medianRun).toBeGreaterThanOrEqual(9);
    expect(all.ink.medianRun).toBeLessThanOrEqual(24);
    expect(all.legend).toContain('print-points.csv (12,000 points)');

    // Filtered to "water": every fifth column of points.
    await atlas.page.click('[data-testid="layer-shown"]');
    await atlas.page.selectOption('.layer-filter select', 'category');
    await atlas.page.fill('[data-testid="layer-filter"]', 'water');
    await expect
      .poll(() => atlas.page.textContent('[data-testid="layer-shown"]'), { timeout: 20_000 })
      .toMatch(/\/ 2,?400 \(/);
    await atlas.waitForMapIdle();
    const water = await exportA4(atlas, 'a4-big-points-water');
    expect(water.ink.share).toBeGreaterThan(all.ink.share * 0.1);
    expect(water.ink.share).toBeLessThan(all.ink.share * 0.3);
    expect(water.legend).toContain('print-points.csv (2,400 points)');
    await atlas.page.fill('[data-testid="layer-filter"]', '');
    await expect
      .poll(() => atlas.page.textContent('[data-testid="layer-shown"]'), { timeout: 20_000 })
      .toMatch(/\/ 12,?000$/);

    // The timeline at 2015: the rows built 2011-2015, half of them.
    await openTimeline(atlas);
    await setYear(atlas, 2015);
    await expect
      .poll(() => atlas.page.textContent('[data-testid="time-layer-shown"]'), { timeout: 20_000 })
      .toMatch(/6,?000/);
    const year = await exportA4(atlas, 'a4-big-points-2015');
    expect(year.ink.share).toBeGreaterThan(all.ink.share * 0.3);
    expect(year.ink.share).toBeLessThan(all.ink.share * 0.7);
    expect(year.legend).toContain('print-points.csv (6,000 points)');

    // Hidden: none of the layer's pixels (what is left of that colour is the ledger's dark blue
    // transport marks, ~0.05 % of the map), and not in the legend.
    await atlas.page.click('[data-testid="imported-layers"] > li input[type="checkbox"]');
    await atlas.waitForMapIdle();
    const hidden = await exportA4(atlas, 'a4-big-points-hidden');
    expect(hidden.ink.share).toBeLessThan(all.ink.share * 0.1);
    expect(hidden.legend.some((l) => l.includes('print-points.csv'))).toBe(false);
    expect(atlas.errors).toEqual([]);
  }, 500_000);
});
