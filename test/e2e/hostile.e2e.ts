/**
 * Files from the wild and hostile files, imported as a user would: each gets a clear message,
 * no good row is lost, nothing empty becomes a layer, and the CSV export is inert in Excel.
 */
import { readFileSync, rmSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { polygonArea } from '../../src/core/analytics/area.ts';
import { type Atlas, withAtlas } from './driver.ts';

const app = withAtlas();
const H = 'test/fixtures/e2e/hostile';
let atlas: Atlas;

describe('files from the wild in Chromium', () => {
  it('refuses a binary file and a file with no good row, and makes no layer of either', async () => {
    atlas = await app.open('?v=116.65,39.88,11');
    const binary = await atlas.importFile(`${H}/picture.csv`);
    expect(binary).toMatch(/not a text file: this is a PNG image/);
    expect(await atlas.page.locator('[data-testid="column-picker"]').count()).toBe(0);

    const bad = await atlas.importFile(`${H}/allbad.csv`);
    expect(bad).toMatch(/no usable row/);
    expect(bad).toMatch(/row 1, lon/);
    expect(await atlas.layerNames()).toEqual([]);
    expect(atlas.errors).toEqual([]);
  });

  it('converts a Web Mercator GeoJSON and says so', async () => {
    atlas = await app.open('?v=116.65,39.9,11');
    const report = await atlas.importFile(`${H}/mercator.geojson`);
    expect(report).toMatch(/1 loaded \(of 1\), 0 problems/);
    expect(await atlas.page.textContent('[data-testid="import-notes"]')).toMatch(
      /EPSG:3857.*Web Mercator/,
    );
    // The point lands in Tongzhou (116.651, 39.906), on screen, not at [13363000, ...].
    const drawn = await atlas.page.evaluate(() => {
      const map = window.__atlasMap;
      const ids =
        map
          ?.getStyle()
          .layers.map((l) => l.id)
          .filter((id) => /^import-/.test(id)) ?? [];
      return (map?.queryRenderedFeatures({ layers: ids }) ?? []).map((f) => f.geometry);
    });
    expect(drawn.length).toBeGreaterThan(0);
    const [lon, lat] = (drawn[0] as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(116.6512, 3);
    expect(lat).toBeCloseTo(39.9061, 3);
    expect(atlas.errors).toEqual([]);
  });

  it('reads a Chinese Shapefile (.cpg 936) and repairs a bow-tie region, saying both', async () => {
    atlas = await app.open('?v=116.65,39.9,11');
    await atlas.importFile('test/fixtures/formats/shapefile-cn/cpg-936.zip');
    await atlas.page.click('[data-testid="layer-shown"]');
    await expect
      .poll(() => atlas.page.textContent('[data-testid="layer-table"]'))
      .toMatch(/通州区[\s\S]*城市绿心森林公园/);

    await atlas.importFile(`${H}/bowtie.geojson`);
    await atlas.page.locator('[data-testid="as-regions"]').last().click();
    await expect
      .poll(() => atlas.page.textContent('[data-testid="import-notes"]'))
      .toMatch(/self-intersecting.*repaired into 2 parts/);
    // The true area: the two triangles on either side of the crossing, not ~0 and not the square.
    const triangles =
      polygonArea([
        [
          [116.6, 39.85],
          [116.65, 39.885],
          [116.6, 39.92],
          [116.6, 39.85],
        ],
      ]) +
      polygonArea([
        [
          [116.7, 39.85],
          [116.7, 39.92],
          [116.65, 39.885],
          [116.7, 39.85],
        ],
      ]);
    const area = atlas.page.locator('[data-testid="result-area"]').last();
    await expect.poll(() => area.textContent(), { timeout: 20_000 }).toMatch(/km²/);
    const km2 = Number(((await area.textContent()) ?? '').replace(/[^0-9.]/g, ''));
    expect(Math.abs(km2 - triangles / 1e6)).toBeLessThan(0.05);
    await atlas.screenshot('test-results/hostile-bowtie.png');
    expect(atlas.errors).toEqual([]);
  });

  it('imports a workbook: the sheet without coordinates says so, the other sheet loads', async () => {
    atlas = await app.open('?v=121,30,7');
    const first = await atlas.importFile('test/fixtures/formats/two-sheets.xlsx');
    expect(first).toMatch(/Notes/);
    await atlas.page.selectOption('[data-testid="import-sheet"]', 'Points');
    await expect
      .poll(() => atlas.page.textContent('[data-testid="import-report"]'))
      .toMatch(/2 loaded \(of 2\)/);
    expect((await atlas.layerNames()).join()).toMatch(/two-sheets\.xlsx \(Points\)/);
    expect(atlas.errors).toEqual([]);
  });

  it('exports region results with every cell defused, imported categories included', async () => {
    atlas = await app.open('?v=116.625,39.885,13');
    await atlas.importFile(`${H}/formulas.csv`);
    await atlas.drawRectangle([116.61, 39.87], [116.64, 39.9]);
    await atlas.page.selectOption('[data-testid="workspace"] select', { label: 'formulas.csv' });
    const count = atlas.page.locator('[data-testid="result-count"]').first();
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe('2');
    const [download] = await Promise.all([
      atlas.page.waitForEvent('download'),
      atlas.page.click('[data-testid="export-results"]'),
    ]);
    const path = (await download.path()) as string;
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    rmSync(path, { force: true });
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const cells = rows.flat();
    expect(cells.some((c) => c.includes('=1+2'))).toBe(true);
    // Excel runs a cell starting with = + - @ (or a tab/CR) as a formula: none may.
    expect(cells.filter((c) => /^[=+@\t\r]|^-(?![0-9.])/.test(c))).toEqual([]);
    expect(atlas.errors).toEqual([]);
  });
});
