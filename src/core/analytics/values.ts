/**
 * Reading field values of points: numbers for sums and population, labels for counts by value.
 * A value is numeric when it is a finite number, or a string holding a plain decimal number
 * (optional sign, decimals, exponent, and thousands separators such as "1,234.5"). Blank,
 * non-numeric (e.g. "n/a", "12亿", "0x10") and non-finite values are MISSING: skipped and counted,
 * never read as 0.
 */
import type { PointSet } from './types.ts';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The numeric value of a field value, or null when missing / not numeric. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  if (DECIMAL.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

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
