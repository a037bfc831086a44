import type { Page } from 'playwright-core';
import { firstMapTime, mapIdle } from './page.ts';
import type { Scenario } from './types.ts';

const POINTS = 'initiative-points';

/**
 * Clicks a category chip and measures, in the page, from the click to the first animation frame
 * at which: the totals bar shows the new count (React has committed), the map has drawn at least
 * one frame since the click, MapLibre is `loaded()` (sources and tiles done, nothing pending), and
 * every project point it renders belongs to a category the filter now lets through.
 */
async function redraw(page: Page, category: string): Promise<number> {
  return page.evaluate(
    ([cat, points]) =>
      new Promise<number>((resolve, reject) => {
        const map = window.__atlasMap;
        const input = document.querySelector<HTMLInputElement>(
          `[data-testid="filter-category-${cat}"]`,
        );
        const countEl = document.querySelector('[data-testid="totals-count"]');
        if (!map || !input || !countEl) return reject(new Error(`no map or no ${cat} chip`));
        const before = countEl.textContent;
        let frames = 0;
        const onRender = () => {
          frames++;
        };
        map.on('render', onRender);
        const t0 = performance.now();
        input.click();
        const allowed = new Set(
          [...document.querySelectorAll<HTMLInputElement>('[data-testid^="filter-category-"]')]
            .filter((el) => el.checked)
            .map((el) => el.dataset.testid?.replace('filter-category-', '')),
        );
        const deadline = t0 + 20_000;
        let last = '';
        const tick = () => {
          const now = performance.now();
          if (now > deadline) {
            map.off('render', onRender);
            return reject(new Error(`${cat}: map not redrawn in 20 s (${last})`));
          }
          if (countEl.textContent !== before && frames > 0 && map.loaded() && !map.isMoving()) {
            const stale = map
              .queryRenderedFeatures({ layers: [points as string] })
              .filter((f) => allowed.size > 0 && !allowed.has(String(f.properties.category)));
            if (stale.length === 0) {
              map.off('render', onRender);
              return resolve(now - t0);
            }
            last = `${stale.length} points of other categories still drawn`;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    [category, POINTS],
  );
}

/**
 * Filter change -> map redrawn: on the first map (every project, the all-cities view), a
 * category chip is switched on (only that category), off (all again), another on and off, a
 * third on. Every switch is one measurement.
 */
export const scenario: Scenario = {
  order: 20,
  name: 'filter redraw',
  async run(page, ctx) {
    await page.goto(ctx.baseUrl);
    await firstMapTime(page);
    await mapIdle(page);
    const n = await page.textContent('[data-testid="totals-count"]');
    const out = [];
    for (const c of ['transport', 'transport', 'green_space', 'green_space', 'education']) {
      const ms = await redraw(page, c);
      out.push({
        what: `filter change -> map redrawn (${n} projects)`,
        value: ms,
        unit: 'ms' as const,
        goal: 200,
      });
      await mapIdle(page);
    }
    return out;
  },
};
