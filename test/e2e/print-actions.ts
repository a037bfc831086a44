import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Atlas } from './driver.ts';

/**
 * Domain actions for print / export: fill in the dialog and take the download; read a PNG's
 * header; look at an image's pixels and render a PDF's first page in a helper page (pdf.js,
 * served from node_modules under the app's origin).
 */
export interface ExportOptions {
  format: 'screen' | 'a4' | 'a3' | 'pdf';
  orientation?: 'landscape' | 'portrait';
  title?: string;
  /** For a PDF: the first drawn region instead of the city. */
  region?: boolean;
}

export interface Exported {
  path: string;
  name: string;
  /** Milliseconds per step, as the app measured them. */
  ms: Record<string, number>;
  status: string;
  /** The exported legend's labels. */
  legend: string[];
}

export async function openPrintDialog(atlas: Atlas): Promise<void> {
  const page = atlas.page;
  if (!(await page.isVisible('[data-testid="print-open"]'))) {
    // Phones: the button is in the header's menu.
    await page.click('[data-testid="header-menu"]');
  }
  await page.click('[data-testid="print-open"]');
  await page.waitForSelector('[data-testid="print-dialog"][open]');
}

/** Exports with the dialog and returns the downloaded file's path and the app's timings. */
export async function exportMap(atlas: Atlas, o: ExportOptions): Promise<Exported> {
  const page = atlas.page;
  await openPrintDialog(atlas);
  await page.check(`[data-testid="print-format-${o.format}"]`);
  if (o.orientation) await page.check(`[data-testid="print-orientation-${o.orientation}"]`);
  if (o.region) {
    const value = await page.$eval('[data-testid="print-subject"]', (el) =>
      [...(el as HTMLSelectElement).options]
        .map((x) => x.value)
        .find((v) => v.startsWith('region:')),
    );
    if (!value) throw new Error('no region to print');
    await page.selectOption('[data-testid="print-subject"]', value);
  }
  if (o.title !== undefined) await page.fill('[data-testid="print-title"]', o.title);
  await page.waitForSelector('[data-testid="print-go"]:not([disabled])', { timeout: 60_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.click('[data-testid="print-go"]'),
  ]);
  const path = await download.path();
  const status = page.locator('[data-testid="print-status"][data-state="done"]');
  await status.waitFor({ timeout: 30_000 });
  const ms = JSON.parse((await status.getAttribute('data-ms')) ?? '{}') as Record<string, number>;
  const text = (await status.textContent()) ?? '';
  const legend = JSON.parse((await status.getAttribute('data-legend')) ?? '[]') as string[];
  return { path, name: download.suggestedFilename(), ms, status: text, legend };
}

export async function closePrintDialog(atlas: Atlas): Promise<void> {
  await atlas.page.keyboard.press('Escape');
  await atlas.page.waitForSelector('[data-testid="print-dialog"]:not([open])', {
    state: 'attached',
  });
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23), and whether the signature is PNG's. */
export function pngHeader(bytes: Uint8Array): { png: boolean; width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const png = sig.every((b, i) => bytes[i] === b);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { png, width: view.getUint32(16), height: view.getUint32(20) };
}

/** A page on the app's origin that serves pdf.js from node_modules, for looking at outputs. */
async function helperPage(atlas: Atlas): Promise<Page> {
  const page = await atlas.page.context().newPage();
  const dist = join(process.cwd(), 'node_modules/pdfjs-dist/build');
  await page.route('**/__print-test/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    if (name === 'blank.html') {
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>t</title>' });
    }
    return route.fulfill({
      contentType: 'text/javascript',
      body: readFileSync(join(dist, name)),
    });
  });
  await page.goto(`${atlas.baseUrl}__print-test/blank.html`);
  return page;
}

export interface PixelStats {
  /** Distinct colours (quantised to 5 bits per channel) in the sampled area. */
  colours: number;
  /** Share of sampled pixels that are not (near) the page's white. */
  inked: number;
}

