import { useEffect } from 'react';
import { BLANK_LABEL } from '../../../core/analytics/values.ts';
import { resultsToCsv } from '../../../core/workspace/export.ts';
import { regionsToGeoJSON } from '../../../core/workspace/model.ts';
import { isPointLayer } from '../../../core/workspace/point-layer.ts';
import { useRegionResults } from '../../app/useRegionResults.ts';
import { clearAllWork } from '../../app/useWorkspaceSync.ts';
import { ruleInWords } from '../../i18n/rule-words.ts';
import { CATEGORY_LABELS, type Pair, STATUS_LABELS } from '../../i18n/strings.ts';
import { formatNumber, translate, useT } from '../../i18n/useT.ts';
import { useAtlas } from '../../state/store.ts';
import type { Lang } from '../../state/url.ts';
import {
  type DrawMode,
  LEDGER_SOURCE,
  removeRegion,
  updateRegion,
  useWorkspace,
} from '../../workspace/store.ts';
import { download } from '../download.ts';
import { ErrorNote } from '../ErrorNote.tsx';
import { formatArea, formatInvestment } from '../format.ts';
import { LayerAsOfNote } from '../time/LayerAsOfNote.tsx';

const MODES: Array<{
  mode: Exclude<DrawMode, null>;
  key: 'wsPolygon' | 'wsRectangle' | 'wsCircle';
}> = [
  { mode: 'polygon', key: 'wsPolygon' },
  { mode: 'rectangle', key: 'wsRectangle' },
  { mode: 'circle', key: 'wsCircle' },
];

/**
 * Counts by value, largest first: a ledger category or status by its label in the language (an
 * imported layer's own values as written), the count as the language writes numbers.
 */
function list(o: Record<string, number>, labels: Record<string, Pair>, lang: Lang): string {
  return Object.entries(o)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => {
      const label = k === BLANK_LABEL ? translate(lang, 'blankValue') : labels[k]?.[lang];
      return `${label ?? (k || '—')} ${formatNumber(v, lang)}`;
    })
    .join(lang === 'zh' ? '，' : ', ');
}

const pct = (share: number | undefined, lang: Lang) =>
  `${formatNumber((share ?? 0) * 100, lang, 2)} %`;

