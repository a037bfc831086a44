import { describe, expect, it } from 'vitest';
import { type Atlas, PHONE, withAtlas } from './driver.ts';
import {
  closeSheet,
  dragSheet,
  drawPolygonByTouch,
  drawRectangleByTouch,
  openSheet,
  openSheetTab,
  sheetSnap,
  tapRow,
  visibleMapShare,
  waitForSnap,
} from './phone-actions.ts';

const app = withAtlas();
let atlas: Atlas;

/** What a phone shows at once: no sideways scroll, a header of at most two lines, map first. */
async function layout(a: Atlas) {
  return a.page.evaluate(() => {
    const rect = (sel: string) => document.querySelector(sel)?.getBoundingClientRect();
    const h1 = document.querySelector('h1');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      header: rect('.header')?.height ?? 0,
      h1Lines: h1
        ? Math.round(
            h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight || '20'),
          )
        : 0,
      mapTop: rect('[data-testid="map"]')?.top ?? -1,
      sidebar: document.querySelector('.sidebar') !== null,
      layout: document.querySelector('[data-testid="app"]')?.getAttribute('data-layout'),
    };
  });
}

/** Taps the header's language button and waits for the page (and its new map) in that language. */
async function switchLanguageByTap(a: Atlas, lang: 'zh' | 'en') {
  await a.page.tap('[data-testid="lang-toggle"]');
  await a.page.waitForFunction(
    (l) => document.documentElement.lang.startsWith(l) && !!document.querySelector('.sheet'),
    lang,
  );
  await a.waitForData();
}

