/**
 * Draws the exported image on a 2D canvas: the rendered map, then the title, legend, scale
 * bar, north arrow, and the source, attribution and date lines, in the page's fonts (so CJK
 * text uses the same machine fonts as the app). Geometry comes from core/print/page.ts.
 */
import type { LegendItem, LegendSymbol } from '../../core/print/legend.ts';
import { type ImageLayout, type ImagePage, LAYOUT, type Rect } from '../../core/print/page.ts';
import type { ScaleBar } from '../../core/print/scale-bar.ts';

export interface ComposeInput {
  page: ImagePage;
  layout: ImageLayout;
  /** The map, drawn into layout.map (scaled when it was rendered smaller). */
  map: HTMLCanvasElement;
  title: string | null;
  subtitle: string;
  legendTitle: string;
  legend: LegendItem[];
  /** In output pixels. */
  scale: ScaleBar;
  north: string;
  footer: string[];
}

/** The page's font stack (the app's :root font-family). */
export function pageFonts(): string {
  return getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
}

const INK = '#1f2328';
const MUTED = '#5f6670';

function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > maxWidth) t = t.slice(0, -1);
  return `${t}…`;
}

function drawSymbol(ctx: CanvasRenderingContext2D, s: LegendSymbol, x: number, cy: number): void {
  const cx = x + 8;
  ctx.save();
  switch (s.kind) {
    case 'heading':
      break;
    case 'point':
      ctx.beginPath();
      ctx.arc(cx, cy, 6, 0, 2 * Math.PI);
      ctx.globalAlpha = s.approximate ? 0.45 : 1;
      ctx.fillStyle = s.color;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = s.approximate ? 2.2 : 1.5;
      ctx.strokeStyle = s.approximate ? s.color : '#ffffff';
      ctx.stroke();
      if (s.code) {
        ctx.fillStyle = '#ffffff';
        ctx.font = `bold 8px ${pageFonts()}`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(s.code, cx, cy + 0.5);
      }
      break;
    case 'count-ring':
      ctx.beginPath();
      ctx.arc(cx, cy, 7, 0, 2 * Math.PI);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = s.color;
      ctx.stroke();
      ctx.fillStyle = '#222222';
      ctx.font = `8px ${pageFonts()}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('n', cx, cy + 0.5);
      break;
    case 'fill':
      ctx.globalAlpha = s.opacity;
      ctx.fillStyle = s.color;
      ctx.fillRect(x + 1, cy - 6, 15, 12);
      ctx.globalAlpha = 1;
      if (s.outline || s.dashed) {
        ctx.strokeStyle = s.outline ?? s.color;
        ctx.lineWidth = 1.2;
        if (s.dashed) ctx.setLineDash([3, 2]);
        ctx.strokeRect(x + 1, cy - 6, 15, 12);
      }
      break;
    case 'line':
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 1.6;
      if (s.dashed) ctx.setLineDash([3, 2]);
      ctx.strokeRect(x + 1, cy - 6, 15, 12);
      break;
  }
  ctx.restore();
}

function drawLegend(ctx: CanvasRenderingContext2D, c: ComposeInput): void {
  const { layout, legend } = c;
  const box = layout.legend;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(box.x, box.y, box.width, box.height);
  ctx.strokeStyle = '#c8ccd0';
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
  const fonts = pageFonts();
  ctx.fillStyle = INK;
  ctx.font = `bold 13px ${fonts}`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(c.legendTitle, box.x + LAYOUT.legendPad, box.y + LAYOUT.legendPad + 13);
  const colWidth = (box.width - 2 * LAYOUT.legendPad) / layout.legendColumns;
  const size = Math.min(11, layout.legendRowHeight * 0.62);
  legend.forEach((item, i) => {
    const p = layout.legendAt[i];
    if (!p) return;
    const cy = p.y + layout.legendRowHeight / 2;
    ctx.textBaseline = 'middle';
    if (item.symbol.kind === 'heading') {
      ctx.fillStyle = MUTED;
      ctx.font = `bold ${size}px ${fonts}`;
      ctx.fillText(fitText(ctx, item.label, colWidth - 4), p.x, cy);
      return;
    }
    drawSymbol(ctx, item.symbol, p.x, cy);
    ctx.fillStyle = INK;
    ctx.font = `${size}px ${fonts}`;
    ctx.fillText(fitText(ctx, item.label, colWidth - 26), p.x + 22, cy);
  });
}

function drawScaleAndNorth(ctx: CanvasRenderingContext2D, c: ComposeInput, map: Rect): void {
  const fonts = pageFonts();
  // Scale bar (lower left of the map) on a white backing; its length is in output pixels.
  const len = c.scale.px / c.page.scale;
  const x = map.x + 12;
  const y = map.y + map.height - 14;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 6, y - 24, len + 12 + 40, 32);
  ctx.fillStyle = INK;
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x, y - 6);
  ctx.lineTo(x, y);
  ctx.lineTo(x + len, y);
  ctx.lineTo(x + len, y - 6);
  ctx.stroke();
  ctx.fillRect(x, y - 3, len / 2, 3);
  ctx.font = `11px ${fonts}`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillText('0', x - 3, y - 9);
  ctx.fillText(c.scale.label, x + len - 6, y - 9);
  // North arrow (upper right of the map): the output is never rotated (bearing 0).
  const nx = map.x + map.width - 26;
  const ny = map.y + 16;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(nx - 16, ny - 6, 32, 48);
  ctx.beginPath();
  ctx.moveTo(nx, ny);
  ctx.lineTo(nx + 8, ny + 22);
  ctx.lineTo(nx, ny + 17);
  ctx.closePath();
  ctx.fillStyle = INK;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(nx, ny);
  ctx.lineTo(nx - 8, ny + 22);
  ctx.lineTo(nx, ny + 17);
  ctx.closePath();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.font = `bold 12px ${fonts}`;
  ctx.textAlign = 'center';
  ctx.fillText(c.north, nx, ny + 36);
  ctx.textAlign = 'left';
}

/** The composed image on a new canvas of page.px size. */
export function composeImage(c: ComposeInput): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = c.page.px.width;
  canvas.height = c.page.px.height;
  // A canvas in memory, not on the GPU: its pixels are read back once, whole, to be encoded,
  // and reading a GPU canvas back (in software WebGL, drawing it first) took 7 s for an A4 page.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas');
  // White to the last pixel (a fractional CSS size would leave a transparent edge, black in JPEG).
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(c.page.scale, c.page.scale);
  const fonts = pageFonts();
  const { layout } = c;
  const m = layout.map;
  const s = c.page.scale;
  if (Math.abs(c.map.width - m.width * s) <= 2 && Math.abs(c.map.height - m.height * s) <= 2) {
    // Rendered at the page's resolution: copied pixel for pixel (the frame below covers the
    // last pixel or two of rounding), not resampled (a fractional offset blurred every line).
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(c.map, Math.round(m.x * s), Math.round(m.y * s));
    ctx.restore();
  } else {
    ctx.drawImage(c.map, m.x, m.y, m.width, m.height);
  }
  ctx.strokeStyle = '#8a9099';
  ctx.lineWidth = 1;
  ctx.strokeRect(m.x + 0.5, m.y + 0.5, m.width - 1, m.height - 1);
  if (layout.title && c.title !== null) {
    const t = layout.title;
    ctx.fillStyle = INK;
    ctx.font = `bold 22px ${fonts}`;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(fitText(ctx, c.title, t.width), t.x, t.y + 22);
    ctx.fillStyle = MUTED;
    ctx.font = `12px ${fonts}`;
    ctx.fillText(fitText(ctx, c.subtitle, t.width), t.x, t.y + 39);
  }
  drawLegend(ctx, c);
  drawScaleAndNorth(ctx, c, m);
  ctx.fillStyle = MUTED;
  ctx.font = `10px ${fonts}`;
  ctx.textBaseline = 'alphabetic';
  c.footer.forEach((line, i) => {
    const f = layout.footer;
    ctx.fillText(fitText(ctx, line, f.width), f.x, f.y + 10 + i * LAYOUT.footerLineHeight);
  });
  return canvas;
}
