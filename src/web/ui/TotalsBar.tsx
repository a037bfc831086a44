import { useMemo } from 'react';
import { initiativesToCsv, initiativesToGeoJSON } from '../../core/ledger/export.ts';
import { ledgerTotals } from '../../core/ledger/totals.ts';
import { useT } from '../i18n/useT.ts';
import { useAtlas } from '../state/store.ts';
import { useFilteredInitiatives } from '../state/useFiltered.ts';
import { download } from './download.ts';
import { formatInvestment } from './format.ts';

/** Totals of what the filters let through, and export of exactly that. */
export function TotalsBar() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const rows = useFilteredInitiatives();
  const totals = useMemo(() => ledgerTotals(rows), [rows]);
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <div className="totals" data-testid="totals">
      <span>
        {t('totalsCount')}: <strong data-testid="totals-count">{totals.count}</strong>
      </span>
      <span>
        {t('totalsInvestment')}:{' '}
        <strong data-testid="totals-investment">
          {formatInvestment(totals.knownInvestment, lang)}
        </strong>{' '}
        <span className="muted">
          ({totals.withInvestment}/{totals.count})
        </span>
      </span>
      <span>
        {t('totalsUnknown')}:{' '}
        <strong data-testid="totals-unknown">{totals.unknownInvestment}</strong>
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
