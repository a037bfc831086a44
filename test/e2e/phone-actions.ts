import type { Atlas } from './driver.ts';

/**
 * Domain actions for phones (the bottom sheet, touch drawing) and for the keyboard use of the
 * ledger, over the same Atlas driver (open a phone with withAtlas().openOnPhone()).
 */
export async function sheetSnap(atlas: Atlas): Promise<string> {
  return (await atlas.page.getAttribute('[data-testid="sheet"]', 'data-snap')) ?? '';
}

/** Waits until the sheet rests at `snap` (its height transition over). */
export async function waitForSnap(atlas: Atlas, snap: 'peek' | 'half' | 'full'): Promise<void> {
  await atlas.page
    .waitForFunction(
      (want) => {
        const el = document.querySelector<HTMLElement>('[data-testid="sheet"]');
        if (el?.dataset.snap !== want) return false;
        // At rest: no height transition running (a busy page may draw no frame for a while,
        // so two equal heights in a row alone do not prove it).
        if (el.getAnimations().some((a) => a.playState === 'running')) return false;
        const h = el.getBoundingClientRect().height;
        const prev = Number(el.dataset.lastH ?? -1);
        el.dataset.lastH = String(h);
        return Math.abs(prev - h) < 0.5;
      },
      snap,
      { timeout: 15_000, polling: 100 },
    )
    .catch(async (e: unknown) => {
      const now = await atlas.page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="sheet"]');
        return `${el?.dataset.snap ?? '?'} at ${el?.getBoundingClientRect().height ?? '?'} px`;
      });
      throw new Error(`the sheet did not rest at ${snap} (it is ${now}): ${String(e)}`);
    });
}

/** Taps the sheet's handle until it is open (half), or to `full` with its size button. */
export async function openSheet(atlas: Atlas, snap: 'half' | 'full' = 'half'): Promise<void> {
  if ((await sheetSnap(atlas)) === 'peek') {
    await atlas.page.tap('[data-testid="sheet-handle"]');
    await waitForSnap(atlas, 'half');
  }
  if (snap === 'full' && (await sheetSnap(atlas)) !== 'full') {
    await atlas.page.tap('[data-testid="sheet-size"]');
    await waitForSnap(atlas, 'full');
  }
}

export async function closeSheet(atlas: Atlas): Promise<void> {
  if ((await sheetSnap(atlas)) !== 'peek') await atlas.page.tap('[data-testid="sheet-handle"]');
  await waitForSnap(atlas, 'peek');
}

/** Opens the sheet on one of its tabs (ledger, filters, green, regions, layers). */
export async function openSheetTab(atlas: Atlas, tab: string): Promise<void> {
  await openSheet(atlas);
  await atlas.page.tap(`[data-testid="sheet-tab-${tab}"]`);
  await atlas.page.waitForSelector(`[data-testid="sheet-panel-${tab}"]:not([hidden])`);
}

/** Drags the sheet's handle by `dy` px (negative = up) with a finger (real touch events). */
export async function dragSheet(atlas: Atlas, dy: number): Promise<void> {
  const box = await atlas.page.locator('[data-testid="sheet-handle"]').boundingBox();
  if (!box) throw new Error('no sheet handle');
  const x = box.x + box.width / 2;
  const y = box.y + 10;
  // The finger must land on the handle (not on the map, should the sheet still be moving).
  const onHandle = await atlas.page.evaluate(
    ([px, py]) =>
      !!document
        .elementFromPoint(px as number, py as number)
        ?.closest('[data-testid="sheet-handle"]'),
    [x, y],
  );
  if (!onHandle) throw new Error(`the point (${x}, ${y}) is not on the sheet's handle`);
  const cdp = await atlas.page.context().newCDPSession(atlas.page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let k = 1; k <= 8; k++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x, y: y + (dy * k) / 8 }],
    });
    await atlas.page.waitForTimeout(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The share of the window's height where the map shows (not under the header or sheet). */
export async function visibleMapShare(atlas: Atlas): Promise<number> {
  return atlas.page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
    const sheet = document.querySelector('[data-testid="sheet"]')?.getBoundingClientRect();
    if (!map) return 0;
    const bottom = Math.min(map.bottom, sheet ? sheet.top : map.bottom);
    return Math.max(0, bottom - Math.max(0, map.top)) / window.innerHeight;
  });
}