/**
 * Colour variety inside `area` (fractions of the image) of the PNG at `path`, and optionally a
 * downscaled copy (at most `maxWidth` px wide) written to `smallPath`.
 */
export async function imageStats(
  atlas: Atlas,
  path: string,
  area: { x: number; y: number; w: number; h: number },
  small?: { maxWidth: number },
): Promise<PixelStats & { small: string | null }> {
  return withPngArea(atlas, path, area, (page) =>
    page.evaluate(
      ({ small }) => {
        const { data, bitmap: bmp } = (window as unknown as { __png: PngArea }).__png;
        const colours = new Set<number>();
        let inked = 0;
        let n = 0;
        for (let i = 0; i < data.length; i += 4 * 7) {
          const r = data[i] ?? 0;
          const g = data[i + 1] ?? 0;
          const b = data[i + 2] ?? 0;
          colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
          if (r + g + b < 3 * 250) inked++;
          n++;
        }
        let smallUrl: string | null = null;
        if (small) {
          const k = Math.min(1, small.maxWidth / bmp.width);
          const s = document.createElement('canvas');
          s.width = Math.round(bmp.width * k);
          s.height = Math.round(bmp.height * k);
          const sctx = s.getContext('2d');
          if (!sctx) throw new Error('no 2d');
          sctx.imageSmoothingQuality = 'high';
          sctx.drawImage(bmp, 0, 0, s.width, s.height);
          smallUrl = s.toDataURL('image/png');
        }
        return { colours: colours.size, inked: inked / Math.max(1, n), small: smallUrl };
      },
      { small: small ?? null },
    ),
  );
}

/** The pixels of a PNG's area, kept in the helper page by withPngArea (window.__png). */
interface PngArea {
  /** RGBA of the area, row by row. */
  data: Uint8ClampedArray;
  /** The area's size in pixels. */
  w: number;
  h: number;
  /** The whole image. */
  bitmap: ImageBitmap;
}

/**
 * Decodes the PNG at `path` in a helper page, keeps `area` (fractions of the image) there as
 * `window.__png` (PngArea), and runs `analyse` on that page (its own page.evaluate reads it).
 */
async function withPngArea<T>(
  atlas: Atlas,
  path: string,
  area: { x: number; y: number; w: number; h: number },
  analyse: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await helperPage(atlas);
  try {
    const b64 = readFileSync(path).toString('base64');
    await page.evaluate(
      async ({ b64, area }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = document.createElement('canvas');
        c.width = bitmap.width;
        c.height = bitmap.height;
        const ctx = c.getContext('2d');
        if (!ctx) throw new Error('no 2d');
        ctx.drawImage(bitmap, 0, 0);
        const w = Math.round(area.w * bitmap.width);
        const h = Math.round(area.h * bitmap.height);
        const { data } = ctx.getImageData(
          Math.round(area.x * bitmap.width),
          Math.round(area.y * bitmap.height),
          w,
          h,
        );
        (window as unknown as { __png: PngArea }).__png = { data, w, h, bitmap };
      },
      { b64, area },
    );
    return await analyse(page);
  } finally {
    await page.close();
  }
}

/** The first page of the PDF at `path` rendered by pdf.js in Chromium, as a PNG data URL. */
export async function renderPdfPage(atlas: Atlas, path: string, scale = 2): Promise<string> {
  const page = await helperPage(atlas);
  try {
    // A module script (not an import() inside evaluate, which the test runner would rewrite).
    await page.addScriptTag({
      type: 'module',
      content: "import * as lib from '/__print-test/pdf.min.mjs'; window.__pdfjs = lib;",
    });
    const b64 = readFileSync(path).toString('base64');
    return await page.evaluate(
      async ({ b64, scale }) => {
        type PdfJs = {
          GlobalWorkerOptions: { workerSrc: string };
          getDocument(o: { data: Uint8Array }): {
            promise: Promise<{
              getPage(n: number): Promise<{
                getViewport(o: { scale: number }): { width: number; height: number };
                render(o: {
                  canvasContext: CanvasRenderingContext2D;
                  canvas: HTMLCanvasElement;
                  viewport: unknown;
                }): { promise: Promise<void> };
              }>;
            }>;
          };
        };
        const w = window as unknown as { __pdfjs?: PdfJs };
        for (let i = 0; i < 100 && !w.__pdfjs; i++) await new Promise((r) => setTimeout(r, 50));
        const lib = w.__pdfjs;
        if (!lib) throw new Error('pdf.js did not load');
        lib.GlobalWorkerOptions.workerSrc = '/__print-test/pdf.worker.min.mjs';
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const doc = await lib.getDocument({ data }).promise;
        const p = await doc.getPage(1);
        const viewport = p.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        await p.render({ canvasContext: ctx, canvas, viewport }).promise;
        return canvas.toDataURL('image/png');
      },
      { b64, scale },
    );
  } finally {
    await page.close();
  }
}

