/**
 * coalesce(): callers that arrive during a run share the NEXT run (started after they asked),
 * never the one already under way; a failure reaches only the callers of that run.
 */
import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../server/http/coalesce.ts';

function controlled() {
  const runs: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  let started = 0;
  const fn = () =>
    new Promise<number>((resolve, reject) => {
      started++;
      runs.push({ resolve, reject });
    });
  return { fn, runs, started: () => started };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('coalesce', () => {
  it('runs at once when idle, and queues later callers onto one next run', async () => {
    const c = controlled();
    const read = coalesce(c.fn);
    const a = read();
    const b = read();
    const d = read();
    expect(c.started()).toBe(1);
    c.runs[0]!.resolve(1);
    expect(await a).toBe(1);
    await tick();
    expect(c.started()).toBe(2);
    c.runs[1]!.resolve(2);
    expect([await b, await d]).toEqual([2, 2]);
    // Idle again: a new caller starts a run of its own.
    const e = read();
    expect(c.started()).toBe(3);
    c.runs[2]!.resolve(3);
    expect(await e).toBe(3);
  });

  it('a failed run fails its callers only; the queued run still happens', async () => {
    const c = controlled();
    const read = coalesce(c.fn);
    const a = read();
    const b = read();
    c.runs[0]!.reject(new Error('db gone'));
    await expect(a).rejects.toThrow('db gone');
    await tick();
    c.runs[1]!.resolve(7);
    expect(await b).toBe(7);
  });
});
