import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { COLORS } from '../../src/web/map/palette.ts';
import { type Atlas, withAtlas } from './driver.ts';
import {
  closePrintDialog,
  colourShare,
  exportMap,
  imageStats,
  openPrintDialog,
  pdfFacts,
  pngHeader,
  renderPdfPage,
  WHOLE_IMAGE,
} from './print-actions.ts';

/** Where the outputs are kept to be looked at (and the README's example). */
const LOOK = process.env.PRINT_LOOK_DIR ?? '.tmp/print';
const DOCS_EXAMPLE = 'docs/print-a4-example.png';

const saveDataUrl = (url: string, path: string) =>
  writeFileSync(path, Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'));

describe('print and export', () => {
  const app = withAtlas();
  let atlas: Atlas | undefined;
  afterEach(() => {
    atlas = undefined;
  });

  it('exports an A4 landscape PNG at 300 dpi: 3508 × 2480 px, with a map that is not blank', async () => {
    mkdirSync(LOOK, { recursive: true });
    // Tongzhou at street level: many projects and parks (the README's example).
    atlas = await app.open('?city=tongzhou&v=116.69,39.885,11.6');
    const out = await exportMap(atlas, { format: 'a4', orientation: 'landscape' });
    expect(out.name).toMatch(/^planning-atlas-tongzhou-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = new Uint8Array(readFileSync(out.path));
    expect(pngHeader(bytes)).toEqual({ png: true, width: 3508, height: 2480 });
    // The map fills the left ~75 % of the page below the title: many colours, much ink.
    const map = await imageStats(
      atlas,
      out.path,
      { x: 0.03, y: 0.12, w: 0.68, h: 0.7 },
      { maxWidth: 1600 },
    );
    copyFileSync(out.path, `${LOOK}/a4-landscape.png`);
    if (map.small) saveDataUrl(map.small, DOCS_EXAMPLE);
    expect(statSync(DOCS_EXAMPLE).size).toBeLessThan(600_000);
    // A blank map (only the sea or the land colour) would have a handful of colours.
    expect(map.colours).toBeGreaterThan(40);
    expect(map.inked).toBeGreaterThan(0.5);
    console.log(`A4 PNG: ${bytes.length} bytes, ms ${JSON.stringify(out.ms)}`);
    expect(atlas.errors).toEqual([]);
  }, 150_000);

  it('exports A3 portrait at 300 dpi: 3508 × 4961 px (its map canvas 3408 × 3980 px, near the 4096 px cap)', async () => {
    atlas = await app.open('?city=tongzhou&lang=zh');
    const out = await exportMap(atlas, { format: 'a3', orientation: 'portrait' });
    const bytes = new Uint8Array(readFileSync(out.path));
    expect(pngHeader(bytes)).toEqual({ png: true, width: 3508, height: 4961 });
    // The map fills the top of a portrait page, the legend is below it.
    const map = await imageStats(atlas, out.path, { x: 0.05, y: 0.08, w: 0.9, h: 0.5 });
    expect(map.colours).toBeGreaterThan(40);
    copyFileSync(out.path, `${LOOK}/a3-portrait-zh.png`);
    console.log(`A3 PNG: ${bytes.length} bytes, ms ${JSON.stringify(out.ms)}, ${out.status}`);
    expect(atlas.errors).toEqual([]);
  }, 150_000);

  it('exports a one-page A4 PDF in Chinese with the city, its figures and its scorecard', async () => {
    atlas = await app.open('?city=jiyuan&cov=gbt50563&lang=zh');
    await atlas.page.waitForSelector('[data-testid="scorecard"] table', { timeout: 60_000 });
    await atlas.page.waitForSelector('[data-testid="city-figures"][data-status="done"]', {
      timeout: 60_000,
    });
    const projects =
      (await atlas.page.textContent('[data-testid="figures-jiyuan"] td:last-child'))?.trim() ?? '';
    const area =
      (
        await atlas.page.textContent('[data-testid="figures-jiyuan"] [data-testid="fig-area"]')
      )?.trim() ?? '';
    const coverage =
      (
        await atlas.page.textContent(
          '[data-testid="score-park_coverage"] [data-testid="score-computed"]',
        )
      )?.trim() ?? '';
    const out = await exportMap(atlas, { format: 'pdf' });
    expect(out.name).toMatch(/^planning-atlas-jiyuan-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await pdfFacts(out.path);
    expect(pdf.pages).toBe(1);
    expect(pdf.width).toBeCloseTo(595.28, 1);
    expect(pdf.height).toBeCloseTo(841.89, 1);
    expect(pdf.title).toContain('济源');
    expect(pdf.text).toContain('济源');
    expect(pdf.text).toContain(`面积: ${area}`);
    expect(pdf.text).toContain(`区内项目: ${projects}`);
    expect(pdf.text).toContain('公园绿地服务半径覆盖率');
    expect(pdf.text).toContain(coverage);
    expect(pdf.text).toContain('Natural Earth');
    const png = await renderPdfPage(atlas, out.path);
    saveDataUrl(png, `${LOOK}/pdf-zh-page1.png`);
    copyFileSync(out.path, `${LOOK}/jiyuan-zh.pdf`);
    console.log(`PDF: ${statSync(out.path).size} bytes, ms ${JSON.stringify(out.ms)}`);
    expect(atlas.errors).toEqual([]);
  }, 150_000);

  it('exports a PDF for a drawn region, in English, with the region results the panel shows', async () => {
    atlas = await app.open('?city=tongzhou');
    await atlas.drawRectangle([116.6, 39.85], [116.75, 39.95]);
    const count = atlas.page.locator('[data-testid="result-count"]').first();
    await count.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await count.textContent())?.trim() ?? '', { timeout: 30_000 })
      .toMatch(/^\d+$/);
    const n = (await count.textContent())?.trim() ?? '';
    const area =
      (await atlas.page.locator('[data-testid="result-area"]').first().textContent())?.trim() ?? '';
    const out = await exportMap(atlas, { format: 'pdf', region: true });
    expect(out.name).toMatch(/^planning-atlas-region-1-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await pdfFacts(out.path);
    expect(pdf.pages).toBe(1);
    expect(pdf.title).toBe('Region 1');
    expect(pdf.text).toContain('Figures: Region 1');
    expect(pdf.text).toContain(`Points inside: ${n}`);
    expect(pdf.text).toContain(`Area: ${area}`);
    expect(pdf.text).toContain('Park coverage: ');
    saveDataUrl(await renderPdfPage(atlas, out.path), `${LOOK}/pdf-region-en-page1.png`);
    expect(atlas.errors).toEqual([]);
  }, 150_000);

  it('cancels an export in progress: no download, a plain message, the dialog usable again', async () => {
    atlas = await app.open('?city=taixing');
    await openPrintDialog(atlas);
    await atlas.page.check('[data-testid="print-format-a3"]');
    let downloads = 0;
    atlas.page.on('download', () => downloads++);
    await atlas.page.click('[data-testid="print-go"]');
    await atlas.page.waitForSelector('[data-testid="print-status"][data-state="busy"]');
    await atlas.page.click('[data-testid="print-cancel"]');
    const error = atlas.page.locator('[data-testid="print-error"]');
    // Software WebGL keeps the page busy while a frame draws: the click lands between frames.
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toBe('Export cancelled.');
    expect(await atlas.page.isEnabled('[data-testid="print-go"]')).toBe(true);
    await atlas.page.waitForTimeout(1500);
    expect(downloads).toBe(0);
    expect(atlas.errors).toEqual([]);
  }, 150_000);

  it("draws the sea in the exported image (on screen it is the map's CSS background)", async () => {
    atlas = await app.open();
    const out = await exportMap(atlas, { format: 'screen' });
    // The all-cities view: the Bohai and Yellow seas on the right (3.5 % of the image), in the
    // sea colour of palette.ts; without the sea layer the print had 0.001 %.
    const sea = await colourShare(atlas, out.path, WHOLE_IMAGE, COLORS.sea);
    console.log(`sea: ${(sea * 100).toFixed(1)} % of the exported map`);
    expect(sea).toBeGreaterThan(0.01);
    expect(atlas.errors).toEqual([]);
  }, 150_000);

  it('on a phone: the dialog opens from the menu, exports the screen-size PNG, Esc closes it', async () => {
    atlas = await app.openOnPhone('?city=taixing');
    const out = await exportMap(atlas, { format: 'screen' });
    const size = await atlas.page.evaluate(() => {
      const c = window.__atlasMap?.getContainer();
      return { w: c?.clientWidth ?? 0, h: c?.clientHeight ?? 0 };
    });
    const head = pngHeader(new Uint8Array(readFileSync(out.path)));
    expect(head).toEqual({ png: true, width: size.w, height: size.h });
    await atlas.screenshot(`${LOOK}/phone-dialog.png`);
    await closePrintDialog(atlas);
    expect(await atlas.page.isVisible('[data-testid="print-dialog"]')).toBe(false);
    // Reopened, Tab stays inside the modal dialog.
    await openPrintDialog(atlas);
    for (let i = 0; i < 12; i++) await atlas.page.keyboard.press('Tab');
    const inside = await atlas.page.evaluate(
      () => !!document.activeElement?.closest('[data-testid="print-dialog"]'),
    );
    expect(inside).toBe(true);
    copyFileSync(out.path, `${LOOK}/phone-screen.png`);
    expect(atlas.errors).toEqual([]);
  });
});
