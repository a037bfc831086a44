/**
 * The timeline (issue 12, part 2): the year slider moves the map's points, the ledger table and
 * the totals together; the URL keeps the year (`yr=`) and a reload restores it; play advances one
 * year a second by the keyboard, pauses, and starts over from the end; a big imported point
 * layer follows by its ISO date column. Expected answers come from data/initiatives.csv and the
 * generated file, not from the app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointPixels } from '../../bench/browser/big-import.ts';
import { withAtlas } from './driver.ts';
import {
  drawnProjects,
  ledgerRows,
  openTimeline,
  playing,
  pressPlay,
  setYear,
  shownYear,
  startedBy,
  totalsCount,
  waitForUrlYear,
} from './time-actions.ts';

const app = withAtlas();
const SHOTS = '/work/main/.tmp/time';
const rows = ledgerRows();
const tongzhou = rows.filter((r) => r.city_id === 'tongzhou');
const noYear = tongzhou.filter((r) => r.start === null && r.end === null).length;
const firstYear = Math.min(...rows.flatMap((r) => [r.start ?? 9999, r.end ?? 9999]));
const at = (y: number) => tongzhou.filter((r) => startedBy(r, y));
const ids = (rs: typeof rows) => rs.map((r) => r.id).sort();

let dir = '';
let csv = '';
beforeAll(() => {
  // 10,000 points (a big layer, drawn by deck.gl) dated 2000-2019 by `opened` (ISO dates):
  // point i opened in 2000 + i % 20, except every 100th (i % 100 = 99), which has no date.
  dir = mkdtempSync(join(tmpdir(), 'atlas-time-'));
  csv = join(dir, 'dated-10k.csv');
  const lines = ['id,lon,lat,opened'];
  for (let i = 0; i < 10_000; i++) {
    const lon = 116.6 + (i % 100) * 0.001;
    const lat = 39.84 + Math.floor(i / 100) * 0.001;
    const date = i % 100 === 99 ? '' : `${2000 + (i % 20)}-06-15`;
    lines.push(`P${i},${lon.toFixed(6)},${lat.toFixed(6)},${date}`);
  }
  writeFileSync(csv, `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the timeline', () => {
  it('moves the map, the table and the totals with the year; the URL keeps it; a reload restores it', async () => {
    const atlas = await app.open('?city=tongzhou&v=116.7,39.85,10&lang=en');
    await openTimeline(atlas);
    expect(await shownYear(atlas)).toBe('All years');
    const all = (await drawnProjects(atlas)).points;

    // 2017: no sited Tongzhou project had started (the green heart starts 2018).
    await setYear(atlas, 2017);
    expect(await atlas.ledgerIds().then((x) => x.sort())).toEqual(ids(at(2017)));
    expect(await totalsCount(atlas)).toBe(at(2017).length);
    expect((await drawnProjects(atlas)).points).toEqual(ids(at(2017).filter((r) => r.sited)));
    expect(await atlas.page.textContent('[data-testid="time-no-year"]')).toContain(
      `${noYear} projects have no year and are not on the timeline`,
    );

    // 2019: the green heart (2018-2020) is under way, ringed; the admin centre (-2019) has ended.
    await setYear(atlas, 2019);
    await waitForUrlYear(atlas, 2019);
    const drawn2019 = await drawnProjects(atlas);
    expect(drawn2019.points).toEqual(['tz-admin-centre', 'tz-green-heart']);
    expect(drawn2019.ringed).toEqual(['tz-green-heart']);
    expect(await atlas.ledgerIds().then((x) => x.sort())).toEqual(ids(at(2019)));
    expect(await totalsCount(atlas)).toBe(at(2019).length);
    expect(at(2019).length).toBeGreaterThan(at(2017).length);
    expect(all.length).toBeGreaterThan(drawn2019.points.length);
    await atlas.screenshot(`${SHOTS}/time-2019-en.png`);

    // 2020: the green heart's end year is reached: no ring.
    await setYear(atlas, 2020);
    expect((await drawnProjects(atlas)).ringed).toEqual([]);
    await waitForUrlYear(atlas, 2020);

    await atlas.reload();
    expect(await shownYear(atlas)).toBe('2020');
    expect(await atlas.ledgerIds().then((x) => x.sort())).toEqual(ids(at(2020)));
    expect(await totalsCount(atlas)).toBe(at(2020).length);

    // "Show all years" turns time off: every row again, no yr= in the URL.
    await atlas.page.click('[data-testid="time-clear"]');
    await atlas.waitForMapIdle();
    expect(await totalsCount(atlas)).toBe(tongzhou.length);
    await atlas.page.waitForFunction(() => !new URL(window.location.href).searchParams.has('yr'));
    expect(atlas.errors).toEqual([]);
  });

  it('plays one year a second by the keyboard, pauses, and starts over from the end', async () => {
    const atlas = await app.open('?city=tongzhou&yr=2016&lang=en');
    await openTimeline(atlas);
    await pressPlay(atlas);
    expect(await playing(atlas)).toBe(true);
    const t0 = Date.now();
    await atlas.page.waitForFunction(
      () => document.querySelector('[data-testid="time-year"]')?.textContent === '2018',
      undefined,
      { timeout: 10_000 },
    );
    // Two steps take about two seconds (one a second), not an instant.
    expect(Date.now() - t0).toBeGreaterThan(1500);
    expect(await totalsCount(atlas)).toBeGreaterThanOrEqual(at(2018).length);
    await pressPlay(atlas);
    expect(await playing(atlas)).toBe(false);
    const paused = await shownYear(atlas);
    await atlas.page.waitForTimeout(1500);
    expect(await shownYear(atlas)).toBe(paused);

    // At the last year play stops; pressing it again (Enter this time) starts over from the first.
    await atlas.page.focus('[data-testid="time-slider"]');
    await atlas.page.keyboard.press('End');
    const last = await shownYear(atlas);
    await atlas.page.focus('[data-testid="time-play"]');
    await atlas.page.keyboard.press('Enter');
    expect(await shownYear(atlas)).toBe(String(firstYear));
    expect(await playing(atlas)).toBe(true);
    await pressPlay(atlas);
    expect(Number(last)).toBeGreaterThan(firstYear);
    expect(atlas.errors).toEqual([]);
  });

  it('a big imported layer follows the year by its ISO date column; its undated points are told', async () => {
    const atlas = await app.open('?v=116.65,39.89,12&lang=en');
    await atlas.importFile(csv);
    await openTimeline(atlas);
    const layer = atlas.page.locator('[data-testid="time-layer"]');
    await expect.poll(() => layer.textContent()).toContain('100 points have no opened');
    const allPixels = await pointPixels(atlas.page);
    // As of 2009: the points opened 2000-2009, i % 20 <= 9: 5,000 of 10,000.
    await setYear(atlas, 2009);
    expect(await layer.textContent()).toMatch(/5,000 of 10,000 points by 2009/);
    const pixels2009 = await pointPixels(atlas.page);
    await setYear(atlas, 2019);
    expect(await layer.textContent()).toMatch(/9,900 of 10,000 points by 2019/);
    const pixels2019 = await pointPixels(atlas.page);
    await setYear(atlas, 1999);
    expect(await layer.textContent()).toMatch(/\b0 of 10,000 points by 1999/);
    const pixels1999 = await pointPixels(atlas.page);
    expect(pixels2009).toBeGreaterThan(pixels1999 + 1000);
    expect(pixels2019).toBeGreaterThan(pixels2009);
    expect(allPixels).toBeGreaterThanOrEqual(pixels2019);
    await setYear(atlas, 2009);
    await atlas.screenshot(`${SHOTS}/time-layer-2009-en.png`);
    await atlas.switchLanguage('zh');
    await openTimeline(atlas);
    expect(await atlas.page.textContent('[data-testid="time-panel"]')).toContain('截至 2009 年底');
    await atlas.screenshot(`${SHOTS}/time-layer-2009-zh.png`);
    // The column chosen for a layer is kept in this browser: taken off the timeline, it stays off
    // after a reload (the layer itself comes back from storage).
    await atlas.page.locator('[data-testid="time-layer"] select').selectOption('');
    await atlas.page.waitForTimeout(600);
    await atlas.reload();
    await openTimeline(atlas);
    await expect
      .poll(
        async () => {
          const sel = atlas.page.locator('[data-testid="time-layer"] select');
          return (await sel.count()) > 0 ? sel.inputValue() : 'no layer yet';
        },
        { timeout: 90_000 },
      )
      .toBe('');
    expect(atlas.errors).toEqual([]);
  }, 240_000);
});
