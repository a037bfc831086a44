/**
 * Print / export, step by step: render the map offscreen at the output's size and pixel ratio,
 * compose the page (title, legend, scale bar, north arrow, sources, date), and encode it as a
 * PNG, or put it with the figures and the scorecard into a one-page PDF. Reports each step,
 * stops when the signal aborts, and times every step.
 */
import type { LegendItem } from '../../core/print/legend.ts';
import {
  fitZoom,
  type ImagePage,
  imageLayout,
  LAYOUT,
  type Orientation,
  paperPage,
  screenPage,
} from '../../core/print/page.ts';
import type { PdfContent } from '../../core/print/pdf-layout.ts';
import { wrapText } from '../../core/print/pdf-layout.ts';
import { metresPerPixel, scaleBar } from '../../core/print/scale-bar.ts';
import { printLabel } from '../i18n/print-strings.ts';
import { bigPointsShown, bigPointsToPrint } from '../map/big-points-shown.ts';
import { liveMap } from '../map/live-map.ts';
import type { Lang } from '../state/url.ts';
import { composeImage, pageFonts } from './compose.ts';
import { RenderError, renderMap } from './render-map.ts';

export type ExportFormat = 'screen' | 'a4' | 'a3' | 'pdf';

export interface ExportRequest {
  format: ExportFormat;
  orientation: Orientation;
  lang: Lang;
  title: string;
  subtitle: string;
  legend: LegendItem[];
  /** Source and attribution lines (the date line last). */
  footer: string[];
  /** For a PDF: the figures and scorecard (content.map is filled here). */
  pdf: Omit<PdfContent, 'map'> | null;
  meta: { title: string; subject: string; keywords: string[] };
  /** Frame these bounds (a region) instead of the live map's view. */
  bounds?: [number, number, number, number];
  date: Date;
}

export interface ExportResult {
  blob: Blob;
  width: number;
  height: number;
  /** Milliseconds per step and in all. */
  ms: Record<string, number>;
  warning: string | null;
}

export type OnStep = (text: string, fraction: number | null) => void;

const PRINT_DPI = 300;
/** The PDF's map: 200 dpi over the A4 page's text width. */
const PDF_MAP = { cssWidth: (515 / 72) * 96, cssHeight: (360 / 72) * 96, dpi: 200 };
const RENDER_TIMEOUT_MS = 120_000;

function check(signal: AbortSignal): void {
  if (signal.aborted) throw new RenderError('aborted', 'cancelled');
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error(`could not encode ${type}`))),
      type,
      quality,
    ),
  );
}

/**
 * The page as a PNG (core/print/png.ts; canvas.toBlob took 17-24 s for an A4 or A3 page in
 * software-rendered Chromium), with its resolution recorded when it is a paper size.
 */
async function pngBlob(
  canvas: HTMLCanvasElement,
  dpi: number | undefined,
  ms: Record<string, number>,
): Promise<Blob> {
  const t0 = performance.now();
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  ms.readPixels = performance.now() - t0;
  // Its own small chunk, loaded at the first PNG export.
  const { encodePng } = await import('../../core/print/png.ts');
  const png = await encodePng(pixels, canvas.width, canvas.height, dpi ? { dpi } : {});
  return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

/** The map image of `page`: the map rendered offscreen and composed with everything else. */
async function makeImage(
  req: ExportRequest,
  page: ImagePage,
  withTitle: boolean,
  footer: string[],
  onStep: OnStep,
  signal: AbortSignal,
  ms: Record<string, number>,
): Promise<{ canvas: HTMLCanvasElement; warning: string | null }> {
  const tPrepare = performance.now();
  const live = liveMap();
  if (!live) throw new Error(printLabel('noMap', req.lang));
  const fonts = pageFonts();
  await document.fonts.load(`22px ${fonts}`, `${req.title}图例`);
  // The footer's lines wrapped at the page's width, in the canvas font's own metrics.
  const measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) throw new Error('no 2D canvas');
  const measure = (t: string, size: number) => {
    measurer.font = `${size}px ${fonts}`;
    return measurer.measureText(t).width;
  };
  const lines = footer.flatMap((l) => wrapText(l, page.css.width - 2 * LAYOUT.margin, 10, measure));
  const headings = req.legend.map((item) => item.symbol.kind === 'heading');
  const layout = imageLayout(page.css, headings, lines.length, withTitle);
  const container = live.getContainer();
  const zoom = fitZoom(
    live.getZoom(),
    { width: container.clientWidth, height: container.clientHeight },
    layout.map,
  );
  const center = live.getCenter();
  const px = {
    w: Math.round(layout.map.width * page.scale),
    h: Math.round(layout.map.height * page.scale),
  };
  onStep(printLabel('stepMap', req.lang, px), null);
  ms.prepare = performance.now() - tPrepare;
  const tMap = performance.now();
  const r = await renderMap({
    live,
    css: { width: layout.map.width, height: layout.map.height },
    pixelRatio: page.scale,
    center: [center.lng, center.lat],
    zoom,
    ...(req.bounds ? { bounds: req.bounds } : {}),
    // The big point layers as the live map draws them now (on, filtered, up to the year).
    points: bigPointsToPrint(bigPointsShown()),
    signal,
    timeoutMs: RENDER_TIMEOUT_MS,
  });
  // Until idle and read back (the offscreen map is removed later, render-map.ts).
  ms.mapIdle = r.ms;
  ms.mapStyle = r.styleMs;
  ms.mapFirstFrame = r.firstFrameMs;
  // A count, not ms: the print-sized frames drawn until the copy.
  ms.mapFrames = r.frames;
  ms.mapDraftFrames = r.draftFrames;
  ms.mapDraft = r.draftMs;
  ms.map = performance.now() - tMap;
  check(signal);
  const warning =
    r.pixelRatio < page.scale - 0.01
      ? printLabel('tooLarge', req.lang, { max: r.maxSide, dpi: Math.round(r.pixelRatio * 96) })
      : null;
  onStep(printLabel('stepCompose', req.lang), null);
  const t0 = performance.now();
  // Metres per output pixel at the map's centre latitude; the bar at most 140 CSS px long.
  const scale = scaleBar(metresPerPixel(r.centerLat, r.zoom) / page.scale, 140 * page.scale);
  const canvas = composeImage({
    page,
    layout,
    map: r.canvas,
    title: withTitle ? req.title : null,
    subtitle: req.subtitle,
    legendTitle: printLabel('legend', req.lang),
    legend: req.legend,
    scale,
    north: printLabel('north', req.lang),
    footer: lines,
  });
  ms.compose = performance.now() - t0;
  check(signal);
  return { canvas, warning };
}

