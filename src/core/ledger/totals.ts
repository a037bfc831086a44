import { toNumber } from '../common/number.ts';
import type { Initiative, InvestmentQualifier } from './model.ts';

/**
 * Investment totals that never treat a lower bound, an estimate or a target as an exact sum.
 *
 * The rule (one place, used by the totals bar and anything else that adds up the ledger):
 * - `floor` = the exact figures plus the "at least" figures. Both are true lower bounds of
 *   money stated as invested (an exact figure is its own bound), so their sum is a lower bound
 *   too: shown as "X" when every figure in it is exact, as "≥ X" when some are lower bounds.
 * - "about" figures (approximations, estimates) may be above or below the truth: summed apart,
 *   never added to the floor.
 * - "target" figures (planned, budgeted, to be leveraged) are not money spent: summed apart,
 *   never added to the floor.
 * - Rows with no stated investment are counted, never read as 0.
 */
export interface InvestmentSummary {
  /** Sum of the exact and "at least" figures: a lower bound of the stated investment. */
  floor: number;
  /** True when `floor` includes at least one "at least" figure (show it as "≥ floor"). */
  floorIsLowerBound: boolean;
  exact: { count: number; sum: number };
  atLeast: { count: number; sum: number };
  about: { count: number; sum: number };
  target: { count: number; sum: number };
  /** Rows whose investment no source states. */
  unknown: number;
}

export function summariseInvestment(
  rows: readonly Pick<Initiative, 'investment_cny' | 'investment_qualifier'>[],
): InvestmentSummary {
  const part = () => ({ count: 0, sum: 0 });
  const by: Record<InvestmentQualifier, { count: number; sum: number }> = {
    exact: part(),
    at_least: part(),
    about: part(),
    target: part(),
  };
  let unknown = 0;
  for (const r of rows) {
    if (r.investment_cny === null || !Number.isFinite(r.investment_cny)) {
      unknown++;
      continue;
    }
    // A figure with no qualifier (an older file) is not trusted as exact: it counts as "about".
    const q = by[r.investment_qualifier ?? 'about'];
    q.count++;
    q.sum += r.investment_cny;
  }
  return {
    floor: by.exact.sum + by.at_least.sum,
    floorIsLowerBound: by.at_least.count > 0,
    exact: by.exact,
    atLeast: by.at_least,
    about: by.about,
    target: by.target,
    unknown,
  };
}

/**
 * The figure of one row that may be added into a "stated investment (lower bound)" sum: exact
 * and "at least" figures; null for estimates, targets and unknowns. For code that sums
 * investments in columns (region and city totals), so that they follow the same rule.
 */
export function countedInvestment(
  r: Pick<Initiative, 'investment_cny' | 'investment_qualifier'>,
): number | null {
  if (r.investment_cny === null) return null;
  return r.investment_qualifier === 'exact' || r.investment_qualifier === 'at_least'
    ? r.investment_cny
    : null;
}

export interface LedgerTotals {
  count: number;
  investment: InvestmentSummary;
  byCategory: Record<string, number>;
  byStatus: Record<string, number>;
  byCity: Record<string, number>;
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function ledgerTotals(rows: readonly Initiative[]): LedgerTotals {
  const t: LedgerTotals = {
    count: rows.length,
    investment: summariseInvestment(rows),
    byCategory: {},
    byStatus: {},
    byCity: {},
  };
  for (const row of rows) {
    bump(t.byCategory, row.category);
    bump(t.byStatus, row.status);
    bump(t.byCity, row.city_id);
  }
  return t;
}

/**
 * The ledger's `investment_cny` as a column that follows the same rule, for a table read from a
 * file (the CLI's `totals --sum investment_cny` on a ledger CSV): the exact and "at least"
 * figures, NaN for the rest, so that estimates and targets are never summed. Null when the table
 * has no `investment_qualifier` column (a plain numeric column is summed as it is).
 */
export function countedInvestmentColumn(
  properties: ReadonlyArray<Readonly<Record<string, unknown>> | null | undefined>,
): { values: Float64Array; notCounted: number } | null {
  if (!properties.some((p) => p && 'investment_qualifier' in p)) return null;
  const values = new Float64Array(properties.length);
  let notCounted = 0;
  properties.forEach((p, i) => {
    const amount = toNumber(p?.investment_cny);
    const qualifier = String(p?.investment_qualifier ?? '').trim();
    const counted =
      amount === null
        ? null
        : countedInvestment({
            investment_cny: amount,
            investment_qualifier: (qualifier || null) as InvestmentQualifier | null,
          });
    if (amount !== null && counted === null) notCounted++;
    values[i] = counted ?? Number.NaN;
  });
  return { values, notCounted };
}
