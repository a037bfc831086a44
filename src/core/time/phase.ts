/**
 * "The map as of year Y": where a project stands at the end of year Y, from its start and end
 * years (either may be unknown). Pure.
 *
 * - not_started: its start year is after Y (or, with only an end year, that end year is after Y:
 *   a project whose start no source states is placed on the timeline at its end year);
 * - under_way: started by Y (start year <= Y) and its end year, if any, is after Y;
 * - ended: its end year is Y or earlier (and it had started: a start after the end is a data
 *   error and the project counts as not started until its start year);
 * - no_year: neither year is known, so it cannot be placed on the timeline at all.
 */
export const TIMELINE_PHASES = ['not_started', 'under_way', 'ended', 'no_year'] as const;
export type TimelinePhase = (typeof TIMELINE_PHASES)[number];

export function phaseAt(start: number | null, end: number | null, year: number): TimelinePhase {
  if (start === null && end === null) return 'no_year';
  if (start !== null && start > year) return 'not_started';
  if (end !== null) return end <= year ? 'ended' : start === null ? 'not_started' : 'under_way';
  return 'under_way';
}

/** Is a project on the map as of year Y (started by then: under way or ended)? */
export function onMapAt(start: number | null, end: number | null, year: number): boolean {
  const phase = phaseAt(start, end, year);
  return phase === 'under_way' || phase === 'ended';
}
