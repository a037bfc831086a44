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
  /** Each legend item's row top-left, in CSS px (headings never end a column). */
  legendAt: Array<{ x: number; y: number }>;
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
  legendMinRow: 14,
  /** A legend below the map takes at most this share of the page's body. */
  legendMaxShare: 0.4,
  legendMinColumn: 200,
} as const;

/**
 * Column and row of each legend item when columns hold `perColumn` rows: items in order, top
 * to bottom then left to right, a heading that would end a column moved to the next one.
 * Returns null when they do not fit in `columns` columns.
 */
export function legendSlots(
  headings: readonly boolean[],
  columns: number,
  perColumn: number,
): Array<{ col: number; row: number }> | null {
  const out: Array<{ col: number; row: number }> = [];
  let col = 0;
  let row = 0;
  for (const heading of headings) {
    if (row >= perColumn || (heading && row === perColumn - 1 && row > 0)) {
      col++;
      row = 0;
    }
    if (col >= columns) return null;
    out.push({ col, row });
    row++;
  }
  return out;
}

/** The fewest rows per column that fit the items in `columns` columns. */
function rowsPerColumn(headings: readonly boolean[], columns: number): number {
  let per = Math.max(1, Math.ceil(headings.length / columns));
  while (!legendSlots(headings, columns, per)) per++;
  return per;
}

/**
 * Where everything goes on a page of `css` size whose legend lists items (`headings[i]`: item
 * i is a group heading) and `footerLines` lines of sources: the legend beside the map when the
 * page is wider than tall, below it otherwise (at most 40 % of the height, in as many columns
 * as that needs); nothing overlaps.
 */
export function imageLayout(
  css: Size,
  headings: readonly boolean[],
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
  const frame = 2 * legendPad + legendHeading;
  let legend: Rect;
  let map: Rect;
  let columns = 1;
  let per = rowsPerColumn(headings, 1);
  let rowHeight: number = legendRow;
  if (css.width >= css.height) {
    const legendWidth = Math.min(270, Math.max(170, inner.width * 0.24));
    if ((bodyHeight - frame) / per < legendMinRow) {
      columns = 2;
      per = rowsPerColumn(headings, 2);
    }
    rowHeight = Math.min(legendRow, (bodyHeight - frame) / per);
    legend = {
      x: inner.x + inner.width - legendWidth,
      y: top,
      width: legendWidth,
      height: Math.min(bodyHeight, frame + per * rowHeight),
    };
    map = { x: inner.x, y: top, width: inner.width - legendWidth - gap, height: bodyHeight };
  } else {
    const maxHeight = bodyHeight * LAYOUT.legendMaxShare;
    columns = Math.max(1, Math.min(3, Math.floor(inner.width / LAYOUT.legendMinColumn)));
    per = rowsPerColumn(headings, columns);
    // Rows shrink to the minimum before another column is added.
    while (columns < 4 && (maxHeight - frame) / per < legendMinRow) {
      columns++;
      per = rowsPerColumn(headings, columns);
    }
    rowHeight = Math.max(legendMinRow, Math.min(legendRow, (maxHeight - frame) / per));
    const height = frame + per * rowHeight;
    legend = { x: inner.x, y: footer.y - gap / 2 - height, width: inner.width, height };
    map = { x: inner.x, y: top, width: inner.width, height: legend.y - gap - top };
  }
  const slots = legendSlots(headings, columns, per) ?? [];
  const colWidth = (legend.width - 2 * legendPad) / columns;
  const legendAt = slots.map((s) => ({
    x: legend.x + legendPad + s.col * colWidth,
    y: legend.y + legendPad + legendHeading + s.row * rowHeight,
  }));
  return {
    title,
    map,
    legend,
    footer,
    legendRowHeight: rowHeight,
    legendColumns: columns,
    legendAt,
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
