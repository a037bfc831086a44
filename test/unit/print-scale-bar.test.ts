import { describe, expect, it } from 'vitest';
import {
  metresPerPixel,
  niceLength,
  scaleBar,
  scaleLabel,
} from '../../src/core/print/scale-bar.ts';

describe('scale bar', () => {
  it('metres per pixel: the world (40,075,016.686 m) over 512 px at zoom 0 on the equator', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 3);
    // Halved per zoom level; times cos(60°) = 0.5 at 60° N.
    expect(metresPerPixel(0, 10)).toBeCloseTo(76.437, 3);
    expect(metresPerPixel(60, 10)).toBeCloseTo(38.2185, 3);
    // 256 px tiles (OpenStreetMap's convention): 156,543.03 m per px at zoom 0.
    expect(metresPerPixel(0, 0, 256)).toBeCloseTo(156543.034, 2);
  });

  it('nice lengths are 1, 2 or 5 × 10^n, the largest not above the input', () => {
    expect(niceLength(1)).toBe(1);
    expect(niceLength(1.99)).toBe(1);
    expect(niceLength(2)).toBe(2);
    expect(niceLength(4.9)).toBe(2);
    expect(niceLength(5)).toBe(5);
    expect(niceLength(9.99)).toBe(5);
    expect(niceLength(10)).toBe(10);
    expect(niceLength(999)).toBe(500);
    expect(niceLength(1000)).toBe(1000);
    expect(niceLength(1999)).toBe(1000);
    expect(niceLength(2500)).toBe(2000);
    expect(niceLength(73_000)).toBe(50_000);
    expect(niceLength(0.3)).toBeCloseTo(0.2, 12);
    expect(niceLength(0)).toBe(0);
    expect(niceLength(-5)).toBe(0);
  });

  it('labels in m below 1 km, else km', () => {
    expect(scaleLabel(500)).toBe('500 m');
    expect(scaleLabel(1000)).toBe('1 km');
    expect(scaleLabel(20000)).toBe('20 km');
  });

  it('Jiyuan (35.07° N) at zoom 10 printed at 300 dpi (pixel ratio 3.125): 2 km in ≤ 600 px', () => {
    // 76.437 × cos(35.07°) = 62.547 m per CSS px; / 3.125 = 20.015 m per output px.
    const mPerPx = metresPerPixel(35.07, 10) / 3.125;
    expect(mPerPx).toBeCloseTo(20.015, 2);
    const bar = scaleBar(mPerPx, 600);
    // 600 px = 12.0 km → 10 km, 499.6 px long.
    expect(bar.metres).toBe(10_000);
    expect(bar.label).toBe('10 km');
    expect(bar.px).toBeCloseTo(499.6, 0);
  });
});
