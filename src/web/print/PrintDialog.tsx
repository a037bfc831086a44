import type { MultiPolygon, Polygon } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { bboxOf } from '../../core/analytics/validate.ts';
import { exportFileName, isoDate } from '../../core/print/file-name.ts';
import type { Orientation } from '../../core/print/page.ts';
import { useCityFigures } from '../app/useCityFigures.ts';
import { useRegionResults } from '../app/useRegionResults.ts';
import { printLabel } from '../i18n/print-strings.ts';
import { pick, translate } from '../i18n/useT.ts';
import { bigPointsShown } from '../map/big-points-shown.ts';
import { useAtlas } from '../state/store.ts';
import { useThematic } from '../state/thematic-store.ts';
import { useFilteredInitiatives } from '../state/useFiltered.ts';
import { download } from '../ui/download.ts';
import { useWorkspace } from '../workspace/store.ts';
import { type ExportFormat, type ExportResult, runExport } from './export.ts';
import { importedLegend, legendItems } from './legend-items.ts';
import { cityFigurePairs, regionFigurePairs, scorecardContent } from './pdf-content.ts';
import { RenderError } from './render-map.ts';
import './print.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; fraction: number | null }
  | { kind: 'done'; file: string; result: ExportResult; legend: string[] }
  | { kind: 'error'; text: string };

const FORMATS: Array<[ExportFormat, 'formatScreen' | 'formatA4' | 'formatA3' | 'formatPdf']> = [
  ['screen', 'formatScreen'],
  ['a4', 'formatA4'],
  ['a3', 'formatA3'],
  ['pdf', 'formatPdf'],
];

const toMulti = (g: Polygon | MultiPolygon) =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

const sizeText = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;

/** Keeps Tab and Shift+Tab inside the modal dialog (from the last control back to the first). */
function trapTab(e: React.KeyboardEvent<HTMLDialogElement>): void {
  if (e.key !== 'Tab') return;
  const all = [
    ...e.currentTarget.querySelectorAll<HTMLElement>('input, select, button, textarea, [tabindex]'),
  ].filter((el) => !el.matches(':disabled, [tabindex="-1"]') && el.offsetParent !== null);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  } else if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  }
}

