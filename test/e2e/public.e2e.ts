import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Atlas, withAtlas } from './driver.ts';
import {
  clickSiteUnknownMarker,
  detailsOpen,
  greenDataNote,
  openSiteUnknownByKeyboard,
  placeAnswerShown,
  readableText,
  scorecard,
  siteUnknownList,
  siteUnknownMarkers,
} from './public-actions.ts';

const app = withAtlas();
let atlas: Atlas;

/** Known answer from the ledger itself: Taixing's rows with only the city known (34). */
function cityOnlyIds(city: string): string[] {
  const [head = '', ...lines] = readFileSync('data/initiatives.csv', 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const cols = head.split(',');
  const idAt = cols.indexOf('id');
  const cityAt = cols.indexOf('city_id');
  const precAt = cols.indexOf('location_precision');
  // The first columns (id, names) may be quoted, but id, city_id and precision hold no commas.
  return lines
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [])
    .filter((c) => c[cityAt] === city && c[precAt] === 'city')
    .map((c) => c[idAt] ?? '');
}

describe('figures that mean something to the public', () => {
  it("choosing another city clears the previous city's details and coverage answer", async () => {
    atlas = await app.open('?city=tongzhou&cov=walk:500&v=116.72,39.87,11');
    await atlas.askPlace(116.7, 39.86);
    expect(await placeAnswerShown(atlas)).toBe(true);
    const first = (await atlas.ledgerIds())[0] ?? '';
    await atlas.clickRow(first);
    expect(await detailsOpen(atlas)).toBe(true);
    expect(await placeAnswerShown(atlas)).toBe(true);

    await atlas.openCity('jiyuan');
    expect(await detailsOpen(atlas)).toBe(false);
    expect(await placeAnswerShown(atlas)).toBe(false);
    await atlas.page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
    expect((await atlas.urlParams()).get('city')).toBe('jiyuan');
    expect(atlas.errors).toEqual([]);
  });

  it("Jiyuan's scorecard says 'not enough data to rate', never a red 'below the minimum'", async () => {
    atlas = await app.open('?city=jiyuan&cov=gbt50563');
    const rows = await scorecard(atlas);
    expect(rows.map((r) => r.rating)).toEqual(['insufficient', 'insufficient', 'insufficient']);
    for (const r of rows) {
      expect(r.words).toBe('not enough data to rate');
      expect(r.computed).not.toMatch(/below/);
      expect(r.published).toBe('none found');
    }
    const note = await greenDataNote(atlas);
    expect(note?.status).toBe('schematic');
    expect(note?.text).toContain('Not enough data to rate Jiyuan');
    expect(note?.text).toContain('Only 2 parks');
    expect(note?.text).toMatch(/How to add it:.*publishes Jiyuan's full park layer/);
    const text = await readableText(atlas);
    expect(text).not.toContain('below the minimum');
    expect(atlas.errors).toEqual([]);
  });

  it('the published figure comes first (Tongzhou 87.33 % in 2022), then the unrated computed one', async () => {
    atlas = await app.open('?city=tongzhou&cov=walk:500');
    const coverage = (await scorecard(atlas)).find((r) => r.indicator === 'park_coverage');
    expect(coverage?.published).toContain('87.33 % (2022)');
    expect(coverage?.rating).toBe('insufficient');
    expect((await greenDataNote(atlas))?.status).toBe('partial');
    expect(atlas.errors).toEqual([]);
  });

  it("shows no rule keys and no '>=' in either language", async () => {
    atlas = await app.open('?city=jiyuan&cov=gbt50563');
    await scorecard(atlas);
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') {
        await atlas.page.click('[data-testid="lang-toggle"]');
        await atlas.page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
        await scorecard(atlas);
      }
      const text = await readableText(atlas);
      expect(text).not.toMatch(/gbt\s*50563/i);
      expect(text).not.toMatch(/walk:\d/);
      expect(text).not.toContain('>=');
      expect(text).not.toContain('<=');
    }
    const zh = await readableText(atlas);
    expect(zh).toContain('数据不足，无法评级');
    expect(zh).toContain('至少 90 %');
    expect(atlas.errors).toEqual([]);
  });

  it('projects known only by their city are one marker with their count, which opens their list', async () => {
    const ids = cityOnlyIds('taixing');
    expect(ids.length).toBe(34);
    atlas = await app.open('?city=taixing&v=120.03,32.16,10');
    const markers = await siteUnknownMarkers(atlas);
    expect(markers).toEqual([{ city: 'taixing', count: 34, label: '34 projects, site not known' }]);
    // None of them is a point of its own on the map any more (no rings to steal clicks).
    const points = await atlas.rendered(['initiative-points']);
    expect(points.filter((p) => ids.includes(p.id))).toEqual([]);
    // The city's name is drawn, not hidden under the marker.
    expect((await atlas.rendered(['city-labels'])).length).toBeGreaterThan(0);

    await clickSiteUnknownMarker(atlas, 'taixing');
    const list = await siteUnknownList(atlas);
    expect(list?.title).toBe('Taixing: 34 projects, site not known');
    expect([...(list?.ids ?? [])].sort()).toEqual([...ids].sort());
    // A project of the list opens its details.
    await atlas.page.click(`[data-testid="site-unknown-item"][data-id="${ids[0]}"]`);
    expect(await detailsOpen(atlas)).toBe(true);

    // The keyboard's way: Esc closes the list, the legend's button opens it again.
    await atlas.page.focus('[data-testid="site-unknown-item"]');
    await atlas.page.keyboard.press('Escape');
    expect(await siteUnknownList(atlas)).toBeNull();
    await openSiteUnknownByKeyboard(atlas, 'taixing');
    expect((await siteUnknownList(atlas))?.ids.length).toBe(34);

    await atlas.page.click('[data-testid="lang-toggle"]');
    await atlas.waitForMapIdle();
    expect((await siteUnknownList(atlas))?.title).toBe('泰兴市：34 个项目，具体位置未知');
    expect((await siteUnknownMarkers(atlas))[0]?.label).toBe('34 个项目，具体位置未知');
    await atlas.screenshot('test-results/public-taixing-zh.png');
    expect(atlas.errors).toEqual([]);
  });

  it("names each city's marker in the city's own view, however large the city", async () => {
    // Meihekou's boundary is long: its own view is zoom 7.9, where the label was not drawn.
    atlas = await app.open();
    for (const [city, count] of [
      ['meihekou', 49],
      ['jiyuan', 39],
      ['taixing', 34],
    ] as const) {
      await atlas.goto(`?city=${city}`);
      const mine = (await siteUnknownMarkers(atlas)).find((m) => m.city === city);
      expect(mine).toEqual({ city, count, label: `${count} projects, site not known` });
    }
    expect(atlas.errors).toEqual([]);
  });
});
