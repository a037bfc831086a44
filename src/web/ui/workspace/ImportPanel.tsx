import { useEffect, useMemo, useState } from 'react';
import { featureRowsAsOf } from '../../../core/time/rows-as-of.ts';
import { layerSize } from '../../../core/workspace/model.ts';
import { formatProblemIn } from '../../i18n/problems.ts';
import { STRINGS, type StringKey } from '../../i18n/strings.ts';
import { formatNumber, pluralKey, useT } from '../../i18n/useT.ts';
import { useLayerAsOf } from '../../state/layer-time.ts';
import { useAtlas } from '../../state/store.ts';
import { importUserFile, layerRegions, useSheetChoice } from '../../workspace/import-action.ts';
import { removeLayer, toggleLayer, useWorkspace } from '../../workspace/store.ts';
import { PublishLayer } from '../edit/PublishLayer.tsx';
import { LayerFilterBar } from './LayerFilterBar.tsx';
import { ShownAsOf } from './ShownAsOf.tsx';
import { TableLayerRows } from './TableLayerRows.tsx';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods,.geojson,.json,.kml,.gpx,.zip';

/** The worker's stage names in the UI's language (unknown stages as they come). */
function stageLabel(stage: string, t: (k: StringKey) => string): string {
  const key = `stage_${stage}` as StringKey;
  return key in STRINGS.en ? t(key) : stage;
}

