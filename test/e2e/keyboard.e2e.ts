import { describe, expect, it } from 'vitest';
import { type Atlas, withAtlas } from './driver.ts';
import { focusedRow, selectedRows, selectRowByKeyboard, tabToLedger } from './phone-actions.ts';

const app = withAtlas();
let atlas: Atlas;

describe('The ledger with the keyboard alone', () => {
  it('is reached by Tab, and the arrow keys, Home and End move the selection', async () => {
    atlas = await app.open('?city=taixing');
    const ids = await atlas.ledgerIds();
    expect(ids.length).toBeGreaterThan(5);
    // One row is the table's tab stop (roving tabindex), not every row.
    const tabbable = await atlas.page.$$eval(
      '[data-testid="ledger-row"][tabindex="0"]',
      (rows) => rows.length,
    );
    expect(tabbable).toBe(1);
    expect(await tabToLedger(atlas)).toBe(ids[0]);

    expect(await selectRowByKeyboard(atlas, 'ArrowDown')).toBe(ids[1]);
    expect(await selectedRows(atlas)).toEqual([ids[1]]);
    const name1 = await atlas.page.textContent(
      `[data-testid="ledger-row"][data-id="${ids[1]}"] td:first-child`,
    );
    expect(await atlas.detailTitle()).toBe(name1);
    // The map highlights the same project.
    expect((await atlas.rendered(['selection-point'])).length).toBeGreaterThan(0);
    await atlas.page.waitForTimeout(400); // the URL is written 200 ms after the last change
    expect((await atlas.urlParams()).get('sel')).toBe(`initiative/${ids[1]}`);

    expect(await selectRowByKeyboard(atlas, 'ArrowDown')).toBe(ids[2]);
    expect(await selectRowByKeyboard(atlas, 'ArrowUp')).toBe(ids[1]);
    const last = ids[ids.length - 1] as string;
    expect(await selectRowByKeyboard(atlas, 'End')).toBe(last);
    expect(await selectedRows(atlas)).toEqual([last]);
    // The last row was scrolled into the table's view.
    const inView = await atlas.page.evaluate((id) => {
      const row = document.querySelector(`[data-testid="ledger-row"][data-id="${id}"]`);
      const box = row?.closest('.table-scroll')?.getBoundingClientRect();
      const r = row?.getBoundingClientRect();
      return !!box && !!r && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }, last);
    expect(inView).toBe(true);
    expect(await selectRowByKeyboard(atlas, 'End')).toBe(last); // stays at the end
    expect(await selectRowByKeyboard(atlas, 'Home')).toBe(ids[0]);
    expect(await selectRowByKeyboard(atlas, 'ArrowUp')).toBe(ids[0]); // stays at the start
    // Still one tab stop: the selected row.
    expect(
      await atlas.page.$$eval('[data-testid="ledger-row"][tabindex="0"]', (rows) =>
        rows.map((r) => r.getAttribute('data-id')),
      ),
    ).toEqual([ids[0]]);
    expect(atlas.errors).toEqual([]);
  });

  it('closes the details with Esc, from the ledger or from inside the details, and Enter reopens them', async () => {
    atlas = await app.open('?city=jiyuan');
    const ids = await atlas.ledgerIds();
    await tabToLedger(atlas);
    await selectRowByKeyboard(atlas, 'ArrowDown');
    await atlas.page.waitForSelector('[data-testid="detail-panel"]');

    await atlas.page.keyboard.press('Escape');
    await atlas.page.waitForSelector('[data-testid="detail-panel"]', { state: 'detached' });
    expect(await selectedRows(atlas)).toEqual([]);
    expect(await focusedRow(atlas)).toBe(ids[1]); // the keyboard stays where it was

    await atlas.page.keyboard.press('Enter');
    await atlas.page.waitForSelector('[data-testid="detail-panel"]');
    expect(await selectedRows(atlas)).toEqual([ids[1]]);

    // Focus inside the details (their close button), then Esc: closed, focus back on the row.
    await atlas.page.focus('[data-testid="detail-close"]');
    await atlas.page.keyboard.press('Escape');
    await atlas.page.waitForSelector('[data-testid="detail-panel"]', { state: 'detached' });
    await atlas.page.waitForFunction(
      (id) => document.activeElement?.getAttribute('data-id') === id,
      ids[1],
      { timeout: 2_000 },
    );
    // And the arrows go on from there.
    expect(await selectRowByKeyboard(atlas, 'ArrowDown')).toBe(ids[2]);
    expect(atlas.errors).toEqual([]);
  });
});
