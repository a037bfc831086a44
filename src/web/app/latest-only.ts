/**
 * Requests to the worker one at a time, skipping any a newer one replaced while it waited: while
 * the timeline plays (a year a second) a slow answer (region results or hexagons over a million
 * points) does not pile the years up in the worker's queue, and the last year asked is always
 * computed, so the final answer is exact.
 */
export const STALE = Symbol('stale');

export function latestOnly(): <T>(job: () => Promise<T>) => Promise<T | typeof STALE> {
  let tail: Promise<unknown> = Promise.resolve();
  let seq = 0;
  return <T>(job: () => Promise<T>) => {
    const mine = ++seq;
    const run: Promise<T | typeof STALE> = tail.then(() =>
      mine === seq ? job() : (STALE as T | typeof STALE),
    );
    tail = run.catch(() => undefined);
    return run;
  };
}
