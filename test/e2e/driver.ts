import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.ts';

/**
 * A thin driver of domain actions over Playwright, so specs read as what a planner does.
 * Every page blocks all non-localhost requests (the app must work offline) and records
 * console errors, page errors and the blocked requests.
 */
export { CHROMIUM };

/** The phone the specs use (an iPhone 12-14 class screen, CSS px). */
export const PHONE = { width: 390, height: 844 };

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
}

export class Atlas {
  readonly errors: string[] = [];
  readonly blocked: string[] = [];
  private constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  static async open(
    browser: Browser,
    baseUrl: string,
    query = '',
    device: 'desktop' | 'phone' = 'desktop',
  ): Promise<Atlas> {
    const context = await browser.newContext(
      device === 'phone'
        ? // A phone held upright (390 x 844 CSS px, as an iPhone 12-15), with a touch screen.
          { viewport: PHONE, locale: 'en-US', hasTouch: true, isMobile: true, deviceScaleFactor: 1 }
        : { viewport: { width: 1400, height: 900 }, locale: 'en-US' },
    );
    const page = await context.newPage();
    const atlas = new Atlas(page, baseUrl);
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (
        ['127.0.0.1', 'localhost'].includes(url.hostname) ||
        url.protocol === 'data:' ||
        url.protocol === 'blob:'
      ) {
        return route.continue();
      }
      atlas.blocked.push(url.href);
      return route.abort('internetdisconnected');
    });
    page.on('console', (m) => {
      if (m.type() === 'error') atlas.errors.push(m.text());
    });
    page.on('pageerror', (e) => atlas.errors.push(e.message));
    await atlas.goto(query);
    return atlas;
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}${query}`);
    await this.waitForData();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForData();
  }

  /** Waits until the data is loaded and the map has drawn it (idle with the sources loaded). */
  async waitForData(): Promise<void> {
    await this.page.waitForSelector('[data-testid="app"][data-loaded="true"]', { timeout: 30_000 });
    // The neighbouring counties are asked for after the first map: the map is then whole.
    await this.page.waitForSelector('[data-testid="map"][data-context="loaded"]', {
      state: 'attached',
      timeout: 30_000,
    });
    await this.waitForMapIdle();
    // The ledger renders its first rows until the map's first idle, then all of them.
    await this.page.waitForSelector('[data-testid="ledger"][data-rows="all"]', {
      state: 'attached',
      timeout: 15_000,
    });
  }

  async waitForMapIdle(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const map = window.__atlasMap;
        return !!map && map.loaded() && map.isStyleLoaded() && !map.isMoving();
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    // One more idle after any pending source updates.
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__atlasMap;
          if (!map) return resolve();
          map.once('idle', () => resolve());
          map.triggerRepaint();
          setTimeout(resolve, 3000);
        }),
    );
  }

  /** Ids (or counts) of the features MapLibre actually rendered on the given layers. */
  async rendered(layers: string[]): Promise<{ layer: string; id: string }[]> {
    return this.page.evaluate((ids) => {
      const map = window.__atlasMap;
      if (!map) return [];
      const present = ids.filter((id) => map.getLayer(id));
      return map.queryRenderedFeatures({ layers: present }).map((f) => ({
        layer: f.layer.id,
        id: String(f.properties.id ?? f.properties.cluster_id ?? ''),
      }));
    }, layers);
  }

  async openCity(cityId: string): Promise<void> {
    await this.page.selectOption('[data-testid="city-picker"]', cityId);
    await this.waitForMapIdle();
  }

  /** Turns on the green-access view with a rule id from data/standards.json. */
  async showCoverage(ruleId: string): Promise<void> {
    if (!(await this.page.isChecked('[data-testid="coverage-toggle"]'))) {
      await this.page.click('[data-testid="coverage-toggle"]');
    }
    await this.page.selectOption('[data-testid="coverage-rule"]', ruleId);
    await this.page.waitForSelector('[data-testid="coverage-chart"]', { timeout: 60_000 });
    await this.waitForMapIdle();
  }

  /** Clicks the map at (lon, lat) and returns the "is this place covered?" verdict. */
  async askPlace(lon: number, lat: number): Promise<string> {
    const xy = await this.page.evaluate(
      ([x, y]) => {
        const map = window.__atlasMap;
        if (!map) return null;
        const p = map.project([x as number, y as number]);
        const rect = map.getCanvas().getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
      [lon, lat],
    );
    if (!xy) throw new Error('no map');
    await this.page.mouse.click(xy.x, xy.y);
    // The answer for this spot (within a few pixels) under the rule now selected.
    await this.page.waitForFunction(
      ([x, y]) => {
        const a = document.querySelector<HTMLElement>('[data-testid="place-answer"]');
        const rule = document.querySelector<HTMLElement>('[data-testid="coverage-rule"]');
        if (!a || !rule || a.dataset.rule !== rule.dataset.rule) return false;
        const near = (v: string | undefined, w: number) => Math.abs(Number(v) - w) < 0.002;
        return near(a.dataset.lon, x as number) && near(a.dataset.lat, y as number);
      },
      [lon, lat],
      { timeout: 20_000 },
    );
    return (await this.page.textContent('[data-testid="place-verdict"]')) ?? '';
  }

  /** Screen position of a lon/lat on the map canvas. */
  async screenXY(lon: number, lat: number): Promise<{ x: number; y: number }> {
    const xy = await this.page.evaluate(
      ([x, y]) => {
        const map = window.__atlasMap;
        if (!map) return null;
        const p = map.project([x as number, y as number]);
        const r = map.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      [lon, lat],
    );
    if (!xy) throw new Error('no map');
    return xy;
  }

  /**
   * Imports a file through the file chooser and waits for its report (the report that names this
   * file, so a previous import's report is never read by mistake).
   */
  async importFile(path: string): Promise<string> {
    const name = path.split('/').pop() ?? path;
    await this.page.setInputFiles('[data-testid="import-file"]', path);
    await this.page.waitForFunction(
      (n) =>
        !document.querySelector('[data-testid="import-progress"]') &&
        (document.querySelector('[data-testid="import-report"]')?.textContent ?? '').includes(
          n as string,
        ),
      name,
      { timeout: 30_000 },
    );
    await this.waitForMapIdle();
    return (await this.page.textContent('[data-testid="import-report"]')) ?? '';
  }

  /** The names of the imported layers, as listed. */
  async layerNames(): Promise<string[]> {
    return this.page.$$eval('[data-testid="imported-layers"] > li label', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
  }

  /** Draws a rectangle region between two corners (lon/lat) with the mouse. */
  async drawRectangle(a: [number, number], b: [number, number]): Promise<void> {
    const before = await this.page.locator('[data-testid="region-item"]').count();
    // Like a user, bring the area into view first (an import may have moved the map).
    await this.page.evaluate(
      ([x, y]) => window.__atlasMap?.fitBounds([x, y], { padding: 120, duration: 0 }),
      [a, b] as const,
    );
    await this.waitForMapIdle();
    await this.page.click('[data-testid="draw-rectangle"]');
    // terra-draw loads lazily: draw once it is in rectangle mode.
    await this.page.waitForSelector('[data-draw-mode="rectangle"]', { timeout: 30_000 });
    const p = await this.screenXY(a[0], a[1]);
    const q = await this.screenXY(b[0], b[1]);
    await this.page.mouse.move(p.x, p.y);
    await this.page.mouse.click(p.x, p.y);
    for (let k = 1; k <= 5; k++) {
      await this.page.mouse.move(p.x + ((q.x - p.x) * k) / 5, p.y + ((q.y - p.y) * k) / 5);
    }
    await this.page.mouse.click(q.x, q.y);
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="region-item"]').length > (n as number),
      before,
      { timeout: 10_000 },
    );
  }

  async toggleCategory(category: string): Promise<void> {
    await this.page.click(`[data-testid="filter-category-${category}"]`);
    await this.waitForMapIdle();
  }

  async search(text: string): Promise<void> {
    await this.page.fill('[data-testid="filter-text"]', text);
    await this.waitForMapIdle();
  }

  async ledgerIds(): Promise<string[]> {
    return this.page.$$eval('[data-testid="ledger-row"]', (rows) =>
      rows.map((r) => r.getAttribute('data-id') ?? ''),
    );
  }

  async clickRow(id: string): Promise<void> {
    await this.page.click(`[data-testid="ledger-row"][data-id="${id}"]`);
    await this.waitForMapIdle();
  }

  /** Clicks the rendered point of a project on the map canvas (not through the table). */
  async clickPointOnMap(id: string): Promise<void> {
    const xy = await this.page.evaluate((wanted) => {
      const map = window.__atlasMap;
      if (!map) return null;
      const f = map
        .queryRenderedFeatures({ layers: ['initiative-points'] })
        .find((x) => String(x.properties.id) === wanted);
      if (f?.geometry.type !== 'Point') return null;
      const p = map.project(f.geometry.coordinates as [number, number]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, id);
    if (!xy) throw new Error(`project ${id} is not rendered on the map`);
    await this.page.mouse.click(xy.x, xy.y);
  }

  async detailTitle(): Promise<string> {
    return (await this.page.textContent('[data-testid="detail-title"]')) ?? '';
  }

  async urlParams(): Promise<URLSearchParams> {
    return new URL(this.page.url()).searchParams;
  }

  /** Switches the UI language with the header's toggle (the map is created again: waits for it). */
  async switchLanguage(lang: 'zh' | 'en'): Promise<void> {
    if ((await this.page.getAttribute('html', 'lang'))?.startsWith(lang)) return;
    await this.page.click('[data-testid="lang-toggle"]');
    await this.page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
    await this.waitForMapIdle();
  }

  /**
   * Everything the user can read on the page: the text of visible elements, the options of
   * visible selects, and the aria-label, title, placeholder and alt of visible elements (the
   * tooltips and what a screen reader says). One string per node or attribute. Passages marked
   * as another language (`lang="en"` on data written in English: a project's English name, the
   * ledger's descriptions) are left out when `skipLang` names that language.
   */
  async visibleTexts(skipLang?: string): Promise<string[]> {
    // No named helpers inside: the page gets the function's source as written (no bundler helpers).
    return this.page.evaluate((skip) => {
      const out: string[] = [];
      const elements: Array<[Element, string[]]> = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim();
        let e = n.parentElement;
        if (!text || !e || e.closest('script,style,noscript')) continue;
        // An option is read when its select is shown.
        if (e.tagName === 'OPTION' || e.tagName === 'OPTGROUP') e = e.closest('select') ?? e;
        elements.push([e, [text]]);
      }
      for (const e of document.body.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
        elements.push([
          e,
          ['aria-label', 'title', 'placeholder', 'alt']
            .map((a) => e.getAttribute(a)?.trim() ?? '')
            .filter((v) => v !== ''),
        ]);
      }
      for (const [e, texts] of elements) {
        if (skip && (e.closest('[lang]')?.getAttribute('lang') ?? '').startsWith(skip)) continue;
        if (!((e as HTMLElement).checkVisibility?.({ checkOpacity: false }) ?? true)) continue;
        out.push(...texts);
      }
      return out;
    }, skipLang);
  }

  async screenshot(path: string): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    await this.page.screenshot({ path });
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

/**
 * The hooks of a spec file: one browser for the file, one fresh page per test (closed after it),
 * against the preview server the global setup started.
 */
export function withAtlas(): {
  open(query?: string): Promise<Atlas>;
  openOnPhone(query?: string): Promise<Atlas>;
} {
  let browser: Browser | undefined;
  let current: Atlas | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async open(query = '') {
      if (!browser) throw new Error('no browser: open() runs inside a test');
      current = await Atlas.open(browser, inject('baseUrl'), query);
      return current;
    },
    async openOnPhone(query = '') {
      if (!browser) throw new Error('no browser: openOnPhone() runs inside a test');
      current = await Atlas.open(browser, inject('baseUrl'), query, 'phone');
      return current;
    },
  };
}
