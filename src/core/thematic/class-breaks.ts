/**
 * Classes of a thematic map's values: quantiles, equal intervals or natural breaks, through
 * simple-statistics (quantileSorted: R's type 7 / numpy's linear quantile; ckmeans: Wang & Song's
 * optimal 1-D k-means, which minimises the same within-class sum of squares as Jenks' natural
 * breaks, in O(k n log n) instead of Jenks' O(k n²)). Pure.
 *
 * Class 0 is [lower, upper]; every later class is (lower, upper]: a value equal to a limit goes to
 * the lower class (as QGIS's graduated renderer does). Values that are not finite (NaN: "not
 * stated", no data) are in no class and counted apart. When there are no more distinct values
 * than classes asked for, each distinct value is its own class; limits that coincide (ties at a
 * quantile) are merged, so there may be fewer classes than asked for, never empty duplicates.
 */
import { ckmeans, quantileSorted } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'equal' | 'jenks';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks'];
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

export interface ValueClass {
  lower: number;
  upper: number;
  /** True for (lower, upper]; false for [lower, upper] (the first class, or a single value). */
  lowerOpen: boolean;
  /** How many values fall in the class. */
  count: number;
}

export interface Classes {
  method: ClassMethod;
  /** Classes asked for (clamped to MIN_CLASSES..MAX_CLASSES). */
  requested: number;
  classes: ValueClass[];
  /** Values that are not finite numbers (no data). */
  noData: number;
  /** Every finite value is a whole number (counts): limits can be read as whole numbers. */
  integer: boolean;
}

const clampClasses = (k: number) =>
  Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(Number.isFinite(k) ? k : 5)));

/** The upper limits of the classes over sorted, finite values with more than k distinct. */
function uppers(sorted: Float64Array, method: ClassMethod, k: number): number[] {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (method === 'equal') {
    return Array.from({ length: k }, (_, i) =>
      i === k - 1 ? max : min + ((max - min) * (i + 1)) / k,
    );
  }
  if (method === 'quantile') {
    const arr = Array.from(sorted);
    return Array.from({ length: k }, (_, i) =>
      i === k - 1 ? max : quantileSorted(arr, (i + 1) / k),
    );
  }
  return ckmeans(Array.from(sorted), k).map((cluster) => cluster[cluster.length - 1]!);
}

/** The index of the class holding `v` (-1: no data, or outside every class). */
export function classIndex(classes: readonly ValueClass[], v: number): number {
  if (!Number.isFinite(v) || classes.length === 0) return -1;
  const first = classes[0]!;
  if (v < first.lower || v > classes[classes.length - 1]!.upper) return -1;
  let lo = 0;
  let hi = classes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= classes[mid]!.upper) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function classBreaks(
  values: ArrayLike<number>,
  method: ClassMethod,
  requested: number,
): Classes {
  const k = clampClasses(requested);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite.push(v);
  }
  const sorted = Float64Array.from(finite).sort();
  const out: Classes = {
    method,
    requested: k,
    classes: [],
    noData: values.length - sorted.length,
    integer: finite.every((v) => Number.isInteger(v)),
  };
  if (sorted.length === 0) return out;
  const distinct: number[] = [];
  for (const v of sorted) if (distinct[distinct.length - 1] !== v) distinct.push(v);
  if (distinct.length <= k) {
    out.classes = distinct.map((v) => ({ lower: v, upper: v, lowerOpen: false, count: 0 }));
  } else {
    const limits: number[] = [];
    for (const u of uppers(sorted, method, k)) {
      if (limits.length === 0 || u > limits[limits.length - 1]!) limits.push(u);
    }
    out.classes = limits.map((upper, i) => ({
      lower: i === 0 ? sorted[0]! : limits[i - 1]!,
      upper,
      lowerOpen: i > 0,
      count: 0,
    }));
  }
  for (const v of sorted) {
    const c = out.classes[classIndex(out.classes, v)];
    if (c) c.count++;
  }
  return out;
}