/** The header's "Print / export" button and its modal dialog (a native <dialog>). */
export function PrintButton() {
  const lang = useAtlas((s) => s.lang);
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="print-button"
        data-testid="print-open"
        title={printLabel('buttonTitle', lang)}
        onClick={() => {
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {printLabel('button', lang)}
      </button>
      {/* In <body>: the phone's header menu that holds the button may be hidden. */}
      {createPortal(
        <dialog
          ref={ref}
          className="print-dialog"
          aria-labelledby="print-h"
          data-testid="print-dialog"
          onClose={() => setOpen(false)}
          onKeyDown={trapTab}
        >
          {open && <PrintForm onClose={() => ref.current?.close()} />}
        </dialog>,
        document.body,
      )}
    </>
  );
}

function PrintForm({ onClose }: { onClose: () => void }) {
  const lang = useAtlas((s) => s.lang);
  const catalog = useAtlas((s) => s.data?.catalog);
  const cityIds = useAtlas((s) => s.filters.cities);
  const hidden = useAtlas((s) => s.hidden);
  const thematic = useThematic((s) => s.legend);
  const online = useAtlas((s) => s.online);
  const coverageOn = useAtlas((s) => s.coverageRule !== null);
  const regions = useWorkspace((s) => s.regions);
  const rows = useFilteredInitiatives();
  const figures = useCityFigures();
  const regionResults = useRegionResults();
  const cityId = cityIds.length === 1 ? (cityIds[0] as string) : null;
  const city = catalog?.cities.find((c) => c.id === cityId);
  const cityName = city
    ? pick(lang, city.name_zh, city.name_en).replace(/\s*[(（].*[)）]\s*$/, '')
    : null;
  // The PDF's subject: the chosen city, a drawn region, or all the cities shown.
  const [subject, setSubject] = useState<string>(cityId ? `city:${cityId}` : 'all');
  const region = subject.startsWith('region:')
    ? regions.find((r) => `region:${r.id}` === subject)
    : undefined;
  const subjectName = region?.name ?? cityName ?? translate(lang, 'allCities');
  const [format, setFormat] = useState<ExportFormat>('a4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [title, setTitle] = useState(cityName ?? translate(lang, 'appTitle'));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (region) setTitle(region.name);
  }, [region]);

  const figuresReady = region
    ? !regionResults.busy && regionResults.results.some((r) => r.id === region.id)
    : figures.status === 'done';

  const go = async () => {
    const date = new Date();
    const day = isoDate(date);
    // Under the title: the subject (unless it is the title), the projects shown (the filtered
    // ledger; a region's own count is in its figures), the date.
    const subtitle = [
      title === subjectName ? null : subjectName,
      region ? null : translate(lang, 'summaryProjects', { n: rows.length }),
      day,
    ]
      .filter((x) => x !== null)
      .join(' · ');
    const footer = [
      printLabel('sourceBasemap', lang),
      printLabel('sourceLedger', lang, { n: rows.length }),
      ...(online ? [printLabel('sourceOsm', lang)] : []),
      printLabel('date', lang, { date: day }),
    ];
    let pdf = null;
    if (format === 'pdf') {
      const rr = region && regionResults.results.find((r) => r.id === region.id);
      const fig = cityId ? figures.cities.find((c) => c.id === cityId) : undefined;
      const name = (id: string) => {
        const c = catalog?.cities.find((x) => x.id === id);
        return c ? pick(lang, c.name_zh, c.name_en).replace(/\s*[(（].*[)）]\s*$/, '') : id;
      };
      const pairs: Array<[string, string]> = rr
        ? regionFigurePairs(rr, lang, useAtlas.getState().coverageRule ?? 'gbt50563')
        : fig && subject.startsWith('city:')
          ? cityFigurePairs(fig, lang)
          : figures.cities.map((c) => [
              name(c.id),
              `${translate(lang, 'figuresProjects')} ${c.count} · ${translate(lang, 'figuresShare')} ${(c.green_share * 100).toFixed(2)} %`,
            ]);
      const card = cityId && !region ? scorecardContent(cityId, lang) : null;
      pdf = {
        title,
        subtitle,
        figuresHeading: `${printLabel('pdfFigures', lang)}: ${subjectName}`,
        figures: pairs,
        scorecard:
          card ??
          (region
            ? null
            : {
                heading: translate(lang, 'scorecard'),
                columns: ['', '', ''] as [string, string, string],
                rows: [],
                notes: [printLabel('pdfNoScorecard', lang)],
              }),
        sources: footer,
      };
    }
    const ctrl = new AbortController();
    abort.current = ctrl;
    setStatus({ kind: 'busy', text: '…', fraction: null });
    // Imported layers as drawn at this moment (a big layer's points: filter and year).
    const legend = legendItems({
      lang,
      hidden,
      coverage: coverageOn,
      thematic,
      imported: importedLegend(useWorkspace.getState().layers, bigPointsShown()),
    });
    try {
      const result = await runExport(
        {
          format,
          orientation,
          lang,
          title,
          subtitle,
          legend,
          footer,
          pdf,
          meta: {
            title,
            subject: printLabel('pdfSubject', lang, { subject: subjectName }),
            keywords: [subjectName, translate(lang, 'appTitle')],
          },
          ...(region && format === 'pdf' ? { bounds: bboxOf(toMulti(region.geometry)) } : {}),
          date,
        },
        (text, fraction) => setStatus({ kind: 'busy', text, fraction }),
        ctrl.signal,
      );
      const file = exportFileName(
        region ? region.name : (cityId ?? 'all'),
        date,
        format === 'pdf' ? 'pdf' : 'png',
      );
      download(file, result.blob.type, result.blob);
      setStatus({ kind: 'done', file, result, legend: legend.map((i) => i.label) });
    } catch (e) {
      if (e instanceof RenderError && e.kind === 'aborted') {
        setStatus({ kind: 'error', text: printLabel('cancelled', lang) });
      } else if (e instanceof RenderError && e.kind === 'timeout') {
        setStatus({ kind: 'error', text: printLabel('timeout', lang, { s: 120 }) });
      } else {
        const reason = e instanceof Error ? e.message : String(e);
        setStatus({ kind: 'error', text: printLabel('failed', lang, { reason }) });
      }
    } finally {
      abort.current = null;
    }
  };

  const busy = status.kind === 'busy';
  const paper = format === 'a4' || format === 'a3';
  return (
    <form
      method="dialog"
      className="print-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void go();
      }}
    >
      <h2 id="print-h">{printLabel('dialogTitle', lang)}</h2>
      <fieldset disabled={busy}>
        <legend>{printLabel('format', lang)}</legend>
        {FORMATS.map(([f, key]) => (
          <label key={f} className="inline">
            <input
              type="radio"
              name="print-format"
              value={f}
              data-testid={`print-format-${f}`}
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            {printLabel(key, lang)}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={busy || !paper}>
        <legend>{printLabel('orientation', lang)}</legend>
        {(['landscape', 'portrait'] as const).map((o) => (
          <label key={o} className="inline">
            <input
              type="radio"
              name="print-orientation"
              value={o}
              data-testid={`print-orientation-${o}`}
              checked={orientation === o}
              onChange={() => setOrientation(o)}
            />
            {printLabel(o, lang)}
          </label>
        ))}
      </fieldset>
      <label className="print-field">
        {printLabel('title', lang)}
        <input
          type="text"
          data-testid="print-title"
          value={title}
          disabled={busy}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      {format === 'pdf' && (
        <label className="print-field">
          {printLabel('subject', lang)}
          <select
            data-testid="print-subject"
            value={subject}
            disabled={busy}
            onChange={(e) => setSubject(e.target.value)}
          >
            {cityId && <option value={`city:${cityId}`}>{cityName}</option>}
            <option value="all">{translate(lang, 'allCities')}</option>
            {regions.map((r) => (
              <option key={r.id} value={`region:${r.id}`}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div
        className="print-status"
        role="status"
        data-testid="print-status"
        data-state={status.kind}
        data-ms={status.kind === 'done' ? JSON.stringify(status.result.ms) : undefined}
        data-file={status.kind === 'done' ? status.file : undefined}
        data-legend={status.kind === 'done' ? JSON.stringify(status.legend) : undefined}
      >
        {busy && (
          <>
            <span>{status.text}</span>
            <progress
              max={1}
              value={status.fraction ?? undefined}
              aria-label={printLabel('dialogTitle', lang)}
            />
          </>
        )}
        {status.kind === 'done' && (
          <span>
            {printLabel('done', lang, {
              file: status.file,
              size: sizeText(status.result.blob.size),
            })}
            {status.result.width > 0 &&
              ` ${printLabel('pixels', lang, { w: status.result.width, h: status.result.height })}`}
            {status.result.warning && (
              <span className="print-warning"> {status.result.warning}</span>
            )}
          </span>
        )}
        {format === 'pdf' && !figuresReady && !busy && (
          <span>{translate(lang, 'figuresBusy')}</span>
        )}
      </div>
      {status.kind === 'error' && (
        <p className="error" role="alert" data-testid="print-error">
          {status.text}
        </p>
      )}
      <div className="print-actions">
        {busy ? (
          <button type="button" data-testid="print-cancel" onClick={() => abort.current?.abort()}>
            {printLabel('cancel', lang)}
          </button>
        ) : (
          <button type="button" data-testid="print-close" onClick={onClose}>
            {printLabel('close', lang)}
          </button>
        )}
        <button
          type="submit"
          className="primary"
          data-testid="print-go"
          disabled={busy || (format === 'pdf' && !figuresReady)}
        >
          {printLabel('export', lang)}
        </button>
      </div>
    </form>
  );
}
