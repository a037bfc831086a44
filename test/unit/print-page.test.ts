import { describe, expect, it } from 'vitest';
import { exportFileName, isoDate, slug } from '../../src/core/print/file-name.ts';
import {
  fitZoom,
  type ImageLayout,
  imageLayout,
  legendSlots,
  paperPage,
  paperPixels,
  paperPoints,
  type Rect,
} from '../../src/core/print/page.ts';

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, w: number, h: number) =>
  a.x >= 0 && a.y >= 0 && a.x + a.width <= w + 1e-9 && a.y + a.height <= h + 1e-9;

function checkLayout(l: ImageLayout, w: number, h: number, n: number) {
  const rects = [l.title, l.map, l.legend, l.footer].filter((r): r is Rect => r !== null);
  for (const r of rects) expect(inside(r, w, h)).toBe(true);
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++)
      expect(overlaps(rects[i] as Rect, rects[j] as Rect)).toBe(false);
  // Every legend row lies inside the legend box.
  expect(l.legendAt.length).toBe(n);
  for (let i = 0; i < n; i++) {
    const p = l.legendAt[i] as { x: number; y: number };
    expect(p.y + l.legendRowHeight).toBeLessThanOrEqual(l.legend.y + l.legend.height + 1e-9);
    expect(p.x).toBeLessThan(l.legend.x + l.legend.width);
  }
}

describe('paper sizes', () => {
  it('A4 and A3 at 300 dpi in pixels (ISO 216)', () => {
    expect(paperPixels('a4', 'landscape', 300)).toEqual({ width: 3508, height: 2480 });
    expect(paperPixels('a4', 'portrait', 300)).toEqual({ width: 2480, height: 3508 });
    expect(paperPixels('a3', 'landscape', 300)).toEqual({ width: 4961, height: 3508 });
  });
  it('A4 in PDF points is 595.28 × 841.89', () => {
    const p = paperPoints('a4', 'portrait');
    expect(p.width).toBeCloseTo(595.28, 2);
    expect(p.height).toBeCloseTo(841.89, 2);
  });
  it('a 300 dpi page is laid out at 96 CSS px per inch: 3.125 output px per CSS px', () => {
    const p = paperPage('a4', 'landscape', 300);
    expect(p.scale).toBe(3.125);
    expect(p.css.width).toBeCloseTo(1122.56, 2);
    expect(p.css.height).toBeCloseTo(793.6, 2);
  });
});

/** The app's legend shape: a heading, 12 categories, a heading, 6 marks and areas. */
const LEGEND20 = [true, ...Array(12).fill(false), true, ...Array(6).fill(false)] as boolean[];
const plain = (n: number) => Array(n).fill(false) as boolean[];

describe('legend slots', () => {
  it('fills columns top to bottom; a heading never ends a column', () => {
    expect(legendSlots([false, false, false, false], 2, 2)).toEqual([
      { col: 0, row: 0 },
      { col: 0, row: 1 },
      { col: 1, row: 0 },
      { col: 1, row: 1 },
    ]);
    // The heading (index 1) would be the last row of column 0: it starts column 1.
    expect(legendSlots([false, true, false], 2, 2)).toEqual([
      { col: 0, row: 0 },
      { col: 1, row: 0 },
      { col: 1, row: 1 },
    ]);
    expect(legendSlots([false, true, false, false], 2, 2)).toBeNull();
  });
});

describe('image layout', () => {
  it('landscape: legend beside the map, nothing overlaps, 20 items fit', () => {
    const { css } = paperPage('a4', 'landscape', 300);
    const l = imageLayout(css, LEGEND20, 3, true);
    checkLayout(l, css.width, css.height, 20);
    expect(l.legend.x).toBeGreaterThan(l.map.x + l.map.width);
    expect(l.map.width).toBeGreaterThan(700);
  });
  it('portrait: legend below the map in columns', () => {
    const { css } = paperPage('a4', 'portrait', 300);
    const l = imageLayout(css, LEGEND20, 3, true);
    checkLayout(l, css.width, css.height, 20);
    expect(l.legendColumns).toBe(3);
    expect(l.legend.y).toBeGreaterThan(l.map.y + l.map.height);
  });
  it('a phone-sized portrait image keeps the legend to 40 % of the body, in more columns', () => {
    const l = imageLayout({ width: 390, height: 739 }, LEGEND20, 7, true);
    checkLayout(l, 390, 739, 20);
    expect(l.legendColumns).toBe(2);
    expect(l.legend.height).toBeLessThanOrEqual(0.4 * (l.footer.y - l.map.y) + 1e-9);
    expect(l.map.height).toBeGreaterThan(l.legend.height);
  });

  it('a small screen image with many items takes two legend columns', () => {
    const l = imageLayout({ width: 640, height: 360 }, plain(30), 3, true);
    checkLayout(l, 640, 360, 30);
    expect(l.legendColumns).toBe(2);
  });
});

describe('fitZoom', () => {
  it('keeps the zoom for a larger output, zooms out by log2 of the shrink otherwise', () => {
    expect(fitZoom(10, { width: 800, height: 600 }, { width: 1000, height: 700 })).toBe(10);
    expect(fitZoom(10, { width: 800, height: 600 }, { width: 400, height: 600 })).toBe(9);
  });
});

describe('file name', () => {
  it('planning-atlas-<subject>-<date>.<ext>', () => {
    const d = new Date(2026, 10, 29, 12);
    expect(isoDate(d)).toBe('2026-11-29');
    expect(exportFileName('jiyuan', d, 'png')).toBe('planning-atlas-jiyuan-2026-11-29.png');
    expect(exportFileName('Region 1 / 北区', d, 'pdf')).toBe(
      'planning-atlas-region-1-北区-2026-11-29.pdf',
    );
    expect(slug('  ')).toBe('');
    expect(exportFileName('', d, 'png')).toBe('planning-atlas-2026-11-29.png');
  });
});
