/**
 * The ledger on the timeline: the years it spans and, as of a year, how many projects are under
 * way, ended, not yet started, and how many have no year at all (told, never silently dropped).
 * Pure.
 */
import type { Initiative } from '../ledger/model.ts';
import { phaseAt } from './phase.ts';

export interface TimelineCounts {
  underWay: number;
  ended: number;
  notStarted: number;
  noYear: number;
}

type Years = Pick<Initiative, 'start_year' | 'end_year'>;

/** [first, last] year any row names (start or end), or null when no row has a year. */
export function yearDomain(rows: readonly Years[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    for (const y of [r.start_year, r.end_year]) {
      if (y === null) continue;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** How the rows stand as of the end of `year`. */
export function timelineCounts(rows: readonly Years[], year: number): TimelineCounts {
  const out: TimelineCounts = { underWay: 0, ended: 0, notStarted: 0, noYear: 0 };
  for (const r of rows) {
    const phase = phaseAt(r.start_year, r.end_year, year);
    if (phase === 'under_way') out.underWay++;
    else if (phase === 'ended') out.ended++;
    else if (phase === 'not_started') out.notStarted++;
    else out.noYear++;
  }
  return out;
}

/** Rows with neither a start nor an end year (not on the timeline). */
export function countNoYear(rows: readonly Years[]): number {
  let n = 0;
  for (const r of rows) if (r.start_year === null && r.end_year === null) n++;
  return n;
}
