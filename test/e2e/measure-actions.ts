import type { Atlas } from './driver.ts';

/** Domain actions for the measure tool over the Atlas driver (mouse, keyboard and touch). */

export async function openMeasure(atlas: Atlas, kind: 'distance' | 'area'): Promise<void> {
  if ((await atlas.page.locator('[data-testid="measure-panel"]').count()) === 0) {
    await atlas.page.click('[data-testid="measure-open"]');
  }
  const button = atlas.page.locator(`[data-testid="measure-${kind}"]`);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await atlas.page.waitForSelector(`[data-measure-mode="${kind}"]`);
}

/** Map padding that keeps a framed box clear of the map's tools (bottom left) on a desktop. */
export const CLEAR_OF_TOOLS = { top: 60, right: 60, bottom: 60, left: 480 };

/** On a phone the tools span the map's width at its foot: the box goes above them. */
export const PHONE_CLEAR_OF_TOOLS = { top: 20, right: 50, bottom: 330, left: 20 };

/**
 * The relative error a measured area may have when each clicked corner lands within half a
 * pixel of the intended one: each side within one pixel, so 1/width + 1/height (in pixels).
 */
export async function pixelTolerance(atlas: Atlas, box: [number, number, number, number]) {
  const a = await atlas.screenXY(box[0], box[1]);
  const b = await atlas.screenXY(box[2], box[3]);
  return 1 / Math.abs(b.x - a.x) + 1 / Math.abs(b.y - a.y);
}

/**
 * Brings a lon/lat box into view with `padding` px around it (like a user would: away from the
 * panels) and waits for the map.
 */
export async function frame(
  atlas: Atlas,
  box: [number, number, number, number],
  padding: typeof CLEAR_OF_TOOLS = CLEAR_OF_TOOLS,
) {
  await atlas.page.evaluate(
    ([b, pad]) =>
      window.__atlasMap?.fitBounds(
        [
          [b[0], b[1]],
          [b[2], b[3]],
        ],
        { padding: pad, duration: 0 },
      ),
    [box, padding] as const,
  );
  await atlas.waitForMapIdle();
}

/** Clicks (or taps) the map at each lon/lat in turn, waiting for each point to be taken. */
export async function measurePoints(
  atlas: Atlas,
  points: [number, number][],
  how: 'mouse' | 'touch' = 'mouse',
): Promise<void> {
  for (const [lon, lat] of points) {
    const before = await pointCount(atlas);
    const { x, y } = await atlas.screenXY(lon, lat);
    if (how === 'touch') await atlas.page.touchscreen.tap(x, y);
    else await atlas.page.mouse.click(x, y);
    await atlas.page.waitForFunction(
      (n) =>
        Number(
          document.querySelector('[data-testid="measure-value"]')?.getAttribute('data-points') ?? 0,
        ) > (n as number),
      before,
    );
    // Far enough apart in time that two clicks are never a double-click.
    await atlas.page.waitForTimeout(400);
  }
}

export async function pointCount(atlas: Atlas): Promise<number> {
  const el = atlas.page.locator('[data-testid="measure-value"]');
  if ((await el.count()) === 0) return 0;
  return Number((await el.getAttribute('data-points')) ?? 0);
}

export async function finished(atlas: Atlas): Promise<boolean> {
  return (await atlas.page.getAttribute('[data-testid="measure-value"]', 'data-done')) === 'true';
}

/** The figure shown, as text ("189.0 ha (公顷)"). */
export async function measuredText(atlas: Atlas): Promise<string> {
  return ((await atlas.page.textContent('[data-testid="measure-value"]')) ?? '').trim();
}

/** The area line's 亩 and 公顷 figures (as numbers, grouping removed). */
export async function areaInMuAndHa(atlas: Atlas): Promise<{ mu: number; ha: number }> {
  const text = (await atlas.page.textContent('[data-testid="measure-area-cn"]')) ?? '';
  const m = /=\s*([\d,.]+)\s*[^=]*?亩[^=]*=\s*([\d,.]+)\s*[^·]*?公顷/.exec(text);
  if (!m) throw new Error(`no 亩/公顷 figures in "${text}"`);
  const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));
  return { mu: num(m[1]), ha: num(m[2]) };
}

/** The leading number of a figure ("2,835 mu (亩)" gives 2835). */
export const leadingNumber = (text: string): number =>
  Number((/^[\d,.]+/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));
