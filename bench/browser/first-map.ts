import { firstMapTime } from './page.ts';
import type { Scenario } from './types.ts';

/**
 * First map, offline: from navigation start to the app's `atlas:first-map` performance mark,
 * which the app sets at the first MapLibre `idle` at which boundaries and project points (or
 * their clusters) are among the rendered features (src/web/map/first-map.ts). A fresh browser
 * context each run: nothing cached.
 */
export const scenario: Scenario = {
  order: 10,
  name: 'first map',
  async run(page, ctx) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(ctx.baseUrl);
    const ms = await firstMapTime(page);
    // Main-thread busy time (CDP's TaskDuration, s) when the mark was seen: less sensitive than
    // the wall clock to other work on the machine.
    const { metrics } = await cdp.send('Performance.getMetrics');
    const busy = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    const dcl = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as
        | PerformanceNavigationTiming
        | undefined;
      return nav?.domContentLoadedEventEnd ?? 0;
    });
    return [
      {
        what: 'first map with boundaries and projects, offline',
        value: ms,
        unit: 'ms',
        goal: 2500,
      },
      { what: '… main thread busy until then (CPU time)', value: busy, unit: 'ms' },
      { what: '… DOMContentLoaded (the bundle parsed and run)', value: dcl, unit: 'ms' },
    ];
  },
};
