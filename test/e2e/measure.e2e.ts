/**
 * The measure tool (issue 12, part 3): a known rectangle clicked on the map measures its geodesic
 * area in 亩 and 公顷 (expected from core/analytics/area.ts on the intended corners, tested
 * against known answers; the tolerance is what clicks on whole pixels allow: each corner within
 * half a pixel, so 1/width + 1/height of the box in pixels, about 0.5 % on a desktop and 0.8 % on
 * a phone); a line its length; Esc cancels, Enter and double-click finish; the figures
 * are in English and Chinese; it works by touch on a phone; clicks on the map select nothing.
 */
import { describe, expect, it } from 'vitest';
import { polygonArea } from '../../src/core/analytics/area.ts';
import { lineLength } from '../../src/core/analytics/length.ts';
import { withAtlas } from './driver.ts';
import {
  areaInMuAndHa,
  finished,
  frame,
  leadingNumber,
  measuredText,
  measurePoints,
  openMeasure,
  PHONE_CLEAR_OF_TOOLS,
  pixelTolerance,
  pointCount,
} from './measure-actions.ts';
import { detailsOpen } from './public-actions.ts';

const app = withAtlas();
const SHOTS = '/work/main/.tmp/time';

// A rectangle in Tongzhou, 0.02° x 0.01° (about 1.71 km x 1.11 km).
const BOX: [number, number, number, number] = [116.62, 39.86, 116.64, 39.87];
const [W, S, E, N] = BOX;
const CORNERS: [number, number][] = [
  [W, S],
  [E, S],
  [E, N],
  [W, N],
];
const AREA = polygonArea([[...CORNERS, CORNERS[0]!]]);
const MU = AREA / (10_000 / 15);
const HA = AREA / 10_000;
const near = (got: number, want: number) => Math.abs(got - want) / want;

describe('the measure tool', () => {
  it('measures a known rectangle in 亩 and 公顷; Esc cancels; the units can be chosen', async () => {
    const atlas = await app.open('?lang=en');
    await frame(atlas, BOX);
    const TOLERANCE = await pixelTolerance(atlas, BOX);
    await openMeasure(atlas, 'area');
    await measurePoints(atlas, CORNERS);
    await atlas.page.keyboard.press('Enter');
    expect(await finished(atlas)).toBe(true);
    const { mu, ha } = await areaInMuAndHa(atlas);
    expect(near(mu, MU)).toBeLessThan(TOLERANCE);
    expect(near(ha, HA)).toBeLessThan(TOLERANCE);
    // Automatic unit: 1.9 km² is over 1 km², so km².
    expect(await measuredText(atlas)).toMatch(/ km²$/);
    expect(near(leadingNumber(await measuredText(atlas)), AREA / 1e6)).toBeLessThan(TOLERANCE);
    await atlas.page.selectOption('[data-testid="measure-unit"]', 'mu');
    expect(await measuredText(atlas)).toMatch(/mu \(亩\)$/);
    expect(near(leadingNumber(await measuredText(atlas)), MU)).toBeLessThan(TOLERANCE);
    await atlas.page.selectOption('[data-testid="measure-unit"]', 'ha');
    expect(near(leadingNumber(await measuredText(atlas)), HA)).toBeLessThan(TOLERANCE);
    await atlas.page.selectOption('[data-testid="measure-unit"]', 'auto');
    // Clicking the map while measuring selected nothing.
    expect(await detailsOpen(atlas)).toBe(false);
    await atlas.screenshot(`${SHOTS}/measure-area-en.png`);

    // Esc clears the shape; a second Esc leaves the tool.
    await atlas.page.keyboard.press('Escape');
    expect(await pointCount(atlas)).toBe(0);
    await atlas.page.keyboard.press('Escape');
    await atlas.page.waitForSelector('[data-measure-mode="off"]');
    expect(atlas.errors).toEqual([]);
  });

  it('shows the figures in Chinese', async () => {
    const atlas = await app.open('?lang=zh');
    await frame(atlas, BOX);
    const TOLERANCE = await pixelTolerance(atlas, BOX);
    await openMeasure(atlas, 'area');
    await measurePoints(atlas, CORNERS);
    await atlas.page.keyboard.press('Enter');
    expect(await atlas.page.textContent('[data-testid="measure-panel"]')).toMatch(/亩.*公顷/);
    expect(await measuredText(atlas)).toMatch(/平方千米$/);
    const { mu } = await areaInMuAndHa(atlas);
    expect(near(mu, MU)).toBeLessThan(TOLERANCE);
    await atlas.screenshot(`${SHOTS}/measure-area-zh.png`);
    expect(atlas.errors).toEqual([]);
  });

  it('measures a line; a double-click finishes it', async () => {
    const atlas = await app.open('?lang=en');
    await frame(atlas, BOX);
    const TOLERANCE = await pixelTolerance(atlas, BOX);
    await openMeasure(atlas, 'distance');
    await measurePoints(atlas, [CORNERS[0]!, CORNERS[1]!]);
    const { x, y } = await atlas.screenXY(...CORNERS[2]!);
    const zoom = await atlas.page.evaluate(() => window.__atlasMap?.getZoom());
    await atlas.page.mouse.dblclick(x, y);
    await atlas.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="measure-value"]')?.getAttribute('data-done') ===
        'true',
    );
    // The double-click's two clicks make one point.
    expect(await pointCount(atlas)).toBe(3);
    const want = lineLength(CORNERS.slice(0, 3));
    const text = await measuredText(atlas);
    expect(text).toMatch(/ km$/);
    expect(near(leadingNumber(text) * 1000, want)).toBeLessThan(TOLERANCE);
    // The map did not zoom on the double-click.
    expect(await atlas.page.evaluate(() => window.__atlasMap?.getZoom())).toBe(zoom);
    await atlas.page.click('[data-testid="measure-clear"]');
    expect(await pointCount(atlas)).toBe(0);
    expect(atlas.errors).toEqual([]);
  });

  it('works by touch on a phone', async () => {
    const atlas = await app.openOnPhone('?lang=zh');
    await frame(atlas, BOX, PHONE_CLEAR_OF_TOOLS);
    const TOLERANCE = await pixelTolerance(atlas, BOX);
    await atlas.page.tap('[data-testid="measure-open"]');
    await atlas.page.tap('[data-testid="measure-area"]');
    await atlas.page.waitForSelector('[data-measure-mode="area"]');
    await measurePoints(atlas, CORNERS, 'touch');
    await atlas.page.tap('[data-testid="measure-finish"]');
    expect(await finished(atlas)).toBe(true);
    const { mu, ha } = await areaInMuAndHa(atlas);
    expect(near(mu, MU)).toBeLessThan(TOLERANCE);
    expect(near(ha, HA)).toBeLessThan(TOLERANCE);
    await atlas.screenshot(`${SHOTS}/measure-phone-zh.png`);
    expect(atlas.errors).toEqual([]);
  });
});
