/**
 * Worker requests while the timeline plays: one at a time, a request replaced while it waited is
 * skipped, and the last one asked always runs (the final year is exact).
 */
import { describe, expect, it } from 'vitest';
import { latestOnly, STALE } from '../../../src/web/app/latest-only.ts';

describe('latestOnly', () => {
  it('finishes the one running, skips those replaced while it ran, runs the last', async () => {
    const latest = latestOnly();
    const ran: number[] = [];
    let release = () => {};
    const first = latest(
      () =>
        new Promise<number>((resolve) => {
          ran.push(2019);
          release = () => resolve(2019);
        }),
    );
    // The first has started (a tick later) when the next two are asked for.
    await new Promise((r) => setTimeout(r, 0));
    const mid = latest(async () => {
      ran.push(2020);
      return 2020;
    });
    const last = latest(async () => {
      ran.push(2021);
      return 2021;
    });
    release();
    expect(await Promise.all([first, mid, last])).toEqual([2019, STALE, 2021]);
    expect(ran).toEqual([2019, 2021]);
  });

  it('a failed request does not block the next one', async () => {
    const latest = latestOnly();
    const bad = latest(() => Promise.reject(new Error('no')));
    await expect(bad).rejects.toThrow('no');
    expect(await latest(async () => 1)).toBe(1);
  });
});
