/**
 * Cross-checks of the ledger's sources against the catalogue, and the ledger's counts: used by
 * `npm run data:check` and its tests. Pure.
 */
import { say } from '../common/messages.ts';
import type { Catalog, Initiative } from './model.ts';
import { INVESTMENT_QUALIFIERS, SEED_FILE_RE, STATUSES, splitSources } from './model.ts';
import type { DataIssue } from './validate.ts';

/** The seed files the catalogue's programmes name. */
export function catalogSeeds(catalog: Pick<Catalog, 'programmes'>): Set<string> {
  return new Set(catalog.programmes.map((p) => p.seed));
}

/**
 * Every seed file a row cites must be one the catalogue lists; every seed the catalogue lists must
 * be cited by at least one row (a seed whose programmes have no row is a gap in the ledger).
 */
export function sourceIssues(
  rows: readonly Initiative[],
  rowNumbers: readonly number[],
  catalog: Pick<Catalog, 'programmes'>,
  file: string,
): DataIssue[] {
  const seeds = catalogSeeds(catalog);
  const cited = new Set<string>();
  const issues: DataIssue[] = [];
  rows.forEach((r, k) => {
    for (const s of splitSources(r.source)) {
      if (!SEED_FILE_RE.test(s)) continue;
      cited.add(s);
      if (!seeds.has(s)) {
        issues.push({
          file,
          row: rowNumbers[k],
          id: r.id,
          field: 'source',
          ...say('ledger_seed_unknown', { seed: s }),
        });
      }
    }
  });
  for (const s of seeds) {
    if (!cited.has(s)) {
      issues.push({ file, field: 'source', ...say('ledger_seed_uncited', { seed: s }) });
    }
  }
  return issues;
}

/** "196 initiatives (investment: 11 exact, 3 at_least, …; status: 40 planned, …)". */
export function ledgerCounts(rows: readonly Initiative[]): string {
  const q = INVESTMENT_QUALIFIERS.map(
    (k) => `${rows.filter((r) => r.investment_qualifier === k).length} ${k}`,
  );
  const none = rows.filter((r) => r.investment_cny === null).length;
  const st = STATUSES.map((k) => `${rows.filter((r) => r.status === k).length} ${k}`);
  return `${rows.length} initiatives (investment: ${q.join(', ')}, ${none} not stated; status: ${st.join(', ')})`;
}