/** Fetches the font with progress (its size is known from Content-Length). */
async function fetchFont(
  url: string,
  lang: Lang,
  onStep: OnStep,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const res = await fetch(url, { signal });
  if (!res.ok || !res.body) throw new Error(`font: HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length') ?? 0);
  const mb = total > 0 ? (total / 1e6).toFixed(1) : '10';
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    got += value.length;
    onStep(printLabel('stepFont', lang, { mb }), total > 0 ? got / total : null);
  }
  const out = new Uint8Array(got);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function runExport(
  req: ExportRequest,
  onStep: OnStep,
  signal: AbortSignal,
): Promise<ExportResult> {
  const t0 = performance.now();
  const ms: Record<string, number> = {};
  if (req.format !== 'pdf') {
    const live = liveMap();
    if (!live) throw new Error(printLabel('noMap', req.lang));
    const page =
      req.format === 'screen'
        ? screenPage(
            live.getContainer().clientWidth,
            live.getContainer().clientHeight,
            window.devicePixelRatio || 1,
          )
        : paperPage(req.format, req.orientation, PRINT_DPI);
    const { canvas, warning } = await makeImage(req, page, true, req.footer, onStep, signal, ms);
    const t1 = performance.now();
    const blob = await pngBlob(canvas, req.format === 'screen' ? undefined : PRINT_DPI, ms);
    ms.encode = performance.now() - t1;
    // A Cancel clicked while the page was busy drawing arrives now: nothing is saved.
    check(signal);
    ms.total = performance.now() - t0;
    return { blob, width: canvas.width, height: canvas.height, ms, warning };
  }
  if (!req.pdf) throw new Error('no PDF content');
  const page: ImagePage = {
    px: {
      width: Math.round((PDF_MAP.cssWidth * PDF_MAP.dpi) / 96),
      height: Math.round((PDF_MAP.cssHeight * PDF_MAP.dpi) / 96),
    },
    css: { width: PDF_MAP.cssWidth, height: PDF_MAP.cssHeight },
    scale: PDF_MAP.dpi / 96,
  };
  // The font and the PDF code load only now, while the map renders (pdf-lib in its own chunk).
  const fontUrl = (await import('./font-url.ts')).NOTO_SANS_SC_URL;
  let mapDone = false;
  const fontP = fetchFont(fontUrl, req.lang, (text, f) => mapDone && onStep(text, f), signal);
  const pdfMod = import('../../core/print/pdf.ts');
  fontP.catch(() => {});
  const { canvas, warning } = await makeImage(req, page, false, [], onStep, signal, ms);
  mapDone = true;
  const t1 = performance.now();
  const jpg = new Uint8Array(await (await toBlob(canvas, 'image/jpeg', 0.92)).arrayBuffer());
  ms.encode = performance.now() - t1;
  check(signal);
  onStep(printLabel('stepFont', req.lang, { mb: '10.6' }), null);
  const t2 = performance.now();
  const font = await fontP;
  ms.font = performance.now() - t2;
  check(signal);
  onStep(printLabel('stepPdf', req.lang), null);
  const t3 = performance.now();
  const { buildPdf } = await pdfMod;
  const bytes = await buildPdf({
    content: { ...req.pdf, map: { width: canvas.width, height: canvas.height } },
    font,
    image: { bytes: jpg, type: 'jpg' },
    meta: { ...req.meta, author: 'Planning Atlas', lang: req.lang === 'zh' ? 'zh-CN' : 'en' },
    date: req.date,
  });
  ms.pdf = performance.now() - t3;
  ms.total = performance.now() - t0;
  const blob = new Blob([bytes.slice().buffer], { type: 'application/pdf' });
  return { blob, width: 0, height: 0, ms, warning };
}
