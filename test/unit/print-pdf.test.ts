import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/core/print/pdf.ts';
import { type PdfContent, pdfLayout, wrapText } from '../../src/core/print/pdf-layout.ts';

const root = join(import.meta.dirname, '..', '..');
const FONT = join(
  root,
  'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);
/** Fake metrics: CJK one em, anything else half an em. */
const fake = (t: string, size: number) =>
  [...t].reduce((w, c) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? size : size / 2), 0);

const content: PdfContent = {
  title: '济源市 · 规划地图集',
  subtitle: '济源示范区 · 2026-11-29',
  map: { width: 1600, height: 1100 },
  figuresHeading: '城市数据',
  figures: [
    ['面积', '1,931.26 km²'],
    ['区内项目', '27'],
    ['已公布投资合计', '≥ 12.5 亿元'],
    ['已收录绿地', '0.79 km²'],
    [
      '按类别',
      '交通 5, 园林绿地 4, 水务水系 3, 住房与更新 2, 教育 1, 医疗卫生 1, 商业 1, 产业 1, 文旅 1',
    ],
  ],
  scorecard: {
    heading: '园林城市评分卡',
    columns: ['指标', '该城市公布数', '本图计算'],
    rows: [
      {
        indicator: '公园绿地服务半径覆盖率',
        thresholds: ['国家园林城市：至少 80 %'],
        published: '90.10 % (2023)',
        computed: '3.21 %',
        rating: '数据不足，无法评级',
      },
    ],
    notes: ['本图据不完整的公园图层计算（不评级）'],
  },
  sources: ['底图：Natural Earth 4.1.0（公有领域）', '由规划地图集制作 · 2026-11-29'],
};

describe('PDF layout', () => {
  it('wraps Latin text at spaces and CJK between characters', () => {
    // 10 pt: Latin 5 per char; 40 pt wide = 8 chars.
    expect(wrapText('aaa bbb ccc', 40, 10, fake)).toEqual(['aaa bbb', 'ccc']);
    // CJK 10 per char: 4 per line.
    expect(wrapText('公园绿地服务半径', 40, 10, fake)).toEqual(['公园绿地', '服务半径']);
    expect(wrapText('abcdefghijkl', 40, 10, fake)).toEqual(['abcdefgh', 'ijkl']);
    expect(wrapText('', 40, 10, fake)).toEqual([]);
  });

  it('keeps everything on the A4 page, the map above the figures, nothing overlapping the footer', () => {
    const { page, ops } = pdfLayout(content, fake);
    expect(page.width).toBeCloseTo(595.28, 2);
    const img = ops.find((o) => o.kind === 'image');
    expect(img).toBeDefined();
    const texts = ops.filter((o) => o.kind === 'text');
    for (const t of texts) {
      expect(t.y).toBeGreaterThanOrEqual(39);
      expect(t.y + t.size).toBeLessThanOrEqual(page.height - 39);
      expect(t.x + fake(t.text, t.size)).toBeLessThanOrEqual(page.width - 40 + 1e-6);
    }
    const fig = texts.find((t) => t.text.startsWith('面积'));
    if (img?.kind !== 'image' || !fig) throw new Error('missing');
    expect(fig.y).toBeLessThan(img.y);
    // The map keeps its aspect ratio.
    expect(img.height / img.width).toBeCloseTo(1100 / 1600, 6);
  });

  it('shrinks the map when the scorecard is long, so the page never overflows', () => {
    const long: PdfContent = {
      ...content,
      scorecard: content.scorecard && {
        ...content.scorecard,
        rows: Array.from({ length: 16 }, () => content.scorecard?.rows[0]).filter(
          (r) => r !== undefined,
        ),
      },
    };
    const short = pdfLayout(content, fake).ops.find((o) => o.kind === 'image');
    const { ops } = pdfLayout(long, fake);
    const img = ops.find((o) => o.kind === 'image');
    if (img?.kind !== 'image' || short?.kind !== 'image') throw new Error('missing');
    expect(img.height).toBeLessThan(short.height);
    for (const t of ops) if (t.kind === 'text') expect(t.y).toBeGreaterThanOrEqual(39);
  });
});

describe('PDF build', () => {
  it('embeds Noto Sans SC as a subset; pdfjs reads the Chinese text, one A4 page and the metadata back', async () => {
    const font = new Uint8Array(readFileSync(FONT));
    const png = new Uint8Array(readFileSync(join(root, 'docs/screenshot-phone.png')));
    const bytes = await buildPdf({
      content,
      font,
      image: { bytes: png, type: 'png' },
      meta: {
        title: '济源市 · 规划地图集',
        author: 'Planning Atlas',
        subject: '济源市的地图、数据与评分卡',
        keywords: ['济源'],
        lang: 'zh-CN',
      },
      date: new Date(Date.UTC(2026, 10, 29)),
    });
    // A subset: far smaller than the 10 MB font.
    expect(bytes.length).toBeLessThan(png.length + 400_000);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: bytes, useSystemFonts: false }).promise;
    expect(doc.numPages).toBe(1);
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect(w).toBeCloseTo(595.28, 1);
    expect(h).toBeCloseTo(841.89, 1);
    const tc = await page.getTextContent();
    const text = tc.items.map((i) => ('str' in i ? i.str : '')).join('\n');
    expect(text).toContain('济源市 · 规划地图集');
    expect(text).toContain('面积: 1,931.26 km²');
    expect(text).toContain('公园绿地服务半径覆盖率');
    expect(text).toContain('数据不足，无法评级');
    expect(text).toContain('Natural Earth');
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string; Author?: string; Subject?: string };
    expect(info.Title).toBe('济源市 · 规划地图集');
    expect(info.Author).toBe('Planning Atlas');
    expect(info.Subject).toBe('济源市的地图、数据与评分卡');
  });
});
