import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COLORS } from '../../src/web/map/palette.ts';
import { type Atlas, withAtlas } from './driver.ts';
import { colourShare, WHOLE_IMAGE } from './print-actions.ts';

const app = withAtlas();
let atlas: Atlas;

const POINT_LAYERS = ['initiative-points', 'initiative-clusters'];

/**
 * What the map draws of the ledger: single points (ids), the projects clusters hold, and the
 * projects known only by their city, drawn as one marker per city (or several cities merged)
 * carrying their count.
 */
async function drawnProjects(a: Atlas) {
  return a.page.evaluate(() => {
    const map = window.__atlasMap;
    if (!map) return { ids: [] as string[], clustered: 0, siteUnknown: 0 };
    const ids = new Set<string>();
    const clusters = new Map<number, number>();
    for (const f of map.queryRenderedFeatures({
      layers: ['initiative-points', 'initiative-clusters'],
    })) {
      if (f.properties.cluster_id !== undefined) {
        clusters.set(Number(f.properties.cluster_id), Number(f.properties.point_count));
      } else ids.add(String(f.properties.id));
    }
    const markers = new Map<string, number>();
    for (const f of map.queryRenderedFeatures({ layers: ['site-unknown-marker'] })) {
      const key =
        f.properties.cluster_id !== undefined
          ? `c${String(f.properties.cluster_id)}`
          : String(f.properties.id);
      markers.set(key, Number(f.properties.count));
    }
    const sum = (m: Map<unknown, number>) => [...m.values()].reduce((x, y) => x + y, 0);
    return { ids: [...ids], clustered: sum(clusters), siteUnknown: sum(markers) };
  });
}

