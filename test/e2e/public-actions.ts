/**
 * Domain actions for what the public sees (details, "is this place covered?", the scorecard and
 * its data note, the markers of projects whose site is not known), over the driver's Atlas.
 */
import type { Atlas } from './driver.ts';

/** Whether a project's, park's or boundary's details are open. */
export async function detailsOpen(atlas: Atlas): Promise<boolean> {
  return (await atlas.page.locator('[data-testid="detail-title"]').count()) > 0;
}

/** Whether an "is this place covered?" answer is on screen. */
export async function placeAnswerShown(atlas: Atlas): Promise<boolean> {
  return (await atlas.page.locator('[data-testid="place-answer"]').count()) > 0;
}

/** The scorecard's rows once computed: rating, its words, the published and computed figures. */
export async function scorecard(
  atlas: Atlas,
): Promise<
  { indicator: string; rating: string; words: string; published: string; computed: string }[]
> {
  await atlas.page.waitForSelector('[data-testid="scorecard"] tbody tr', { timeout: 60_000 });
  return atlas.page.$$eval('[data-testid="scorecard"] tbody tr', (rows) =>
    rows.map((r) => ({
      indicator: (r.getAttribute('data-testid') ?? '').replace(/^score-/, ''),
      rating: r.getAttribute('data-rating') ?? '',
      words: r.querySelector('[data-testid="score-rating"]')?.textContent ?? '',
      published: r.querySelector('[data-testid="score-published"]')?.textContent ?? '',
      computed: r.querySelector('[data-testid="score-computed"]')?.className ?? '',
    })),
  );
}

/** The scorecard's note on the city's park data (what is missing, how to add it), or null. */
export async function greenDataNote(
  atlas: Atlas,
): Promise<{ status: string; text: string } | null> {
  const note = atlas.page.locator('[data-testid="green-data-note"]');
  if ((await note.count()) === 0) return null;
  return {
    status: (await note.getAttribute('data-status')) ?? '',
    text: (await note.textContent()) ?? '',
  };
}

/**
 * What a reader gets from the page: its visible text, the options of its menus, and the
 * tooltips and labels (title, aria-label, placeholder) of its elements.
 */
export async function readableText(atlas: Atlas): Promise<string> {
  return atlas.page.evaluate(() => {
    // innerText: the text as shown (hidden elements left out), which is what is read.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what is checked
    const parts = [document.body.innerText];
    for (const o of document.querySelectorAll('option')) parts.push(o.textContent ?? '');
    for (const e of document.querySelectorAll('[title],[aria-label],[placeholder]')) {
      for (const a of ['title', 'aria-label', 'placeholder']) parts.push(e.getAttribute(a) ?? '');
    }
    return parts.join('\n');
  });
}

/** The site-unknown markers drawn on the map: city id and the count shown. */
export async function siteUnknownMarkers(
  atlas: Atlas,
): Promise<{ city: string; count: number; label: string }[]> {
  return atlas.page.evaluate(() => {
    const map = window.__atlasMap;
    if (!map?.getLayer('site-unknown-count')) return [];
    const labels = new Set(
      map
        .queryRenderedFeatures({ layers: ['site-unknown-label'] })
        .map((f) => String(f.properties.id)),
    );
    return map.queryRenderedFeatures({ layers: ['site-unknown-count'] }).map((f) => {
      const city = String(f.properties.id ?? `cluster-${f.properties.cluster_id}`);
      const lang = document.documentElement.lang.startsWith('zh') ? 'label_zh' : 'label_en';
      return {
        city,
        count: Number(f.properties.count),
        label: labels.has(city) ? String(f.properties[lang] ?? '') : '',
      };
    });
  });
}

/** Clicks the marker of a city's projects whose site is not known (drawn above the seat). */
export async function clickSiteUnknownMarker(atlas: Atlas, city: string): Promise<void> {
  const xy = await atlas.page.evaluate((wanted) => {
    const map = window.__atlasMap;
    if (!map) return null;
    const f = map
      .queryRenderedFeatures({ layers: ['site-unknown-marker'] })
      .find((x) => String(x.properties.id) === wanted);
    if (f?.geometry.type !== 'Point') return null;
    const p = map.project(f.geometry.coordinates as [number, number]);
    const translate = map.getPaintProperty('site-unknown-marker', 'circle-translate') as
      | [number, number]
      | undefined;
    const rect = map.getCanvas().getBoundingClientRect();
    return {
      x: rect.left + p.x + (translate?.[0] ?? 0),
      y: rect.top + p.y + (translate?.[1] ?? 0),
    };
  }, city);
  if (!xy) throw new Error(`no site-unknown marker for ${city} on the map`);
  await atlas.page.mouse.click(xy.x, xy.y);
  await atlas.page.waitForSelector(`[data-testid="site-unknown-list"][data-city="${city}"]`);
}

/** Opens a city's list of projects with no known site from the legend, with the keyboard. */
export async function openSiteUnknownByKeyboard(atlas: Atlas, city: string): Promise<void> {
  await atlas.page.focus(`[data-testid="site-unknown-open-${city}"]`);
  await atlas.page.keyboard.press('Enter');
  await atlas.page.waitForSelector(`[data-testid="site-unknown-list"][data-city="${city}"]`);
}

/** The open list of projects with no known site: its heading and the projects' ids. */
export async function siteUnknownList(
  atlas: Atlas,
): Promise<{ title: string; ids: string[] } | null> {
  const list = atlas.page.locator('[data-testid="site-unknown-list"]');
  if ((await list.count()) === 0) return null;
  return {
    title: (await list.locator('h2').textContent()) ?? '',
    ids: await list
      .locator('[data-testid="site-unknown-item"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? '')),
  };
}
