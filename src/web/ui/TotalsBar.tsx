import { useMemo } from 'react';
import { initiativesToCsv, initiativesToGeoJSON } from '../../core/ledger/export.ts';
import { ledgerTotals } from '../../core/ledger/totals.ts';
import { INVESTMENT_TOTAL_LABELS, QUALIFIER_PREFIX } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useAtlas } from '../state/store.ts';
import { useFilteredInitiatives } from '../state/useFiltered.ts';
import { download } from './download.ts';
import { formatInvestment } from './format.ts';

/** The words after a count: '1 estimate', '3 estimates'. */
function label(n: number, key: 'lowerBounds' | 'about' | 'target') {
  return INVESTMENT_TOTAL_LABELS[n === 1 ? (`${key}One` as const) : key];
}

/** Totals of what the filters let through, and export of exactly that. */
export function TotalsBar() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const rows = useFilteredInitiatives();
  const totals = useMemo(() => ledgerTotals(rows), [rows]);
  const inv = totals.investment;
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <div className="totals" data-testid="totals">
      <span>
        {t('totalsCount')}: <strong data-testid="totals-count">{totals.count}</strong>
      </span>
      <span title={INVESTMENT_TOTAL_LABELS.floorTitle[lang]}>
        {t('totalsInvestment')}:{' '}
        <strong data-testid="totals-investment">
          {inv.floorIsLowerBound ? '≥ ' : ''}
          {formatInvestment(inv.floor, lang)}
        </strong>{' '}
        <span className="muted">
          ({inv.exact.count + inv.atLeast.count}/{totals.count}
          {inv.atLeast.count > 0 &&
            `; ${inv.atLeast.count} ${label(inv.atLeast.count, 'lowerBounds')[lang]}`}
          )
        </span>
      </span>
      {inv.about.count > 0 && (
        <span className="muted" data-testid="totals-about">
          {QUALIFIER_PREFIX.about[lang]}
          {formatInvestment(inv.about.sum, lang)} ({inv.about.count}{' '}
          {label(inv.about.count, 'about')[lang]})
        </span>
      )}
      {inv.target.count > 0 && (
        <span className="muted" data-testid="totals-target">
          {QUALIFIER_PREFIX.target[lang]}
          {formatInvestment(inv.target.sum, lang)} ({inv.target.count}{' '}
          {label(inv.target.count, 'target')[lang]})
        </span>
      )}
      <span>
        {t('totalsUnknown')}: <strong data-testid="totals-unknown">{inv.unknown}</strong>
      </span>
      <span className="spacer" />
      <button
        type="button"
        data-testid="export-csv"
        disabled={rows.length === 0}
        onClick={() =>
          download(`planning-atlas-ledger-${stamp}.csv`, 'text/csv', initiativesToCsv(rows))
        }
      >
        {t('exportCsv')}
      </button>
      <button
        type="button"
        data-testid="export-geojson"
        disabled={rows.length === 0}
        onClick={() =>
          download(
            `planning-atlas-ledger-${stamp}.geojson`,
            'application/geo+json',
            JSON.stringify(initiativesToGeoJSON(rows), null, 1),
          )
        }
      >
        {t('exportGeoJSON')}
      </button>
    </div>
  );
}
