/**
 * The per-city green scorecard (in the style of the 城市体检 sheets): each indicator's computed
 * value beside the national thresholds, a rating, what it was computed from, and the published
 * figures for the same city. Pure: the numbers come from the analytics; this only compares.
 */
import type { GreenDataStatus } from '../ledger/model.ts';
import { canRate } from './completeness.ts';
import type { Indicator, Published, Threshold } from './model.ts';

export interface CityMeasures {
  city_id: string;
  area_m2: number;
  /** Mapped green space inside the boundary (overlaps once). */
  green_m2: number;
  /** Park service-area coverage share (0..1) under `rule`, over `denominator`. */
  coverage: number | null;
  rule: string;
  denominator: 'residential' | 'region';
  population: number | null;
  population_year: number | null;
  /** How complete the city's park layer is (catalog.json green_data, or a published layer). */
  green_data: GreenDataStatus;
}

/**
 * `insufficient`: the park layer is known to be incomplete, so the value is not compared with
 * any threshold (a red "below the minimum" from two schematic parks would be false).
 */
export type Rating = 'high' | 'minimum' | 'below' | 'n/a' | 'insufficient';

/** What a computed value rests on (or why it is missing), for the UI to word in its language. */
export type Basis =
  | { kind: 'coverage'; rule: string; denominator: 'residential' | 'region' }
  | { kind: 'per_capita'; population: number; year: number | null }
  | { kind: 'no_population' }
  | { kind: 'green_share' };

export interface ScoreRow {
  indicator: Indicator;
  /** Computed value: a share 0..1, or m² per person. null when it cannot be computed. */
  value: number | null;
  basis: Basis;
  thresholds: Array<Threshold & { met: boolean | null }>;
  rating: Rating;
  published: Published[];
}

const meets = (value: number, t: Threshold) => (t.op === '>=' ? value >= t.value : value > t.value);

/**
 * insufficient: the park layer is incomplete; high: meets every `high` threshold; minimum: meets
 * the `minimum` ones; else below.
 */
export function rate(
  value: number | null,
  thresholds: readonly Threshold[],
  greenData: GreenDataStatus = 'complete',
): Rating {
  if (!canRate(greenData)) return 'insufficient';
  if (value === null || thresholds.length === 0) return 'n/a';
  const high = thresholds.filter((t) => t.level === 'high');
  const min = thresholds.filter((t) => t.level === 'minimum');
  if (high.length > 0 && high.every((t) => meets(value, t))) return 'high';
  if (min.length > 0 ? min.every((t) => meets(value, t)) : false) return 'minimum';
  return 'below';
}

export function scorecard(
  m: CityMeasures,
  thresholds: readonly Threshold[],
  published: readonly Published[],
): ScoreRow[] {
  const perCapita = m.population && m.population > 0 ? m.green_m2 / m.population : null;
  const values: Record<Indicator, { value: number | null; basis: Basis }> = {
    park_coverage: {
      value: m.coverage,
      basis: { kind: 'coverage', rule: m.rule, denominator: m.denominator },
    },
    park_green_per_capita: {
      value: perCapita,
      basis:
        perCapita === null || m.population === null
          ? { kind: 'no_population' }
          : { kind: 'per_capita', population: m.population, year: m.population_year },
    },
    green_share: {
      value: m.area_m2 > 0 ? m.green_m2 / m.area_m2 : null,
      basis: { kind: 'green_share' },
    },
  };
  return (Object.keys(values) as Indicator[]).map((indicator) => {
    const { value, basis } = values[indicator];
    const ts = thresholds.filter((t) => t.indicator === indicator);
    return {
      indicator,
      value,
      basis,
      thresholds: ts.map((t) => ({
        ...t,
        met: value === null || !canRate(m.green_data) ? null : meets(value, t),
      })),
      rating: rate(value, ts, m.green_data),
      published: published.filter((p) => p.city_id === m.city_id && p.indicator === indicator),
    };
  });
}
