/**
 * Page geometry of an exported map image: paper sizes in pixels at a resolution, and where the
 * title, map, legend and footer go. Lengths are in CSS pixels (1/96 inch) unless named `px`;
 * the output image has `scale` output pixels per CSS pixel (300 dpi paper: 3.125).
 */

export type Paper = 'a4' | 'a3';
export type Orientation = 'portrait' | 'landscape';

/** ISO 216 sizes, millimetres, portrait (width, height). */
export const PAPER_MM: Record<Paper, readonly [number, number]> = {
  a4: [210, 297],
  a3: [297, 420],
};

/** CSS pixels per inch: MapLibre's and the canvas's unit before the pixel ratio. */
export const CSS_DPI = 96;
export const MM_PER_INCH = 25.4;
/** PostScript points per inch (PDF's unit). */
export const PT_PER_INCH = 72;

export interface Size {
  width: number;
  height: number;
}

/** Paper size in millimetres, turned for the orientation. */
export function paperMm(paper: Paper, orientation: Orientation): Size {
  const [w, h] = PAPER_MM[paper];
  return orientation === 'portrait' ? { width: w, height: h } : { width: h, height: w };
}

/** Whole pixels of a paper size at `dpi` (A4 landscape at 300 dpi: 3508 × 2480). */
export function paperPixels(paper: Paper, orientation: Orientation, dpi: number): Size {
  const mm = paperMm(paper, orientation);
  return {
    width: Math.round((mm.width / MM_PER_INCH) * dpi),
    height: Math.round((mm.height / MM_PER_INCH) * dpi),
  };
}

/** Paper size in PDF points (A4 portrait: 595.28 × 841.89). */
export function paperPoints(paper: Paper, orientation: Orientation): Size {
  const mm = paperMm(paper, orientation);
  return {
    width: (mm.width / MM_PER_INCH) * PT_PER_INCH,
    height: (mm.height / MM_PER_INCH) * PT_PER_INCH,
  };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An output image: its pixel size and the CSS size it is laid out in. */
export interface ImagePage {
  /** Output pixels. */
  px: Size;
  /** Layout size, CSS pixels (px / scale). */
  css: Size;
  /** Output pixels per CSS pixel: the offscreen map's pixelRatio. */
  scale: number;
}

/** A paper page at `dpi`: laid out at 96 CSS px per inch, drawn at dpi / 96. */
export function paperPage(paper: Paper, orientation: Orientation, dpi: number): ImagePage {
  const px = paperPixels(paper, orientation, dpi);
  const scale = dpi / CSS_DPI;
  return { px, css: { width: px.width / scale, height: px.height / scale }, scale };
}

/** A screen-sized image: the live map's CSS size at the device's pixel ratio. */
export function screenPage(cssWidth: number, cssHeight: number, pixelRatio: number): ImagePage {
  const px = {
    width: Math.round(cssWidth * pixelRatio),
    height: Math.round(cssHeight * pixelRatio),
  };
  return {
    px,
    css: { width: px.width / pixelRatio, height: px.height / pixelRatio },
    scale: pixelRatio,
  };
}

export interface ImageLayout {
  title: Rect | null;
  map: Rect;
  legend: Rect;
  footer: Rect;
  /** Legend rows: height of one row and how many columns the items take. */
  legendRowHeight: number;
  legendColumns: number;
}

export const LAYOUT = {
  margin: 16,
  titleHeight: 44,
  /** Footer: source, attribution and date lines. */
  footerLineHeight: 13,
  gap: 10,
  legendPad: 10,
  legendHeading: 22,
  legendRow: 19,
  legendMinRow: 13,
} as const;

/**
 * Where everything goes on a page of `css` size with `legendItems` legend rows and
 * `footerLines` lines of sources: the legend beside the map when the page is wider than tall,
 * below it otherwise (in as many columns as its width allows); nothing overlaps.
 */
export function imageLayout(
  css: Size,
  legendItems: number,
  footerLines: number,
  withTitle: boolean,
): ImageLayout {
  const { margin, titleHeight, gap, legendPad, legendHeading, legendRow, legendMinRow } = LAYOUT;
  const inner = {
    x: margin,
    y: margin,
    width: css.width - 2 * margin,
    height: css.height - 2 * margin,
  };
  const title = withTitle
    ? { x: inner.x, y: inner.y, width: inner.width, height: titleHeight }
    : null;
  const top = title ? title.y + title.height + gap / 2 : inner.y;
  const footerHeight = footerLines * LAYOUT.footerLineHeight + 4;
  const footer = {
    x: inner.x,
    y: inner.y + inner.height - footerHeight,
    width: inner.width,
    height: footerHeight,
  };
  const bodyHeight = footer.y - gap / 2 - top;
  const rows = Math.max(1, legendItems);
  if (css.width >= css.height) {
    const legendWidth = Math.min(270, Math.max(170, inner.width * 0.24));
    const avail = bodyHeight - 2 * legendPad - legendHeading;
    const fitRow = avail / rows;
    const columns = fitRow >= legendMinRow ? 1 : 2;
    const rowHeight = Math.min(legendRow, (avail * columns) / rows);
    const legend = {
      x: inner.x + inner.width - legendWidth,
      y: top,
      width: legendWidth,
      height: Math.min(
        bodyHeight,
        2 * legendPad + legendHeading + Math.ceil(rows / columns) * rowHeight,
      ),
    };
    const map = { x: inner.x, y: top, width: inner.width - legendWidth - gap, height: bodyHeight };
    return { title, map, legend, footer, legendRowHeight: rowHeight, legendColumns: columns };
  }
  const columns = Math.max(1, Math.min(3, Math.floor(inner.width / 200)));
  const legendHeight = 2 * legendPad + legendHeading + Math.ceil(rows / columns) * legendRow;
  const legend = {
    x: inner.x,
    y: footer.y - gap / 2 - legendHeight,
    width: inner.width,
    height: legendHeight,
  };
  const map = { x: inner.x, y: top, width: inner.width, height: legend.y - gap - top };
  return { title, map, legend, footer, legendRowHeight: legendRow, legendColumns: columns };
}

/** Where legend item `i` sits (its row's top-left), inside the legend rect. */
export function legendItemAt(
  layout: ImageLayout,
  count: number,
  i: number,
): { x: number; y: number } {
  const { legend, legendColumns, legendRowHeight } = layout;
  const perColumn = Math.ceil(Math.max(1, count) / legendColumns);
  const col = Math.floor(i / perColumn);
  const row = i % perColumn;
  const colWidth = (legend.width - 2 * LAYOUT.legendPad) / legendColumns;
  return {
    x: legend.x + LAYOUT.legendPad + col * colWidth,
    y: legend.y + LAYOUT.legendPad + LAYOUT.legendHeading + row * legendRowHeight,
  };
}

/**
 * The zoom that shows at least what the live map shows (`liveZoom` over `live` CSS size) in a
 * map of `out` CSS size: the same zoom when the output is larger, less when it is smaller.
 */
export function fitZoom(liveZoom: number, live: Size, out: Size): number {
  const k = Math.min(out.width / live.width, out.height / live.height);
  return k >= 1 ? liveZoom : liveZoom + Math.log2(k);
}