/** Import by file picker or drop, the row-level report, the column picker, imported layers. */
export function ImportPanel() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const { crs, importing, report, pending, layers } = useWorkspace();
  const sheetChoice = useSheetChoice((s) => s.choice);
  const [lon, setLon] = useState('');
  const [lat, setLat] = useState('');

  useEffect(() => {
    setLon(pending?.columns[0] ?? '');
    setLat(pending?.columns[1] ?? '');
  }, [pending]);

  // Dropping a file anywhere on the page imports it.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      void importUserFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section className="panel import" aria-labelledby="imp-h" data-testid="import">
      <h2 id="imp-h">{t('imp')}</h2>
      <p className="note">{t('impHint')}</p>
      <label className="field">
        {t('impCrs')}
        <select
          value={crs}
          data-testid="import-crs"
          onChange={(e) => useWorkspace.setState({ crs: e.target.value as typeof crs })}
        >
          <option value="wgs84">{t('crsWgs84')}</option>
          <option value="gcj02">{t('crsGcj02')}</option>
          <option value="bd09">{t('crsBd09')}</option>
        </select>
      </label>
      <input
        type="file"
        accept={ACCEPT}
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importUserFile(file);
          e.target.value = '';
        }}
      />
      {importing && (
        <div role="status" className="importing">
          {t('impReading')} {importing.name}: {stageLabel(importing.stage, t)}…{' '}
          <progress max={1} value={importing.fraction} data-testid="import-progress" />
        </div>
      )}
      {sheetChoice && !importing && (
        <label className="field" data-testid="sheet-picker">
          {t('impSheet')}
          <select
            value={sheetChoice.sheet}
            data-testid="import-sheet"
            onChange={(e) => void importUserFile(sheetChoice.file, { sheet: e.target.value })}
          >
            {sheetChoice.sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      )}
      {pending && (
        <div className="pick" data-testid="column-picker">
          <p>{t('impPick')}</p>
          <table className="preview">
            <thead>
              <tr>
                {pending.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pending.preview.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id
                <tr key={i}>
                  {row.map((v, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells by position
                    <td key={j}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <label className="field">
            {t('impLon')}
            <select value={lon} onChange={(e) => setLon(e.target.value)} data-testid="pick-lon">
              {pending.columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('impLat')}
            <select value={lat} onChange={(e) => setLat(e.target.value)} data-testid="pick-lat">
              {pending.columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() =>
              void importUserFile(pending.file, {
                lonField: lon,
                latField: lat,
                // The sheet the columns come from, when the file is a workbook.
                ...(sheetChoice?.file === pending.file ? { sheet: sheetChoice.sheet } : {}),
              })
            }
          >
            {t('impUse')}
          </button>{' '}
          <button type="button" onClick={() => useWorkspace.setState({ pending: null })}>
            {t('impCancel')}
          </button>
        </div>
      )}
      {report && (
        <div
          className={`report ${report.fatal ? 'bad' : ''}`}
          data-testid="import-report"
          role="status"
        >
          {report.fatal ? (
            <p>
              {t('impFatal', {
                name: reportName(report.name, report.format, t),
                reason:
                  report.fatal === 'too-big' ? t('impTooBig') : formatProblemIn(report.fatal, lang),
              })}
            </p>
          ) : (
            !pending && (
              <p>
                {/* The loaded count alone in its element (e2e reads it). */}
                {t('impSummary', {
                  name: reportName(report.name, report.format, t),
                  loaded: '\u0000',
                  total: report.total,
                })
                  .split('\u0000')
                  .flatMap((part, i) =>
                    i === 0
                      ? [part]
                      : [
                          <strong key="n" data-testid="import-loaded">
                            {formatNumber(report.loaded, lang)}
                          </strong>,
                          part,
                        ],
                  )}
                {lang === 'zh' ? '；' : ', '}
                {t(pluralKey(lang, report.problems.length, 'impProblemsOne', 'impProblemsOther'), {
                  n: report.problems.length,
                })}
                {report.notes.length > 0 &&
                  `${lang === 'zh' ? '；' : ', '}${t(pluralKey(lang, report.notes.length, 'impNotesOne', 'impNotesOther'), { n: report.notes.length })}`}
              </p>
            )
          )}
          {report.notes.length > 0 && (
            <ul className="notes" data-testid="import-notes">
              {report.notes.map((n, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: notes by position
                <li key={i}>{formatProblemIn(n, lang)}</li>
              ))}
            </ul>
          )}
          {report.problems.length > 0 && (
            <details>
              <summary>{formatNumber(report.problems.length, lang)}</summary>
              <ul data-testid="import-problems">
                {report.problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems by position
                  <li key={i}>{formatProblemIn(p, lang)}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {layers.length > 0 && (
        <>
          <h3>{t('impLayers')}</h3>
          <ul className="layers" data-testid="imported-layers">
            {layers.map((l) => (
              <li key={l.id}>
                <label className="check">
                  <input type="checkbox" checked={l.visible} onChange={() => toggleLayer(l.id)} />
                  {t('impLayerRows', { name: l.name, n: layerSize(l) })}
                </label>
                {l.sessionOnly && (
                  <span className="note" data-testid="layer-session-only">
                    {' '}
                    {t('impSessionOnly')}
                  </span>
                )}
                {l.kind === 'features' && (
                  <button
                    type="button"
                    data-testid="as-regions"
                    onClick={() =>
                      useWorkspace.setState((s) => ({
                        regions: [...s.regions, ...layerRegions(l)],
                      }))
                    }
                  >
                    {t('impAsRegions')}
                  </button>
                )}
                <button type="button" onClick={() => removeLayer(l.id)}>
                  {t('impRemove')}
                </button>
                {/* A big point layer (a table) is not published as GeoJSON from here. */}
                {!l.table && <PublishLayer layer={l} />}
                {l.table ? <TableLayerRows layer={l} /> : <LayerTable layer={l} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The report's title: the file's name, or how many regions a repair report is about. */
function reportName(name: string, format: string, t: ReturnType<typeof useT>): string {
  return format === 'regions' && /^\d+$/.test(name) ? t('impRegionsN', { n: Number(name) }) : name;
}

const TABLE_ROWS = 500;

/**
 * The first rows of an imported layer shown (its filter and, on the timeline, the year:
 * core/time/rows-as-of.ts); text only: values are never rendered as HTML.
 */
function LayerTable({
  layer,
}: {
  layer: ReturnType<typeof useWorkspace.getState>['layers'][number];
}) {
  // Rendered only while open: a 100,000-row import should not build a table nobody looks at.
  const [open, setOpen] = useState(false);
  const columns = useMemo(
    () =>
      [
        ...new Set(
          layer.data.features.slice(0, 50).flatMap((f) => Object.keys(f.properties ?? {})),
        ),
      ].filter((c) => c !== '__row'),
    [layer.data],
  );
  const asOf = useLayerAsOf(layer);
  const shown = useMemo(
    () => Array.from(featureRowsAsOf(layer, asOf), (i) => layer.data.features[i]!),
    [layer, asOf],
  );
  const rows = open ? shown.slice(0, TABLE_ROWS) : [];
  const cols = columns.slice(0, 8);
  const filter = layer.filter ?? { column: columns[0] ?? '', text: '' };
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="layer-shown">
        {Math.min(TABLE_ROWS, shown.length)} / {shown.length}
        {shown.length !== layer.data.features.length && ` (${layer.data.features.length})`}
        <ShownAsOf asOf={asOf} />
      </summary>
      <LayerFilterBar layerId={layer.id} columns={columns} filter={filter} />
      <div className="results-scroll">
        <table className="preview" data-testid="layer-table">
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows by position
              <tr key={i}>
                {cols.map((c) => (
                  <td key={c}>{String(f.properties?.[c] ?? '')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
