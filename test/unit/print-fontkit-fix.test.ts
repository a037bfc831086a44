import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { padSubsetGlyphs } from '../../src/core/print/fontkit-fix.ts';

const FONT = join(
  import.meta.dirname,
  '../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);

function encode(subset: ReturnType<ReturnType<typeof fontkit.create>['createSubset']>) {
  return new Promise<Uint8Array>((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (d) => parts.push(d))
      .on('end', () => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        resolve(out);
      });
  });
}

describe('fontkit subset fix (short loca with odd-length glyph records)', () => {
  it('every glyph of a small Noto Sans SC subset has the outline of the original glyph', async () => {
    const bytes = new Uint8Array(readFileSync(FONT));
    padSubsetGlyphs(bytes);
    const font = fontkit.create(bytes);
    const text =
      '济源市公园绿地服务半径覆盖率数据不足无法评级面积区内项目已公布投资合计 Natural Earth 1,931.26 km²';
    const glyphs = font.layout(text).glyphs;
    const subset = font.createSubset();
    const ids = glyphs.map((g) => subset.includeGlyph(g));
    const sub = fontkit.create(await encode(subset));
    let compared = 0;
    glyphs.forEach((g, i) => {
      const id = ids[i] as number;
      const a = g.path.toSVG();
      const b = sub.getGlyph(id).path.toSVG();
      expect(b, `glyph ${String.fromCodePoint(...g.codePoints)}`).toBe(a);
      if (a !== '') compared++;
    });
    expect(compared).toBeGreaterThan(40);
  });
});