describe('Planning Atlas on a phone (390 x 844, touch)', () => {
  it('puts the map first, fits the width and keeps the panels in a closed sheet', async () => {
    atlas = await app.openOnPhone();
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') await switchLanguageByTap(atlas, 'zh');
      const l = await layout(atlas);
      expect(l.layout).toBe('phone');
      expect(l.scrollWidth).toBeLessThanOrEqual(PHONE.width);
      expect(l.bodyScrollWidth).toBeLessThanOrEqual(PHONE.width);
      expect(l.header).toBeLessThanOrEqual(64); // one line of controls, not a title per character
      expect(l.sidebar).toBe(false);
      expect(l.mapTop).toBeLessThanOrEqual(l.header + 1);
      expect(await visibleMapShare(atlas)).toBeGreaterThan(0.8);
      expect(await sheetSnap(atlas)).toBe('peek');
      expect(await atlas.page.getAttribute('[data-testid="sheet-handle"]', 'aria-expanded')).toBe(
        'false',
      );
      expect(await atlas.page.textContent('[data-testid="sheet-summary"]')).toMatch(/196/);
    }
    // Every panel's tab keeps the page within the width.
    await switchLanguageByTap(atlas, 'en');
    for (const tab of ['ledger', 'filters', 'green', 'regions', 'layers']) {
      await openSheetTab(atlas, tab);
      expect((await layout(atlas)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    }
    expect(atlas.errors).toEqual([]);
    expect(atlas.blocked).toEqual([]);
  });

  it('opens and closes the sheet by tap and keyboard', async () => {
    atlas = await app.openOnPhone();
    await openSheet(atlas);
    expect(await atlas.page.getAttribute('[data-testid="sheet-handle"]', 'aria-expanded')).toBe(
      'true',
    );
    expect(await visibleMapShare(atlas)).toBeGreaterThanOrEqual(0.5);
    await openSheet(atlas, 'full');
    await closeSheet(atlas);
    // Keyboard: the handle is a button; arrows step between heights, Enter opens and closes.
    await atlas.page.focus('[data-testid="sheet-handle"]');
    await atlas.page.keyboard.press('ArrowUp');
    await waitForSnap(atlas, 'half');
    await atlas.page.keyboard.press('ArrowUp');
    await waitForSnap(atlas, 'full');
    await atlas.page.keyboard.press('ArrowDown');
    await waitForSnap(atlas, 'half');
    await atlas.page.keyboard.press('Enter');
    await waitForSnap(atlas, 'peek');
    expect(atlas.errors).toEqual([]);
  });

  it('a finger drag moves the sheet between its heights', async () => {
    atlas = await app.openOnPhone();
    // A finger flicks it up to half the screen, then on to full, then down to its peek.
    await dragSheet(atlas, -250);
    await waitForSnap(atlas, 'half');
    await dragSheet(atlas, -400);
    await waitForSnap(atlas, 'full');
    await dragSheet(atlas, 700);
    await waitForSnap(atlas, 'peek');
    expect(atlas.errors).toEqual([]);
  });

  it('shows a selected project’s details in the sheet, with the project on the visible map', async () => {
    atlas = await app.openOnPhone('?city=taixing');
    const ids = await atlas.ledgerIds();
    const id = ids[2] as string;
    await tapRow(atlas, id);
    await atlas.waitForMapIdle();
    const name = await atlas.page.textContent(
      `[data-testid="ledger-row"][data-id="${id}"] td:first-child`,
    );
    expect(await atlas.detailTitle()).toBe(name);
    // The details live in the sheet, which leaves at least half of the screen to the map.
    expect(
      await atlas.page.evaluate(
        () => !!document.querySelector('[data-testid="detail-panel"]')?.closest('.sheet'),
      ),
    ).toBe(true);
    expect(await visibleMapShare(atlas)).toBeGreaterThanOrEqual(0.5);
    // The project is drawn highlighted where the map shows, not under the sheet.
    expect((await atlas.rendered(['selection-point'])).length).toBeGreaterThan(0);
    const r = await atlas.page.evaluate(() => ({
      sheetTop: document.querySelector('[data-testid="sheet"]')?.getBoundingClientRect().top ?? 0,
      mapTop: document.querySelector('[data-testid="map"]')?.getBoundingClientRect().top ?? 0,
    }));
    const row = (await atlas.page.evaluate((pid) => {
      const map = window.__atlasMap;
      const f = map
        ?.querySourceFeatures('initiatives')
        .find((x) => String(x.properties.id) === pid);
      return f?.geometry.type === 'Point' ? f.geometry.coordinates : null;
    }, id)) as [number, number] | null;
    if (row) {
      const xy = await atlas.screenXY(row[0], row[1]);
      expect(xy.y).toBeGreaterThan(r.mapTop);
      expect(xy.y).toBeLessThan(r.sheetTop);
      expect(xy.x).toBeGreaterThan(0);
      expect(xy.x).toBeLessThan(PHONE.width);
    }
    expect(await atlas.page.textContent('[data-testid="sheet-summary"]')).toContain(name ?? '');
    // Closing the details gives the ledger back.
    await atlas.page.tap('[data-testid="detail-close"]');
    await atlas.page.waitForSelector('[data-testid="detail-panel"]', { state: 'detached' });
    expect(await atlas.page.isVisible('[data-testid="sheet-panel-ledger"]')).toBe(true);
    expect(atlas.errors).toEqual([]);
  });

  it('draws regions with a finger: a rectangle by two taps, a polygon by its corners', async () => {
    atlas = await app.openOnPhone('?city=tongzhou&v=116.70,39.86,10');
    await drawRectangleByTouch(atlas, [116.62, 39.93], [116.74, 39.83]);
    // The sheet comes back with the new region's results (the finishing tap selected nothing).
    await waitForSnap(atlas, 'half');
    expect(await atlas.page.$('[data-testid="detail-panel"]')).toBeNull();
    expect(await atlas.page.isVisible('[data-testid="sheet-panel-regions"]')).toBe(true);
    await closeSheet(atlas);
    await drawPolygonByTouch(atlas, [
      [116.6, 39.8],
      [116.75, 39.8],
      [116.68, 39.9],
    ]);
    const items = await atlas.page.locator('[data-testid="region-item"]').count();
    expect(items).toBe(2);
    const text = await atlas.page.textContent('[data-testid="workspace"]');
    expect(text).toMatch(/km²/);
    expect((await layout(atlas)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    expect(atlas.errors).toEqual([]);
  });

  it('takes the README’s phone screenshot', async () => {
    // Tongzhou's projects at district zoom, one of them open in the sheet (from a shared link).
    const view = '?city=tongzhou&v=116.70,39.87,10.3';
    atlas = await app.openOnPhone(view);
    const ids = await atlas.ledgerIds();
    await atlas.goto(`${view}&sel=initiative/${ids[0]}`);
    await waitForSnap(atlas, 'half');
    await atlas.page.waitForSelector('[data-testid="detail-panel"]');
    await atlas.waitForMapIdle();
    await atlas.screenshot('docs/screenshot-phone.png');
  });
});