/** id -> city_id of the shipped ledger. */
function ledgerCities(): Map<string, string> {
  const rows = Papa.parse<Record<string, string>>(readFileSync('data/initiatives.csv', 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  return new Map(rows.map((r) => [r.id ?? '', r.city_id ?? '']));
}

describe('Planning Atlas in Chromium, offline', () => {
  it('loads with no console errors and draws boundaries, projects and green space', async () => {
    atlas = await app.open();
    const boundaries = await atlas.rendered(['boundary-fill']);
    expect(new Set(boundaries.map((f) => f.id)).size).toBeGreaterThanOrEqual(10);
    const drawn = await drawnProjects(atlas);
    expect(drawn.ids.length + drawn.clustered + drawn.siteUnknown).toBeGreaterThan(5);
    expect(drawn.siteUnknown).toBeGreaterThan(0);
    // The sea is the map's CSS background, not a layer: it shows (the Bohai and Yellow seas).
    const shot = join(tmpdir(), `atlas-sea-${process.pid}.png`);
    await atlas.page.locator('[data-testid="map"]').screenshot({ path: shot });
    expect(await colourShare(atlas, shot, WHOLE_IMAGE, COLORS.sea)).toBeGreaterThan(0.01);
    rmSync(shot);

    await atlas.openCity('tongzhou');
    const green = await atlas.rendered(['green-fill']);
    expect(green.length).toBeGreaterThan(0);
    expect((await atlas.rendered(['initiative-points'])).length).toBeGreaterThan(0);
    expect(atlas.errors).toEqual([]);
    // No request ever left the machine.
    expect(atlas.blocked).toEqual([]);
    // The README's screenshot: the sub-center with the North Three Counties, close enough to
    // show the fanned-out projects, the Green Heart outline and the schematic parks.
    await atlas.goto('?city=tongzhou&v=116.74,39.86,9.9');
    await atlas.screenshot('docs/screenshot.png');
  });

  it('draws its layers in a fixed order, whichever data came first', async () => {
    atlas = await app.open();
    const ids = await atlas.page.evaluate(
      () => window.__atlasMap?.getStyle().layers.map((l) => l.id) ?? [],
    );
    // Bottom to top (src/web/map/slots.ts).
    const order = [
      'land-fill',
      'boundary-fill',
      'green-fill',
      'initiative-clusters',
      'initiative-points',
      'city-labels',
      'site-unknown-marker',
    ].map((id) => [id, ids.indexOf(id)] as const);
    expect(order.filter(([, i]) => i < 0)).toEqual([]);
    expect(order).toEqual([...order].sort((a, b) => a[1] - b[1]));
    // Park names too are above the projects' markers.
    expect(ids.indexOf('green-labels')).toBeGreaterThan(ids.indexOf('initiative-points'));
    expect(atlas.errors).toEqual([]);
  });

  it('draws Latin and Chinese labels from local fonts (no glyph server)', async () => {
    atlas = await app.open('?lang=zh');
    expect(await atlas.page.textContent('h1')).toBe('规划地图集');
    const labels = await atlas.rendered(['city-labels']);
    expect(labels.length).toBeGreaterThan(5);
    expect(atlas.errors).toEqual([]);
  });

  it('names the neighbouring counties in English, and draws them where no project is in view', async () => {
    // Ürümqi's districts: no project in view, so the first-map mark never comes; the counties
    // load at the map's first idle, not at the mark's 10 s fallback.
    atlas = await app.open('?v=87.6,43.82,9');
    const loadedAt = await atlas.page.evaluate(() => performance.now());
    expect(loadedAt).toBeLessThan(9_000);
    const labels = await atlas.page.evaluate(() =>
      (window.__atlasMap?.queryRenderedFeatures({ layers: ['context-labels'] }) ?? []).map((f) => ({
        zh: String(f.properties.name_zh),
        en: String(f.properties.name_en ?? ''),
      })),
    );
    expect(labels.length).toBeGreaterThan(3);
    expect(labels).toContainEqual({ zh: '天山区', en: 'Tianshan District' });
    // Every label has an English name, in Latin letters (Ürümqi keeps its Ü).
    expect(labels.filter((l) => !/^[A-Za-z' \u00C0-\u024F]+$/.test(l.en))).toEqual([]);
    expect(atlas.errors).toEqual([]);
  });

  it("says when a link's city is not one of the atlas, and shows every project rather than none", async () => {
    // 'xpcc' is a programme's id, not a city's: the filter on it matched no project at all.
    atlas = await app.open('?city=xpcc');
    const all = ledgerCities().size;
    expect(Number(await atlas.page.textContent('[data-testid="totals-count"]'))).toBe(all);
    expect(await atlas.page.textContent('[data-testid="notices"]')).toContain(
      'The link names xpcc, which is not a city of the atlas',
    );
    expect((await atlas.urlParams()).get('city')).toBeNull();
    // Known cities of the same link are kept, and the picker says how many are chosen.
    await atlas.goto('?city=tongzhou,nope,sanhe');
    const cityOf = ledgerCities();
    const ids = await atlas.ledgerIds();
    expect(ids.length).toBe(
      [...cityOf.values()].filter((c) => c === 'tongzhou' || c === 'sanhe').length,
    );
    // The map frames those two cities (Tongzhou and Sanhe, east of Beijing), not all of China.
    const [lon = 0, lat = 0, zoom = 0] = ((await atlas.urlParams()).get('v') ?? '')
      .split(',')
      .map(Number);
    expect({ lon: Math.round(lon), lat: Math.round(lat), zoomAtLeast8: zoom >= 8 }).toEqual({
      lon: 117,
      lat: 40,
      zoomAtLeast8: true,
    });
    const picker = atlas.page.locator('[data-testid="city-picker"]');
    expect(
      await picker.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent),
    ).toBe('2 cities');
    // Choosing from the picker still works from there.
    await atlas.openCity('jiyuan');
    expect(await picker.inputValue()).toBe('jiyuan');
    expect(atlas.errors).toEqual([]);
  });

  it("counts qualified investment in words that agree: '1 target or leveraged sum', '3 estimates'", async () => {
    // Meihekou has one target/leveraged figure; all cities have three estimates.
    atlas = await app.open('?city=meihekou');
    expect(await atlas.page.textContent('[data-testid="totals-target"]')).toContain(
      '(1 target or leveraged sum, not added)',
    );
    await atlas.goto('');
    expect(await atlas.page.textContent('[data-testid="totals-about"]')).toContain(
      '(3 estimates, not added)',
    );
    expect(atlas.errors).toEqual([]);
  });

  it('narrows both the ledger and the map with a filter', async () => {
    atlas = await app.open();
    await atlas.openCity('jiyuan');
    const before = await atlas.ledgerIds();
    expect(before.length).toBeGreaterThan(3);
    await atlas.toggleCategory('water');
    const after = await atlas.ledgerIds();
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    const cityOf = ledgerCities();
    expect(after.every((id) => cityOf.get(id) === 'jiyuan')).toBe(true);
    const cats = await atlas.page.$$eval('[data-testid="ledger-row"] td:nth-child(3)', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(new Set(cats)).toEqual(new Set(['Water']));
    // The map draws exactly the filtered rows: single points, what the clusters hold, and the
    // count on the city's site-unknown marker (Jiyuan's projects are all known by city only).
    const drawn = await drawnProjects(atlas);
    for (const id of drawn.ids) expect(after).toContain(id);
    expect(drawn.ids.length + drawn.clustered + drawn.siteUnknown).toBe(after.length);
    const count = await atlas.page.textContent('[data-testid="totals-count"]');
    expect(Number(count)).toBe(after.length);
  });

  it('keeps the map still when a filter changes how many lines the totals take', async () => {
    // All cities: four kinds of investment figure wrap the totals onto two lines; education
    // alone has one kind and fits on one. The line goes to or from the ledger, not the map.
    atlas = await app.open();
    const box = (sel: string) =>
      atlas.page.$eval(sel, (el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, height: r.height };
      });
    const map = await box('[data-testid="map"]');
    const totals = await box('.totals');
    const beijing = await atlas.screenXY(116.4, 39.9);
    await atlas.toggleCategory('education');
    expect((await box('.totals')).height).toBeLessThan(totals.height);
    expect(await box('[data-testid="map"]')).toEqual(map);
    expect(await atlas.screenXY(116.4, 39.9)).toEqual(beijing);
    expect(atlas.errors).toEqual([]);
  });

  it('opens the details of a point clicked on the map, and selects its ledger row', async () => {
    atlas = await app.open();
    // Tongzhou holds the projects with a known site (the others are on site-unknown markers).
    await atlas.openCity('tongzhou');
    const pts = await atlas.rendered(['initiative-points']);
    expect(pts.length).toBeGreaterThan(0);
    const id = pts[0]?.id as string;
    await atlas.clickPointOnMap(id);
    await atlas.page.waitForSelector('[data-testid="detail-panel"]');
    const rowName = await atlas.page.textContent(
      `[data-testid="ledger-row"][data-id="${id}"] td:first-child`,
    );
    expect(await atlas.detailTitle()).toBe(rowName);
    expect(
      await atlas.page.getAttribute(`[data-testid="ledger-row"][data-id="${id}"]`, 'aria-selected'),
    ).toBe('true');
    expect(await atlas.page.textContent('[data-testid="detail-source"]')).toMatch(/\S/);
    expect(await atlas.page.textContent('[data-testid="detail-precision"]')).toMatch(/\S/);
  });

  it('restores view, filters and selection from the URL after a reload', async () => {
    atlas = await app.open();
    await atlas.openCity('meihekou');
    await atlas.search('park');
    const ids = await atlas.ledgerIds();
    expect(ids.length).toBeGreaterThan(0);
    await atlas.clickRow(ids[0] as string);
    await atlas.page.waitForTimeout(400); // the URL is written 200 ms after the last change
    const params = await atlas.urlParams();
    expect(params.get('city')).toBe('meihekou');
    expect(params.get('q')).toBe('park');
    expect(params.get('sel')).toBe(`initiative/${ids[0]}`);
    expect(params.get('v')).toMatch(/^[\d.]+,[\d.]+,[\d.]+$/);
    const title = await atlas.detailTitle();

    await atlas.reload();
    expect(await atlas.ledgerIds()).toEqual(ids);
    expect(await atlas.page.inputValue('[data-testid="filter-text"]')).toBe('park');
    expect(await atlas.detailTitle()).toBe(title);
    const view = await atlas.page.evaluate(() => window.__atlasMap?.getCenter().toArray());
    const [lon, lat] = (params.get('v') as string).split(',').map(Number);
    expect(view?.[0]).toBeCloseTo(lon as number, 2);
    expect(view?.[1]).toBeCloseTo(lat as number, 2);
  });

  it('shows the city figures computed in the worker', async () => {
    atlas = await app.open('?city=tongzhou');
    const row = atlas.page.locator('[data-testid="figures-tongzhou"]');
    await row.waitFor();
    // Tongzhou's stated area is 906.27 km² (district government); the outline is simplified.
    const area = Number(
      (await row.locator('[data-testid="fig-area"]').textContent())?.replace(/[^\d.]/g, ''),
    );
    expect(Math.abs(area / 906.27 - 1)).toBeLessThan(0.05);
    // The City Green Heart (OSM outline, ~11 km²) lies inside Tongzhou.
    const green = await row.locator('[data-testid="fig-green"]').textContent();
    expect(green).toMatch(/km²|ha/);
    expect(await atlas.page.getAttribute('[data-testid="city-figures"]', 'data-status')).toBe(
      'done',
    );
    expect(atlas.errors).toEqual([]);
  });

  it('keeps working when a layer fails to load, and says so', async () => {
    atlas = await app.open();
    await atlas.page.route('**/data/green_space.geojson', (r) =>
      r.fulfill({ status: 200, body: '{ this is not json' }),
    );
    await atlas.reload();
    const notice = await atlas.page.textContent('[data-testid="notices"]');
    expect(notice).toContain('green_space.geojson');
    expect((await atlas.rendered(['boundary-fill'])).length).toBeGreaterThan(0);
    expect((await atlas.rendered(POINT_LAYERS)).length).toBeGreaterThan(0);
    expect((await atlas.ledgerIds()).length).toBeGreaterThan(40);
  });

  it('exports what is filtered as CSV', async () => {
    atlas = await app.open('?city=taixing');
    const ids = await atlas.ledgerIds();
    const [download] = await Promise.all([
      atlas.page.waitForEvent('download'),
      atlas.page.click('[data-testid="export-csv"]'),
    ]);
    const path = await download.path();
    expect(path && existsSync(path)).toBeTruthy();
    const text = readFileSync(path as string, 'utf8');
    expect(text.startsWith('\uFEFFid,name_zh,name_en')).toBe(true);
    const parsed = Papa.parse<{ id: string }>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(new Set(parsed.data.map((r) => r.id))).toEqual(new Set(ids));
    rmSync(path as string, { force: true });
  });
});
