import type { Page } from 'playwright-core';

/** The performance.mark the app sets when the first map is drawn (src/web/map/first-map.ts). */
export const FIRST_MAP_MARK = 'atlas:first-map';

/** Waits for the app's first-map mark and returns its time since navigation start, in ms. */
export async function firstMapTime(page: Page, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? false,
    FIRST_MAP_MARK,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

/** Resolves when the map is idle (MapLibre's `idle`, or at once when nothing is pending). */
export async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__atlasMap;
      return !!map && map.loaded() && !map.isMoving();
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
}
