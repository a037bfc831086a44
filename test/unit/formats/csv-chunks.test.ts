import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../../src/core/formats/csv.ts';

describe('loadCsv over many chunks', () => {
  it('reads 100,000 rows (several 1 MB chunks) with quoted newlines and absolute error rows', () => {
    const lines = ['id,lon,lat,note'];
    for (let i = 1; i <= 100_000; i++) {
      const note =
        i % 1000 === 0 ? `"line one\nline two, with a comma ${'x'.repeat(20)}"` : `n${i}`;
      const lat = i === 45_123 ? '95' : (40 + (i % 100) / 1000).toFixed(3);
      lines.push(`${i},116.${String(i % 1000).padStart(3, '0')},${lat},${note}`);
    }
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(2 * (1 << 20));
    const seen: number[] = [];
    const r = loadCsv(text, 'big.csv', { onProgress: (f) => seen.push(f) });
    expect(r.fatal).toBe(false);
    expect(r.points?.lons.length).toBe(99_999);
    expect(r.errors).toEqual([expect.objectContaining({ row: 45_123, field: 'lat' })]);
    const row2000 = r.points?.rows.indexOf(2000) ?? -1;
    expect(r.points?.properties[row2000]?.note).toMatch(/^line one\nline two, with a comma x+$/);
    // Progress rises through parsing and row checks.
    expect(seen.length).toBeGreaterThan(4);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
