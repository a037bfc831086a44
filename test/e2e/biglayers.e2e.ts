/**
 * Big imported point layers (issue 11): a generated 100,000-point CSV (bench/browser/points-csv.ts,
 * answers known by construction) is drawn by deck.gl, filtered, counted in a drawn region and
 * kept across a reload; when the browser refuses the space, the user is told and the layer stays
 * for the session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointPixels } from '../../bench/browser/big-import.ts';
import { GRID_100K, siteBox, siteLonLat, writePointsCsv } from '../../bench/browser/points-csv.ts';
import { type Atlas, withAtlas } from './driver.ts';

const app = withAtlas();
let dir = '';
let csv = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-biglayers-'));
  csv = join(dir, 'points-100k.csv');
  await writePointsCsv(csv, GRID_100K);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A count as digits only (the panel groups thousands: "1,000"). */
const plain = (text: Promise<string | null>) => text.then((t) => (t ?? '').replace(/,/g, ''));

const layerText = (atlas: Atlas) =>
  atlas.page.textContent('[data-testid="imported-layers"]').then((t) => t ?? '');

describe('big point layers in Chromium', () => {
  it('draws 100,000 points, filters them, counts them in a drawn region, keeps them after a reload', async () => {
    const atlas = await app.open('?v=116.65,39.89,11');
    const before = await pointPixels(atlas.page);
    const report = await atlas.importFile(csv);
    expect(report).toMatch(/points-100k\.csv: 100,?000 loaded \(of 100,?000\)/);
    expect(await layerText(atlas)).toMatch(/points-100k\.csv \(100,?000 rows\)/);
    // The map went to the layer (0.1° square from 116.6, 39.84) and deck.gl drew it.
    const center = await atlas.page.evaluate(() => window.__atlasMap?.getCenter().toArray());
    expect(center?.[0]).toBeCloseTo(116.65, 1);
    expect(center?.[1]).toBeCloseTo(39.89, 1);
    await expect
      .poll(() => pointPixels(atlas.page), { timeout: 20_000 })
      .toBeGreaterThan(before + 5000);

    // Columns 20..29, rows 30..39: 100 sites of 10 points, 200 of them "water".
    const { box, count, water } = siteBox(GRID_100K, 20, 29, 30, 39);
    const [cx, cy] = siteLonLat(24.5, 34.5);
    await atlas.page.evaluate(
      ([x, y]) => window.__atlasMap?.jumpTo({ center: [x!, y!], zoom: 14 }),
      [cx, cy],
    );
    await atlas.waitForMapIdle();
    await atlas.drawRectangle([box[0], box[1]], [box[2], box[3]]);
    await atlas.page.selectOption('[data-testid="workspace"] select', { label: 'points-100k.csv' });
    const result = atlas.page.locator('[data-testid="result-count"]').first();
    await expect.poll(() => plain(result.textContent()), { timeout: 30_000 }).toBe(String(count));

    // Filtering narrows the table, the drawn points and the region's count together.
    const drawnAll = await pointPixels(atlas.page);
    await atlas.page.click('[data-testid="layer-shown"]');
    await atlas.page.selectOption('.layer-filter select', 'category');
    await atlas.page.fill('[data-testid="layer-filter"]', 'water');
    await expect.poll(() => plain(result.textContent()), { timeout: 30_000 }).toBe(String(water));
    await expect
      .poll(() => atlas.page.textContent('[data-testid="layer-shown"]'), { timeout: 20_000 })
      .toMatch(/^500 \/ 20,?000 \(100,?000\)/);
    expect(await atlas.page.locator('[data-testid="layer-table"] tbody tr').count()).toBe(500);
    await expect
      .poll(() => pointPixels(atlas.page), { timeout: 20_000 })
      .toBeLessThan(drawnAll * 0.8);

    // A click on a point shows its row, read from the columns.
    const [px, py] = siteLonLat(25, 35);
    const xy = await atlas.screenXY(px, py);
    await atlas.page.mouse.click(xy.x, xy.y);
    await expect
      .poll(() => atlas.page.textContent('[data-testid="big-point-popup"]'), { timeout: 10_000 })
      .toMatch(/Site 3525/);

    await atlas.page.fill('[data-testid="layer-filter"]', '');
    await expect.poll(() => plain(result.textContent()), { timeout: 30_000 }).toBe(String(count));
    await atlas.page.waitForTimeout(1500); // saved 300 ms after the last change (chunks first)
    await atlas.reload();
    await expect.poll(() => layerText(atlas), { timeout: 30_000 }).toMatch(/100,?000 rows/);
    await atlas.page.selectOption('[data-testid="workspace"] select', { label: 'points-100k.csv' });
    await expect
      .poll(() => plain(atlas.page.locator('[data-testid="result-count"]').first().textContent()), {
        timeout: 30_000,
      })
      .toBe(String(count));
    await expect
      .poll(() => pointPixels(atlas.page), { timeout: 20_000 })
      .toBeGreaterThan(before + 5000);
    expect(atlas.errors).toEqual([]);
  }, 600_000);

  it('says when the browser refuses to keep the layer, and keeps it for the session', async () => {
    const atlas = await app.open('?v=116.65,39.89,11');
    // The browser refusing the space, as a full disk or a private window's quota does.
    await atlas.page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
        if (value instanceof ArrayBuffer) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.call(this, value, key);
      };
    });
    await atlas.reload();
    await atlas.importFile(csv);
    const notice = atlas.page.getByText(
      /Could not keep “points-100k\.csv” after you close the tab/,
    );
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toMatch(/refused \d+ MB \(QuotaExceededError\)/);
    expect(await atlas.page.locator('[data-testid="layer-session-only"]').count()).toBe(1);
    expect(await layerText(atlas)).toMatch(/100,?000 rows/);
    await atlas.page.waitForTimeout(800);
    await atlas.reload();
    // Not kept, as said; nothing broken left behind.
    expect(await atlas.page.locator('[data-testid="imported-layers"]').count()).toBe(0);
    expect(atlas.errors).toEqual([]);
  }, 300_000);
});
