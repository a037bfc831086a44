/**
 * Totals of points per region: count (boundary counts as inside), sums of numeric fields (missing
 * values skipped and counted per field), counts by a field's values, and the region's area.
 *
 * Points are indexed once: by default a uniform grid (`grid-index.ts`), where each region takes
 * the points of the cells wholly inside it without a test and runs the exact point-in-polygon test
 * only in the cells its edges cross. A KDBush `PointIndex` may be passed instead (bbox query, then
 * the exact test on each candidate). Never a scan of all points per region.
 */
import { say } from '../common/messages.ts';
import { multiPolygonArea } from './area.ts';
import { GridIndex } from './grid-index.ts';
import { PreparedPolygon } from './point-in-polygon.ts';
import { PointIndex } from './point-index.ts';
import type {
  FeatureId,
  FeatureIssue,
  FeaturesInput,
  IdOptions,
  PointSet,
  SkippedRow,
} from './types.ts';
import { readPolygonal } from './validate.ts';
import { fieldReader, rowOf, sortedRecord, toLabel, toNumber } from './values.ts';

export interface TotalsOptions extends IdOptions {
  /** Numeric fields to sum. */
  sum?: ReadonlyArray<string>;
  /** Field whose values are counted. */
  by?: string;
  /** A prebuilt index over the same points (e.g. kept in a Worker); a GridIndex is fastest. */
  index?: PointIndex | GridIndex;
  /** Repair self-intersecting regions (default true); when false they are skipped. */
  repair?: boolean;
}

export interface RegionTotals {
  id: FeatureId;
  area_m2: number;
  count: number;
  /** Sum per field over the points inside that have a numeric value (0 when none). */
  sums: Record<string, number>;
  /** Points inside whose value was blank or non-numeric, per field. */
  missing: Record<string, number>;
  /** Points inside per value of the `by` field (present only when `by` is given). */
  by?: Record<string, number>;
}

export interface TotalsResult {
  regions: RegionTotals[];
  /** Points without usable coordinates. */
  skipped: SkippedRow[];
  /** Regions that could not be used (invalid geometry), with the reason. */
  skippedRegions: FeatureIssue[];
  /** Regions that were repaired (self-intersection), with what was done. */
  repairedRegions: FeatureIssue[];
}

/** Skipped rows for the points an index left out. */
export function invalidPointRows(
  points: PointSet,
  index: { readonly invalid: ArrayLike<number> },
): SkippedRow[] {
  return Array.from(index.invalid, (i) => ({
    row: rowOf(points, i),
    ...say('an_point_invalid_at', { lon: String(points.lons[i]), lat: String(points.lats[i]) }),
  }));
}

export function regionTotals(
  regions: FeaturesInput,
  points: PointSet,
  options: TotalsOptions = {},
): TotalsResult {
  const read = readPolygonal(regions, {
    ...(options.idField !== undefined ? { idField: options.idField } : {}),
    repair: options.repair ?? true,
  });
  const index = options.index ?? GridIndex.build(points.lons, points.lats);
  if (index.inputSize !== points.lons.length) {
    throw new Error(`index holds ${index.inputSize} points but ${points.lons.length} were given`);
  }
  const sumFields = [...(options.sum ?? [])];
  const readers = sumFields.map((f) => fieldReader(points, f));
  const byReader = options.by !== undefined ? fieldReader(points, options.by) : null;

  const out: RegionTotals[] = read.items.map((item) => {
    const prepared = new PreparedPolygon(item.coords);
    const sums = new Float64Array(sumFields.length);
    const missing = new Uint32Array(sumFields.length);
    const by = new Map<string, number>();
    let count = 0;
    const visit = (i: number) => {
      count++;
      for (let f = 0; f < readers.length; f++) {
        const v = toNumber(readers[f]!(i));
        if (v === null) missing[f]!++;
        else sums[f]! += v;
      }
      if (byReader) {
        const label = toLabel(byReader(i));
        by.set(label, (by.get(label) ?? 0) + 1);
      }
    };
    if (index instanceof PointIndex) {
      for (const i of index.range(item.bbox)) {
        if (prepared.contains(points.lons[i]!, points.lats[i]!)) visit(i);
      }
    } else index.visitInside(prepared, visit);
    const result: RegionTotals = {
      id: item.id,
      area_m2: multiPolygonArea(item.coords),
      count,
      sums: Object.fromEntries(sumFields.map((f, k) => [f, sums[k]!])),
      missing: Object.fromEntries(sumFields.map((f, k) => [f, missing[k]!])),
    };
    if (byReader) result.by = sortedRecord(by);
    return result;
  });
  return {
    regions: out,
    skipped: invalidPointRows(points, index),
    skippedRegions: read.skipped,
    repairedRegions: read.repaired,
  };
}
