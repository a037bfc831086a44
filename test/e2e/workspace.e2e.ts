import { describe, expect, it } from 'vitest';
import { type Atlas, withAtlas } from './driver.ts';
import { importedPointsDrawn } from './time-actions.ts';

const app = withAtlas();
let atlas: Atlas;

describe("the analyst's workspace in Chromium", () => {
  it('imports a CSV, draws a region, reads its totals, and keeps both after a reload', async () => {
    atlas = await app.open('?v=116.645,39.88,11.5');
    // 12 good rows (经度/纬度 headers) and 2 broken ones, reported by row.
    const report = await atlas.importFile('test/fixtures/e2e/sites.csv');
    expect(report).toMatch(/sites\.csv: 12 loaded \(of 14\), 2 problems/);
    const layerPoints = () => importedPointsDrawn(atlas);
    expect(await layerPoints()).toBe(12);
    expect(await atlas.page.textContent('[data-testid="imported-layers"]')).toMatch(
      /sites\.csv \(12 rows\)/,
    );

    // A rectangle around the first two columns of sites (lon 116.60-116.63, lat 39.85-39.91).
    await atlas.drawRectangle([116.59, 39.84], [116.645, 39.915]);
    await atlas.page.selectOption('[data-testid="workspace"] select', { label: 'sites.csv' });
    const count = atlas.page.locator('[data-testid="result-count"]').first();
    await expect.poll(async () => count.textContent(), { timeout: 20_000 }).toBe('6');
    const area = await atlas.page.locator('[data-testid="result-area"]').first().textContent();
    expect(area).toMatch(/km²/);

    // Filtering the layer narrows its table, its map points and the region's count together.
    await atlas.page.click('[data-testid="layer-shown"]');
    await atlas.page.selectOption('.layer-filter select', '名称');
    await atlas.page.fill('[data-testid="layer-filter"]', '站点1');
    await expect.poll(async () => count.textContent(), { timeout: 20_000 }).toBe('2');
    await atlas.waitForMapIdle();
    expect(await layerPoints()).toBe(4); // 站点1, 站点10, 站点11, 站点12
    expect(await atlas.page.textContent('[data-testid="layer-shown"]')).toMatch(/^4 \/ 4 \(12\)/);
    await atlas.page.fill('[data-testid="layer-filter"]', '');
    await expect.poll(async () => count.textContent(), { timeout: 20_000 }).toBe('6');

    await atlas.page.waitForTimeout(600); // saved 300 ms after the last change
    await atlas.reload();
    await atlas.page.waitForSelector('[data-testid="region-item"]');
    expect(await atlas.page.locator('[data-testid="region-item"]').count()).toBe(1);
    expect(await atlas.page.textContent('[data-testid="imported-layers"]')).toMatch(
      /sites\.csv \(12 rows\)/,
    );
    expect(await layerPoints()).toBe(12);
    expect(atlas.errors).toEqual([]);
  }, 150_000); // many steps; on a loaded 2-core machine each takes several seconds

  it('counts a GeoJSON of points in a drawn region, like a CSV', async () => {
    atlas = await app.open('?v=116.645,39.88,11.5');
    // Five points; three lie in the rectangle below (116.60/39.86, 116.62/39.90, 116.63/39.88).
    const report = await atlas.importFile('test/fixtures/e2e/sites-points.geojson');
    expect(report).toMatch(/sites-points\.geojson: 5 loaded/);
    await atlas.drawRectangle([116.59, 39.84], [116.645, 39.915]);
    await atlas.page.selectOption('[data-testid="workspace"] select', {
      label: 'sites-points.geojson',
    });
    const count = atlas.page.locator('[data-testid="result-count"]').first();
    await expect.poll(async () => count.textContent(), { timeout: 20_000 }).toBe('3');
    expect(atlas.errors).toEqual([]);
  }, 120_000);
});
