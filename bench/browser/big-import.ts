/**
 * Page steps shared by the big-import scenarios (import-100k.ts, import-1m.ts): import a generated
 * point CSV (points-csv.ts) and time it until the rows are listed and until the points are on the
 * map; the longest main-thread stall while the map is dragged; the JS heap.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type GridSpec, pointCount, writePointsCsv } from './points-csv.ts';

/** The CSV for a grid in the bench's scratch folder (written once per bench run). */
export async function gridCsv(tmpDir: string, g: GridSpec): Promise<string> {
  const path = join(tmpDir, `points-${pointCount(g)}.csv`);
  if (!existsSync(path)) await writePointsCsv(path, g);
  return path;
}

/** Pixels of the imported points' colour in the frame the map draws next (see the e2e spec). */
export function pointPixels(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const map = window.__atlasMap;
        if (!map) return resolve(-1);
        map.once('render', () => {
          const src = map.getCanvas();
          const c = document.createElement('canvas');
          c.width = src.width;
          c.height = src.height;
          const ctx = c.getContext('2d');
          if (!ctx) return resolve(-1);
          ctx.drawImage(src, 0, 0);
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) {
            const r = d[i] as number;
            const g = d[i + 1] as number;
            const b = d[i + 2] as number;
            if (r < 90 && g < 90 && b > r + 25 && b < 150) n++;
          }
          resolve(n);
        });
        map.triggerRepaint();
      }),
  );
}

/**
 * Imports `path` through the file input; ms from choosing the file until the report lists the
 * rows, and until the points are on the map (their colour covers `minPixels` more pixels than
 * before).
 */
export async function timedImport(
  page: Page,
  path: string,
  rows: number,
  timeout = 300_000,
): Promise<{ listed: number; drawn: number }> {
  const before = await pointPixels(page);
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="import-file"]', path);
  const pattern = `${rows.toLocaleString('en-US')} loaded|${rows} loaded`;
  await page.waitForFunction(
    (p) =>
      new RegExp(p as string).test(
        document.querySelector('[data-testid="import-report"]')?.textContent ?? '',
      ),
    pattern,
    { timeout, polling: 50 },
  );
  const listed = Date.now() - t0;
  const until = t0 + timeout;
  while ((await pointPixels(page)) < before + 5000) {
    if (Date.now() > until) throw new Error('points not drawn');
    await page.waitForTimeout(50);
  }
  return { listed, drawn: Date.now() - t0 };
}

/**
 * Drags the map in 10 steps; meanwhile the longest main-thread stall (the longest "longtask":
 * script, style, layout on the page's thread) and, apart from it, the longest gap between
 * animation frames (which also counts the GPU process drawing the frame: with software WebGL,
 * seconds for 100,000 points while the page's thread waits idle); and the drag's duration, in ms.
 */
export async function dragStall(page: Page): Promise<{ stall: number; gap: number; drag: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __stall: { long: number; gap: number; stop: boolean } };
    w.__stall = { long: 0, gap: 0, stop: false };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__stall.long = Math.max(w.__stall.long, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t: number) => {
      w.__stall.gap = Math.max(w.__stall.gap, t - last);
      last = t;
      if (!w.__stall.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const box = await page.locator('[data-testid="map"]').boundingBox();
  if (!box) throw new Error('no map');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const t0 = Date.now();
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(x - 15 * k, y - 8 * k);
  await page.mouse.up();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const drag = Date.now() - t0;
  const s = await page.evaluate(() => {
    const w = window as unknown as { __stall: { long: number; gap: number; stop: boolean } };
    w.__stall.stop = true;
    return w.__stall;
  });
  return { stall: s.long, gap: s.gap, drag };
}

/** The page's JS heap in MB (Chromium's performance.memory). */
export function heapMb(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return m ? m.usedJSHeapSize / 1e6 : Number.NaN;
  });
}

/** ms until the text of `selector` matches `pattern`. */
export async function timeUntil(
  page: Page,
  selector: string,
  pattern: string,
  timeout = 300_000,
): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(
    ([sel, p]) =>
      new RegExp(p as string).test(document.querySelector(sel as string)?.textContent ?? ''),
    [selector, pattern],
    { timeout, polling: 50 },
  );
  return Date.now() - t0;
}