/** The PDF's page count, first page size (points) and text, read by pdf.js in Node. */
export async function pdfFacts(
  path: string,
): Promise<{ pages: number; width: number; height: number; text: string; title: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)) }).promise;
  const page = await doc.getPage(1);
  const [, , width = 0, height = 0] = page.view;
  const tc = await page.getTextContent();
  const text = tc.items.map((i) => ('str' in i ? i.str : '')).join('\n');
  const meta = await doc.getMetadata();
  const title = (meta.info as { Title?: string }).Title ?? '';
  return { pages: doc.numPages, width, height, text, title };
}

export interface PointInk {
  /** Share of the area's pixels in the big point layers' colour (#222255 over the map). */
  share: number;
  /** Median length of horizontal runs of such pixels: about a point's diameter in pixels. */
  medianRun: number;
}

/**
 * The big point layers' pixels inside `area` (fractions of the PNG at `path`): deck.gl draws
 * them #222255 at 200/255 over the map, dark and blue (bench/browser's pointPixels test, and
 * bluer than green); only the ledger's few dark blue transport marks look the same.
 */
export async function pointInk(
  atlas: Atlas,
  path: string,
  area: { x: number; y: number; w: number; h: number },
): Promise<PointInk> {
  return withPngArea(atlas, path, area, (page) =>
    page.evaluate(() => {
      const { data: d, w, h } = (window as unknown as { __png: PngArea }).__png;
      const isPoint = (i: number) => {
        const r = d[i] ?? 255;
        const g = d[i + 1] ?? 255;
        const b = d[i + 2] ?? 255;
        // Blue over green too: the dashed outlines' dark teal edges are not points.
        return r < 90 && g < 90 && b > r + 25 && b > g + 20 && b < 150;
      };
      let n = 0;
      const runs: number[] = [];
      for (let y = 0; y < h; y++) {
        let run = 0;
        for (let x = 0; x < w; x++) {
          if (isPoint(4 * (y * w + x))) {
            n++;
            run++;
          } else if (run) {
            runs.push(run);
            run = 0;
          }
        }
        if (run) runs.push(run);
      }
      runs.sort((a, b) => a - b);
      return { share: n / Math.max(1, w * h), medianRun: runs[runs.length >> 1] ?? 0 };
    }),
  );
}

/** The whole of an image, as an `area` for the functions below. */
export const WHOLE_IMAGE = { x: 0, y: 0, w: 1, h: 1 } as const;

/**
 * Share of the pixels inside `area` (fractions of the PNG at `path`) within `tolerance` (per
 * channel) of the colour `hex` ('#rrggbb').
 */
export async function colourShare(
  atlas: Atlas,
  path: string,
  area: { x: number; y: number; w: number; h: number },
  hex: string,
  tolerance = 3,
): Promise<number> {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return withPngArea(atlas, path, area, (page) =>
    page.evaluate(
      ({ rgb, tolerance }) => {
        const { data: d, w, h } = (window as unknown as { __png: PngArea }).__png;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (rgb.every((c, k) => Math.abs((d[i + k] ?? -999) - c) <= tolerance)) n++;
        }
        return n / Math.max(1, w * h);
      },
      { rgb, tolerance },
    ),
  );
}
