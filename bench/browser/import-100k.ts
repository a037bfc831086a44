import { dragStall, gridCsv, heapMb, timedImport } from './big-import.ts';
import { firstMapTime, mapIdle } from './page.ts';
import { GRID_100K, pointCount } from './points-csv.ts';
import type { Scenario } from './types.ts';

/**
 * A 100,000-row CSV (generated, points-csv.ts) imported through the file input: until the rows
 * are listed and until the points are on the map; then, with them on the map, the longest
 * main-thread stall during a 10-step drag, and the JS heap.
 */
export const scenario: Scenario = {
  order: 40,
  name: 'import 100k points',
  async run(page, ctx) {
    const csv = await gridCsv(ctx.tmpDir, GRID_100K);
    await page.goto(`${ctx.baseUrl}?v=116.65,39.89,11`);
    await firstMapTime(page);
    await mapIdle(page);
    const t = await timedImport(page, csv, pointCount(GRID_100K));
    await mapIdle(page);
    const s = await dragStall(page);
    return [
      { what: '100k-row CSV: rows listed', value: t.listed, unit: 'ms', goal: 3000 },
      { what: '100k-row CSV: points on the map', value: t.drawn, unit: 'ms', goal: 5000 },
      {
        what: '100k points: longest main-thread stall in a 10-step drag',
        value: s.stall,
        unit: 'ms',
        goal: 300,
      },
      {
        what: '… longest gap between frames (incl. software WebGL drawing)',
        value: s.gap,
        unit: 'ms',
      },
      { what: '100k points: 10-step drag', value: s.drag, unit: 'ms' },
      { what: '100k points: JS heap', value: await heapMb(page), unit: 'MB' },
    ];
  },
};
