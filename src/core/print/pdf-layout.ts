/**
 * The one-page PDF's layout as plain drawing operations (PDF points, origin at the bottom left,
 * text at its baseline): title, date line, map image, figures table, scorecard rows, notes and
 * source lines. Pure: text widths come from `measure` (the embedded font's, or a fake in tests).
 */
import { paperPoints, type Size } from './page.ts';

export type Measure = (text: string, size: number) => number;

export interface ScoreLine {
  indicator: string;
  /** The thresholds in plain words, one per line. */
  thresholds: string[];
  published: string;
  computed: string;
  rating: string;
}

export interface PdfContent {
  title: string;
  /** Under the title: subject, date. */
  subtitle: string;
  /** The map image's size in pixels (for its aspect ratio); null: no map. */
  map: Size | null;
  figuresHeading: string;
  figures: Array<[string, string]>;
  scorecard: {
    heading: string;
    columns: [string, string, string];
    rows: ScoreLine[];
    notes: string[];
  } | null;
  sources: string[];
}

export type PdfOp =
  | { kind: 'text'; x: number; y: number; size: number; text: string; grey?: boolean }
  | { kind: 'image'; x: number; y: number; width: number; height: number }
  | { kind: 'rule'; x: number; y: number; width: number };

export const PDF_PAGE = { margin: 40, title: 18, body: 9.5, small: 7.5, lead: 1.35 } as const;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Greedy line breaking: CJK may break between any two characters, other text at spaces. */
export function wrapText(text: string, maxWidth: number, size: number, measure: Measure): string[] {
  const tokens =
    text.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+/g,
    ) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line !== '' && measure(next.trimEnd(), size) > maxWidth) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(tok) ? '' : tok;
    } else line = next;
    // A single word longer than the line: cut it by characters.
    while (measure(line, size) > maxWidth && line.length > 1 && !CJK.test(line)) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), size) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** The page's operations for `content` on A4 portrait; the map shrinks so that all fits. */
export function pdfLayout(content: PdfContent, measure: Measure): { page: Size; ops: PdfOp[] } {
  const page = paperPoints('a4', 'portrait');
  const { margin, title, body, small, lead } = PDF_PAGE;
  const width = page.width - 2 * margin;
  const left = margin;
  const text: PdfOp[] = [];
  // Blocks are laid out top-down in "cursor from the top"; converted to PDF y at the end.
  const put = (x: number, top: number, size: number, t: string, grey = false) =>
    text.push({ kind: 'text', x, y: page.height - top - size, size, text: t, grey });

  // Everything below the map first (to know how much height the map may take).
  const below: Array<(top: number) => number> = [];
  const col = [width * 0.42, width * 0.29, width * 0.29];
  below.push((top) => {
    put(left, top, body + 1.5, content.figuresHeading);
    let y = top + (body + 1.5) * lead + 2;
    const half = width / 2;
    // Two figures a row, each wrapped inside its half; a row as tall as its taller figure.
    for (let i = 0; i < content.figures.length; i += 2) {
      let rowLines = 0;
      for (const [j, [k, v]] of content.figures.slice(i, i + 2).entries()) {
        const lines = wrapText(`${k}: ${v}`, half - 10, body, measure);
        lines.forEach((l, li) => {
          put(left + j * half, y + li * body * lead, body, l);
        });
        rowLines = Math.max(rowLines, lines.length);
      }
      y += rowLines * body * lead;
    }
    return y + 6;
  });
  if (content.scorecard) {
    const sc = content.scorecard;
    below.push((top) => {
      put(left, top, body + 1.5, sc.heading);
      let y = top + (body + 1.5) * lead + 2;
      let x = left;
      sc.columns.forEach((c, i) => {
        put(x, y, small, c, true);
        x += col[i] ?? 0;
      });
      y += small * lead;
      text.push({ kind: 'rule', x: left, y: page.height - y, width });
      y += 3;
      for (const r of sc.rows) {
        const w = (i: number) => (col[i] ?? 0) - 6;
        const lines = (t: string, i: number, size: number, grey: boolean) =>
          wrapText(t, w(i), size, measure).map((l) => ({ l, size, grey }));
        const cells = [
          [
            ...lines(r.indicator, 0, body, false),
            ...r.thresholds.flatMap((t) => lines(t, 0, small, true)),
          ],
          lines(r.published, 1, body, false),
          [...lines(r.computed, 2, body, false), ...lines(r.rating, 2, small, true)],
        ];
        let x = left;
        let rowHeight = 0;
        cells.forEach((cell, ci) => {
          let yy = y;
          for (const c of cell) {
            put(x, yy, c.size, c.l, c.grey);
            yy += c.size * lead;
          }
          rowHeight = Math.max(rowHeight, yy - y);
          x += col[ci] ?? 0;
        });
        y += rowHeight + 4;
      }
      for (const n of sc.notes) {
        for (const l of wrapText(n, width, small, measure)) {
          put(left, y, small, l, true);
          y += small * lead;
        }
      }
      return y + 6;
    });
  }
  // Dry run to measure the blocks' height.
  const measureBlocks = () => {
    const saved = text.length;
    let y = 0;
    for (const b of below) y = b(y);
    text.length = saved;
    return y;
  };
  const sourceLines = content.sources.flatMap((s) => wrapText(s, width, small, measure));
  const footerHeight = sourceLines.length * small * lead;
  const belowHeight = measureBlocks();

  let top: number = margin;
  for (const l of wrapText(content.title, width, title, measure)) {
    put(left, top, title, l);
    top += title * lead;
  }
  put(left, top, body, content.subtitle, true);
  top += body * lead + 8;
  const ops: PdfOp[] = [];
  if (content.map) {
    const avail = page.height - margin - footerHeight - 10 - belowHeight - top - 8;
    const aspect = content.map.height / content.map.width;
    const h = Math.max(80, Math.min(width * aspect, avail));
    const w = h / aspect;
    ops.push({
      kind: 'image',
      x: left + (width - w) / 2,
      y: page.height - top - h,
      width: w,
      height: h,
    });
    top += h + 10;
  }
  for (const b of below) top = b(top);
  const fy0 = page.height - margin - footerHeight;
  let fy = fy0;
  text.push({ kind: 'rule', x: left, y: page.height - fy0 + 4, width });
  for (const l of sourceLines) {
    put(left, fy, small, l, true);
    fy += small * lead;
  }
  return { page, ops: [...ops, ...text] };
}
