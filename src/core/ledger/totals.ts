import type { Initiative } from './model.ts';

export interface LedgerTotals {
  count: number;
  /** Sum of the investments some source states, in yuan. */
  knownInvestment: number;
  /** Rows with a stated investment. */
  withInvestment: number;
  /** Rows whose investment no source states (never counted as 0 in the sum). */
  unknownInvestment: number;
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
    knownInvestment: 0,
    withInvestment: 0,
    unknownInvestment: 0,
    byCategory: {},
    byStatus: {},
    byCity: {},
  };
  for (const row of rows) {
    if (row.investment_cny === null) t.unknownInvestment++;
    else {
      t.knownInvestment += row.investment_cny;
      t.withInvestment++;
    }
    bump(t.byCategory, row.category);
    bump(t.byStatus, row.status);
    bump(t.byCity, row.city_id);
  }
  return t;
}
