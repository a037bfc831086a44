import { describe, expect, it } from 'vitest';
import { Atlas, launch, withAtlas } from './driver.ts';
import { openMeasure } from './measure-actions.ts';
import { openPrintDialog } from './print-actions.ts';
import { showThematic } from './thematic-actions.ts';
import { openTimeline } from './time-actions.ts';
import { signIn, startServer, TINY_PARK_AT, withTestParks } from './zh-actions.ts';

const app = withAtlas();
let atlas: Atlas;

/**
 * What may stay in Latin letters in the Chinese UI: proper nouns and product names, file formats,
 * units, datum and standard codes, and what the user's own files or the sources hold (file names,
 * URLs, ids, column names of the imported CSV). Everything else is an untranslated string.
 */
const ALLOWED_WORDS = new Set(
  [
    // Products, formats, standards, datums.
    'MapLibre',
    'OpenStreetMap',
    'OSM',
    'GeoJSON',
    'PDF',
    'PNG',
    'H3',
    // Names of classing methods, palettes and their author, and a print unit.
    'Jenks',
    'ColorBrewer',
    'Brewer',
    'Viridis',
    'dpi',
    'CSV',
    'TSV',
    'Excel',
    'xlsx',
    'xls',
    'KML',
    'GPX',
    'Shapefile',
    'JSON',
    'WKT',
    'POINT',
    'GB',
    'CJJ',
    'WGS',
    'GCJ',
    'BD',
    'GPS',
    'EPSG',
    'echarts',
    'atlas',
    'ECharts',
    'Natural',
    'Earth',
    // Units.
    'km',
    'm',
    'ha',
    'mu',
    'h',
    // The language toggle names the other language in that language; keyboard keys.
    'English',
    'Home',
    'End',
    'Enter',
    'Esc',
    // A ledger name_zh that quotes an English translation (data): 梦想工场（英译Dream Workplace）.
    'Dream',
    'Workplace',
    // The imported CSV's own column names and values (user data).
    'category',
    'investment_cny',
    'transport',
  ].map((w) => w.toLowerCase()),
);