/** Drawing, the list of regions, and their results side by side. */
export function RegionsPanel() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const rule = useAtlas((s) => s.coverageRule) ?? 'gbt50563';
  const { regions, drawMode, editing, pointsSource, layers, urlTooLong } = useWorkspace();
  const { results, busy, error } = useRegionResults();
  const pointLayers = layers.filter(isPointLayer);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useWorkspace.setState({ drawMode: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const stamp = new Date().toISOString().slice(0, 10);
  const cell = (id: string) => results.find((r) => r.id === id);
  return (
    <section className="panel workspace" aria-labelledby="ws-h" data-testid="workspace">
      <h2 id="ws-h">{t('ws')}</h2>
      <fieldset className="draw-buttons">
        <legend>{t('wsDraw')}</legend>
        {MODES.map(({ mode, key }) => (
          <button
            key={mode}
            type="button"
            data-testid={`draw-${mode}`}
            aria-pressed={drawMode === mode}
            disabled={editing !== null}
            onClick={() => useWorkspace.setState({ drawMode: drawMode === mode ? null : mode })}
          >
            {t(key)}
          </button>
        ))}
      </fieldset>
      {drawMode && <p className="note">{t('wsDrawHint')}</p>}
      {regions.length === 0 && <p className="note">{t('wsNoRegions')}</p>}
      <ul className="regions">
        {regions.map((r) => (
          <li key={r.id} data-testid="region-item">
            <input
              aria-label={t('wsName')}
              value={r.name}
              maxLength={200}
              onChange={(e) => updateRegion(r.id, { name: e.target.value })}
            />
            <button
              type="button"
              onClick={() =>
                useWorkspace.setState({ editing: editing === r.id ? null : r.id, drawMode: null })
              }
              disabled={r.geometry.type !== 'Polygon' || (editing !== null && editing !== r.id)}
            >
              {editing === r.id ? t('wsDone') : t('wsEdit')}
            </button>
            <button type="button" onClick={() => removeRegion(r.id)} disabled={editing === r.id}>
              {t('wsDelete')}
            </button>
          </li>
        ))}
      </ul>
      {urlTooLong && <p className="note">{t('wsUrlTooLong')}</p>}
      {regions.length > 0 && (
        <>
          <label className="field">
            {t('wsPoints')}
            <select
              value={pointsSource}
              onChange={(e) => useWorkspace.setState({ pointsSource: e.target.value })}
            >
              <option value={LEDGER_SOURCE}>{t('wsLedgerPoints')}</option>
              {pointLayers.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <LayerAsOfNote layerId={pointsSource} />
          <h3>
            {t('wsResults')}{' '}
            {busy && (
              <span className="busy" role="status">
                {t('wsComputing')}
              </span>
            )}
          </h3>
          {error && (
            <ErrorNote what="regionResults" raw={error}>
              {error}
            </ErrorNote>
          )}
          <div className="results-scroll">
            <table className="results" data-testid="region-results">
              <thead>
                <tr>
                  <th scope="col" />
                  {regions.map((r) => (
                    <th scope="col" key={r.id}>
                      {r.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['wsArea', 'area', (id: string) => formatArea(cell(id)?.area_m2 ?? 0, lang)],
                    [
                      'wsCount',
                      'count',
                      (id: string) => {
                        const n = cell(id)?.count;
                        return n === undefined ? '…' : formatNumber(n, lang);
                      },
                    ],
                    [
                      'wsByCategory',
                      'cat',
                      (id: string) => list(cell(id)?.byCategory ?? {}, CATEGORY_LABELS, lang),
                    ],
                    [
                      'wsByStatus',
                      'status',
                      (id: string) => list(cell(id)?.byStatus ?? {}, STATUS_LABELS, lang),
                    ],
                    [
                      'wsInvest',
                      'invest',
                      (id: string) => formatInvestment(cell(id)?.investment_cny ?? 0, lang),
                    ],
                    [
                      'wsUnknown',
                      'unknown',
                      (id: string) => {
                        const n = cell(id)?.investment_unknown;
                        return n === undefined ? '…' : formatNumber(n, lang);
                      },
                    ],
                    ['wsGreen', 'green', (id: string) => formatArea(cell(id)?.green_m2 ?? 0, lang)],
                    ['wsGreenShare', 'gshare', (id: string) => pct(cell(id)?.green_share, lang)],
                    [
                      'wsCoverage',
                      'coverage',
                      (id: string) =>
                        `${pct(cell(id)?.coverage_share, lang)} (${ruleInWords(rule, lang)})`,
                    ],
                  ] as const
                ).map(([key, tid, value]) => (
                  <tr key={key}>
                    <th scope="row">{t(key)}</th>
                    {regions.map((r) => (
                      <td key={r.id} data-testid={`result-${tid}`}>
                        {value(r.id)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <button
              type="button"
              data-testid="export-results"
              disabled={results.length === 0}
              onClick={() =>
                download(
                  `planning-atlas-regions-${stamp}.csv`,
                  'text/csv',
                  resultsToCsv(regions, results),
                )
              }
            >
              {t('wsExportResults')}
            </button>
            <button
              type="button"
              onClick={() =>
                download(
                  `planning-atlas-regions-${stamp}.geojson`,
                  'application/geo+json',
                  JSON.stringify(regionsToGeoJSON(regions)),
                )
              }
            >
              {t('wsExportRegions')}
            </button>
          </div>
        </>
      )}
      {(regions.length > 0 || layers.length > 0) && (
        <button type="button" className="link danger" onClick={() => void clearAllWork()}>
          {t('wsClearAll')}
        </button>
      )}
    </section>
  );
}
