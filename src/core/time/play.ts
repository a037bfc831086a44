/**
 * Play through the years: one year per step, stopping at the last; playing again from the last
 * year (or with no year chosen) starts over from the first. Pure.
 */

/** The year play starts from. */
export function playStart(year: number | null, domain: readonly [number, number]): number {
  if (year === null || year >= domain[1] || year < domain[0]) return domain[0];
  return year;
}

/** The next year, or null when `year` is the last (play stops there). */
export function playStep(year: number, domain: readonly [number, number]): number | null {
  return year >= domain[1] ? null : Math.max(year + 1, domain[0]);
}

/** One domain covering both (either may be null). */
export function mergeDomains(
  a: readonly [number, number] | null,
  b: readonly [number, number] | null,
): [number, number] | null {
  if (!a) return b ? [b[0], b[1]] : null;
  if (!b) return [a[0], a[1]];
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}