/** Latin words left once URLs, file names, ids and allowed words are taken out. */
function untranslated(texts: readonly string[]): string[] {
  const left = new Set<string>();
  for (const raw of texts) {
    const text = raw
      .replace(/https?:\/\/\S+/g, ' ')
      // A value quoted from the user's file ("abc").
      .replace(/"[^"]*"/g, ' ')
      // Source addresses written without a scheme (www.example.com/page) and folder paths (data/).
      .replace(/\b[\w-]+(?:\.[\w-]+)+(?:\/\S*)?/g, ' ')
      .replace(/\b[\w-]+\//g, ' ')
      .replace(
        /[\w.-]+\.(?:csv|tsv|geojson|json|md|txt|xlsx|xls|kml|gpx|zip|js|pdf|html?)\b/gi,
        ' ',
      )
      // ids and keys: tz-001, jiyuan_park_3, gbt50563 (letters joined to digits, - or _)
      .replace(/\b[A-Za-z]+(?:[-_][A-Za-z0-9]+)+\b/g, ' ')
      .replace(/\b[A-Za-z]*\d[A-Za-z0-9]*\b/g, ' ');
    // Words of two letters or more: single letters are the map's category codes (T, G, W...).
    for (const w of text.match(/[A-Za-z]{2,}/g) ?? []) {
      if (!ALLOWED_WORDS.has(w.toLowerCase())) left.add(w);
    }
  }
  return [...left].sort();
}

describe('the Chinese UI has no English left in it', () => {
  it('the checker itself finds an untranslated string', () => {
    expect(untranslated(['已导入 2 条', 'WGS84（GPS 卫星定位）', 'sites.csv', 'tz-001'])).toEqual(
      [],
    );
    expect(untranslated(['区域 1', 'Region 1', '第 2 行，lat：超出范围'])).toEqual([
      'Region',
      'lat',
    ]);
  });

  it('ledger, details, green access, scorecard, workspace import and regions, notices', async () => {
    atlas = await app.open('?lang=zh&v=116.645,39.88,11.5');
    const seen: Array<{ screen: string; words: string[] }> = [];
    const check = async (screen: string) => {
      const words = untranslated(await atlas.visibleTexts('en'));
      if (words.length > 0) seen.push({ screen, words });
    };
    expect(await atlas.page.getAttribute('html', 'lang')).toBe('zh-CN');
    // MapLibre's own controls speak Chinese (its locale option).
    expect(await atlas.page.getAttribute('.maplibregl-ctrl-zoom-in', 'title')).toBe('放大');
    await check('ledger');

    // The details of the first project of the ledger.
    const first = (await atlas.ledgerIds())[0];
    expect(first).toBeTruthy();
    await atlas.clickRow(first as string);
    await atlas.page.waitForSelector('[data-testid="detail-panel"]');
    await check('details');
    await atlas.page.click('[data-testid="detail-close"]');

    // Workspace: a CSV with two bad rows, a GeoJSON file that is not valid JSON, a region.
    const csv = await atlas.importFile('test/fixtures/e2e/sites.csv');
    expect(csv).toContain('已导入 12 条，共 14 条');
    await atlas.page.click('[data-testid="import-report"] details summary');
    const problems = (await atlas.page.textContent('[data-testid="import-problems"]')) ?? '';
    expect(problems).toContain('第 1');
    expect(problems).toMatch(/不是数字|超出范围/);
    await check('import report (CSV)');
    const bad = await atlas.importFile('test/fixtures/e2e/broken.geojson');
    expect(bad).toContain('无法导入 broken.geojson');
    expect(bad).toContain('JSON 格式错误');
    await check('import report (bad GeoJSON)');
    await atlas.drawRectangle([116.59, 39.84], [116.645, 39.915]);
    await atlas.page.waitForFunction(
      () => !document.querySelector('[data-testid="workspace"] .busy'),
      undefined,
      { timeout: 30_000 },
    );
    const names = await atlas.page.$$eval('[data-testid="region-item"] input', (els) =>
      els.map((e) => (e as HTMLInputElement).value),
    );
    expect(names).toEqual(['区域 1']);
    // The imported points as the points counted: their category column read as ledger categories.
    await atlas.page.selectOption('[data-testid="workspace"] select', { label: 'sites.csv' });
    const count = atlas.page.locator('[data-testid="result-count"]').first();
    await expect.poll(async () => count.textContent(), { timeout: 20_000 }).toBe('6');
    expect(await atlas.page.textContent('[data-testid="result-cat"]')).toBe('交通 6');
    await check('region results');

    // Green access with its chart, a place asked about, and one city's scorecard.
    await atlas.showCoverage('gbt50563');
    await atlas.askPlace(116.66, 39.9);
    await check('green access');
    await atlas.openCity('jiyuan');
    await atlas.page.waitForSelector('[data-testid="scorecard"]', { timeout: 60_000 });
    await check('scorecard');

    // Back to English and again to Chinese: the map's tooltips follow the language.
    await atlas.switchLanguage('en');
    expect(await atlas.page.getAttribute('.maplibregl-ctrl-zoom-in', 'title')).toBe('Zoom in');
    await atlas.switchLanguage('zh');
    expect(await atlas.page.getAttribute('.maplibregl-ctrl-zoom-in', 'title')).toBe('放大');
    await check('after switching back');
    await atlas.screenshot('.tmp/i18n/chinese.png');

    expect(seen).toEqual([]);
    expect(atlas.errors).toEqual([]);
  }, 240_000);

  it('thematic map and its legend, timeline, measuring and the print dialog', async () => {
    atlas = await app.open('?lang=zh&v=116.645,39.88,10');
    const seen: Array<{ screen: string; words: string[] }> = [];
    const check = async (screen: string) => {
      const words = untranslated(await atlas.visibleTexts('en'));
      if (words.length > 0) seen.push({ screen, words });
    };
    await showThematic(atlas, { kind: 'choropleth', measure: 'sum', method: 'jenks' });
    await check('thematic map (choropleth, sum)');
    await showThematic(atlas, { kind: 'hexagons' });
    await check('thematic map (hexagons)');
    await openTimeline(atlas);
    await check('timeline');
    await openMeasure(atlas, 'area');
    await check('measure');
    await openPrintDialog(atlas);
    await check('print dialog');
    expect(seen).toEqual([]);
    expect(atlas.errors).toEqual([]);
  }, 240_000);
});

describe('reasons in the Chinese UI: a park that does not qualify, a repaired park, a refused edit', () => {
  const untranslatedIn = async (atlas: Atlas) => untranslated(await atlas.visibleTexts('en'));

  it('green access: a park too small for the rule says why, a repaired park is noted', async () => {
    const query = '?lang=zh&v=116.75,39.8,14';
    atlas = await app.open(query);
    await withTestParks(atlas, query);
    await atlas.showCoverage('gbt50563');
    await atlas.askPlace(TINY_PARK_AT[0] + 0.0001, TINY_PARK_AT[1] + 0.0001);
    const why = atlas.page.locator('[data-testid="place-park"] [data-testid="park-why"]').first();
    const title = (await why.getAttribute('title')) ?? '';
    expect(title).toMatch(/^面积 [\d,]+ m² 小于该标准要求的最小面积 2,000 m²$/);
    // The notice of parks repaired for coverage, with its details open.
    const notice = atlas.page.locator('[data-testid="notice"]', { hasText: '个公园' });
    await notice.locator('details summary').click();
    const details = (await notice.locator('details li').allTextContents()).join('\n');
    expect(details).toContain('多边形自相交');
    expect(details).toContain('（已修复）');
    expect(await untranslatedIn(atlas)).toEqual([]);
    await atlas.screenshot('.tmp/zh/park-reasons.png');
    expect(atlas.errors).toEqual([]);
  }, 240_000);

  it('a refused edit on the atlas server: every field error in Chinese', async () => {
    const server = await startServer(Number(process.env.E2E_SERVER_PORT ?? 8093));
    const browser = await launch();
    try {
      const a = await Atlas.open(browser, server.base, '?lang=zh');
      await signIn(a, 'ana');
      await a.clickRow('tz-control-plan');
      await a.page.click('[data-testid="edit-open"]');
      await a.page.fill('[data-testid="field-end_year"]', '2010');
      await a.page.fill('[data-testid="field-lat"]', '95');
      await a.page.fill('[data-testid="field-investment_cny"]', 'abc');
      await a.page.fill('[data-testid="field-name_en"]', ' ');
      await a.page.click('[data-testid="form-save"]');
      await a.page.waitForSelector('[data-testid="error-lat"]');
      expect(await a.page.textContent('[data-testid="error-lat"]')).toBe('超出范围（-90 到 90）');
      expect(await a.page.textContent('[data-testid="error-investment_cny"]')).toBe(
        '"abc" 不是数字',
      );
      expect(await a.page.textContent('[data-testid="error-name_en"]')).toBe('为空');
      // The year is checked once the numbers read: fix them and save again.
      await a.page.fill('[data-testid="field-lat"]', '39.9');
      await a.page.fill('[data-testid="field-investment_cny"]', '');
      await a.page.fill('[data-testid="field-name_en"]', 'Sub-center plan');
      await a.page.click('[data-testid="form-save"]');
      await a.page.waitForSelector('[data-testid="error-end_year"]');
      expect(await a.page.textContent('[data-testid="error-end_year"]')).toBe('早于开始年份');
      // The row's own description (English in the ledger) stands in its textarea, and the
      // account bar names the user: data, not the UI's words.
      const typed = await a.page.$$eval('textarea', (els) =>
        els.map((e) => (e as HTMLTextAreaElement).value.trim()),
      );
      typed.push('ana');
      const texts = (await a.visibleTexts('en')).filter((t) => !typed.includes(t));
      expect(untranslated(texts)).toEqual([]);
      await a.screenshot('.tmp/zh/refused-edit.png');
      // The browser logs the 401 of "who am I?" before signing in (as in editing.e2e.ts).
      expect(a.errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 240_000);
});
