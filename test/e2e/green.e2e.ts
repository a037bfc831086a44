import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Atlas, withAtlas } from './driver.ts';

const app = withAtlas();
let atlas: Atlas;

describe('green access in Chromium', () => {
  it('switches rule, answers "is this place covered?" and draws the service areas', async () => {
    atlas = await app.open('?city=tongzhou&v=116.72,39.87,11');
    await atlas.showCoverage('gbt50563');
    expect((await atlas.rendered(['coverage-fill'])).length).toBeGreaterThan(0);
    // A place 0.0047° (≈ 400 m at 39.9° N) east of the easternmost vertex of the City Green
    // Heart's OSM outline: within GB/T 50563's 500 m, outside the 5-minute walk's 300 m.
    const green = JSON.parse(readFileSync('data/green_space.geojson', 'utf8')) as {
      features: { properties: { id: string }; geometry: { coordinates: number[][][] } }[];
    };
    const heart = green.features.find((f) => f.properties.id === 'tz-green-heart');
    const east = (heart?.geometry.coordinates[0] ?? []).reduce((a, b) =>
      (b[0] as number) > (a[0] as number) ? b : a,
    );
    const lon = (east[0] as number) + 0.0047;
    const lat = east[1] as number;
    expect(await atlas.askPlace(lon, lat)).toBe('Covered');
    const first = await atlas.page.textContent('[data-testid="place-park"]');
    expect(first).toMatch(/City Green Heart/);
    const metres = Number(/([\d,]+) m/.exec(first ?? '')?.[1]?.replace(/,/g, ''));
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(500);

    await atlas.showCoverage('walk5');
    expect(await atlas.askPlace(lon, lat)).toBe('Not covered');
    expect(new URL(atlas.page.url()).searchParams.get('cov')).toBe('walk:300');
    expect(atlas.errors).toEqual([]);
  });

  it('shows distance bands and gaps, and what a new park would add', async () => {
    atlas = await app.open('?city=jiyuan&cov=gbt50563');
    await atlas.page.waitForSelector('[data-testid="green-detail"]', { timeout: 60_000 });
    expect(await atlas.page.locator('[data-testid="distance-chart"] .bar-row').count()).toBe(4);
    expect(await atlas.page.locator('[data-testid="gaps"] li').count()).toBeGreaterThan(0);
    await atlas.page.click('[data-testid="what-if-toggle"]');
    // Drop the park west of the city centre, away from the mapped parks at the seat.
    const xy = await atlas.page.evaluate(() => {
      const map = window.__atlasMap;
      if (!map) return null;
      const p = map.project([112.45, 35.1]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    if (!xy) throw new Error('no map');
    await atlas.page.mouse.click(xy.x, xy.y);
    const share = atlas.page.locator('[data-testid="what-if-share"]');
    await share.waitFor({ timeout: 30_000 });
    const after = 100 * Number(await share.getAttribute('data-share'));
    const before = 100 * Number(await share.getAttribute('data-before'));
    // A 20,000 m² park serves 500 m: about 1.4 km² more of Jiyuan's ~1,895 km² (+0.07 points).
    expect(after - before).toBeGreaterThan(0.04);
    expect(after - before).toBeLessThan(0.1);
    expect(atlas.errors).toEqual([]);
  });

  it('renders the scorecard for every seed city with a boundary', async () => {
    const boundaries = JSON.parse(readFileSync('data/boundaries.geojson', 'utf8')) as {
      features: { properties: { id: string } }[];
    };
    atlas = await app.open('?cov=gbt50563');
    for (const { properties } of boundaries.features) {
      await atlas.page.selectOption('[data-testid="city-picker"]', properties.id);
      await atlas.page.waitForSelector(`[data-testid="coverage-${properties.id}"]`, {
        timeout: 60_000,
      });
      const rows = atlas.page.locator('[data-testid="scorecard"] tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(3);
      // No shipped city has a complete park layer (catalog.json green_data): none is rated.
      const rating = await rows.first().getAttribute('data-rating');
      expect(rating).toBe('insufficient');
    }
    expect(atlas.errors).toEqual([]);
  });
});
