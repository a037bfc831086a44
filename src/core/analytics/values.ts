/**
 * Reading field values of points: numbers for sums and population, labels for counts by value.
 * Numbers are read by THE number parser (common/number.ts): finite numbers, or strings holding a
 * plain decimal (optional sign, decimals, exponent, valid thousands groups such as "1,234.5").
 * Blank, non-numeric (e.g. "n/a", "12亿", "0x10") and non-finite values are MISSING: skipped and
 * counted, never read as 0.
 */
import type { PointSet } from './types.ts';

/** The numeric value of a field value, or null when missing / not numeric. */
export { toNumber } from '../common/number.ts';

/** Label used in `by` counts for blank / absent values. */
export const BLANK_LABEL = '(blank)';

/** The label of a field value for counts by value. */
export function toLabel(value: unknown): string {
  if (value === null || value === undefined) return BLANK_LABEL;
  if (typeof value === 'string') return value.trim() === '' ? BLANK_LABEL : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Reads field `field` of point i from `columns` when present, else from `properties`. */
export function fieldReader(points: PointSet, field: string): (i: number) => unknown {
  const column = points.columns?.[field];
  if (column) return (i) => column[i];
  const props = points.properties;
  return (i) => props?.[i]?.[field];
}

/** Row number reported for point i. */
export function rowOf(points: PointSet, i: number): number {
  return points.rows ? points.rows[i]! : i;
}

/** Object with keys in code-point order (stable JSON output). */
export function sortedRecord(record: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...record.keys()].sort()) out[key] = record.get(key)!;
  return out;
}