/** Taps a project's row in the sheet's ledger. */
export async function tapRow(atlas: Atlas, id: string): Promise<void> {
  await openSheetTab(atlas, 'ledger');
  const row = atlas.page.locator(`[data-testid="ledger-row"][data-id="${id}"]`);
  await row.scrollIntoViewIfNeeded();
  await row.tap();
  await atlas.page.waitForSelector('[data-testid="detail-panel"]');
}

/** Draws a rectangle region by tapping two corners (lon/lat) on the map with a finger. */
export async function drawRectangleByTouch(
  atlas: Atlas,
  a: [number, number],
  b: [number, number],
): Promise<void> {
  const before = await atlas.page.locator('[data-testid="region-item"]').count();
  await openSheetTab(atlas, 'regions');
  await atlas.page.tap('[data-testid="draw-rectangle"]');
  await atlas.page.waitForSelector('[data-draw-mode="rectangle"]', { timeout: 30_000 });
  await waitForSnap(atlas, 'peek');
  await atlas.waitForMapIdle();
  for (const corner of [a, b]) {
    const p = await atlas.screenXY(corner[0], corner[1]);
    await atlas.page.touchscreen.tap(p.x, p.y);
    await atlas.page.waitForTimeout(150);
  }
  await atlas.page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="region-item"]').length > (n as number),
    before,
    { timeout: 10_000 },
  );
}

/** Draws a polygon region by tapping its vertices, then its first vertex again. */
export async function drawPolygonByTouch(
  atlas: Atlas,
  vertices: [number, number][],
): Promise<void> {
  const before = await atlas.page.locator('[data-testid="region-item"]').count();
  await openSheetTab(atlas, 'regions');
  await atlas.page.tap('[data-testid="draw-polygon"]');
  await atlas.page.waitForSelector('[data-draw-mode="polygon"]', { timeout: 30_000 });
  await waitForSnap(atlas, 'peek');
  await atlas.waitForMapIdle();
  for (const v of [...vertices, vertices[0] as [number, number]]) {
    const p = await atlas.screenXY(v[0], v[1]);
    await atlas.page.touchscreen.tap(p.x, p.y);
    await atlas.page.waitForTimeout(150);
  }
  await atlas.page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="region-item"]').length > (n as number),
    before,
    { timeout: 10_000 },
  );
}

// ---- Keyboard use of the ledger (test/e2e/keyboard.e2e.ts) ----

/** Tabs from the page's start to the ledger and returns the id of the row that has focus. */
export async function tabToLedger(atlas: Atlas): Promise<string> {
  await atlas.page.locator('body').focus();
  for (let k = 0; k < 200; k++) {
    await atlas.page.keyboard.press('Tab');
    const id = await focusedRow(atlas);
    if (id) return id;
  }
  throw new Error('Tab never reached the ledger');
}

/** The id of the ledger row that has the keyboard focus, or null. */
export async function focusedRow(atlas: Atlas): Promise<string | null> {
  return atlas.page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') === 'ledger-row' ? el.getAttribute('data-id') : null;
  });
}

/** Presses a key in the ledger and waits for the map to settle; returns the focused row. */
export async function selectRowByKeyboard(atlas: Atlas, key: string): Promise<string | null> {
  await atlas.page.keyboard.press(key);
  await atlas.waitForMapIdle();
  return focusedRow(atlas);
}

/** The ids of the rows marked selected (aria-selected). */
export async function selectedRows(atlas: Atlas): Promise<string[]> {
  return atlas.page.$$eval('[data-testid="ledger-row"][aria-selected="true"]', (rows) =>
    rows.map((r) => r.getAttribute('data-id') ?? ''),
  );
}
