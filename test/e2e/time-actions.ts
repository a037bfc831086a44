import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Atlas } from './driver.ts';

/**
 * Domain actions for the timeline (the year slider and play) over the Atlas driver, and the
 * ledger's expected answers read straight from data/initiatives.csv.
 */

export interface LedgerRow {
  id: string;
  city_id: string;
  start: number | null;
  end: number | null;
  sited: boolean;
}

/** data/initiatives.csv as the spec needs it. */
export function ledgerRows(): LedgerRow[] {
  const text = readFileSync('data/initiatives.csv', 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const year = (s: string | undefined) => (s ? Number(s) : null);
  return parsed.data.map((r) => ({
    id: r.id ?? '',
    city_id: r.city_id ?? '',
    start: year(r.start_year),
    end: year(r.end_year),
    sited: r.location_precision !== 'city',
  }));
}

/** "On the map as of year Y", written out here from the rule the README states. */
export const startedBy = (r: LedgerRow, y: number): boolean =>
  r.start !== null ? r.start <= y : r.end !== null && r.end <= y;

export async function openTimeline(atlas: Atlas): Promise<void> {
  if ((await atlas.page.locator('[data-testid="time-panel"]').count()) === 0) {
    await atlas.page.click('[data-testid="time-open"]');
  }
  await atlas.page.waitForSelector('[data-testid="time-slider"]');
}

/** The year shown ('' for "all years"). */
export async function shownYear(atlas: Atlas): Promise<string> {
  return ((await atlas.page.textContent('[data-testid="time-year"]')) ?? '').trim();
}

/** Moves the slider to `year` by the keyboard (Home, then arrow keys) and waits for the map. */
export async function setYear(atlas: Atlas, year: number): Promise<void> {
  const slider = atlas.page.locator('[data-testid="time-slider"]');
  const min = Number(await slider.getAttribute('min'));
  await slider.focus();
  await atlas.page.keyboard.press('Home');
  for (let y = min; y < year; y++) await atlas.page.keyboard.press('ArrowRight');
  await atlas.page.waitForFunction(
    (want) => document.querySelector('[data-testid="time-year"]')?.textContent === want,
    String(year),
  );
  await atlas.waitForMapIdle();
}

export async function totalsCount(atlas: Atlas): Promise<number> {
  return Number((await atlas.page.textContent('[data-testid="totals-count"]')) ?? 'NaN');
}

/** Ids of the ledger points drawn on the map, and of those drawn with the "under way" ring. */
export async function drawnProjects(atlas: Atlas): Promise<{ points: string[]; ringed: string[] }> {
  const got = await atlas.rendered(['initiative-points', 'initiative-under-way']);
  const ids = (layer: string) =>
    [...new Set(got.filter((f) => f.layer === layer).map((f) => f.id))].sort();
  return { points: ids('initiative-points'), ringed: ids('initiative-under-way') };
}

/** Waits until the URL carries `yr=<year>` (the URL is written 200 ms after a change). */
export async function waitForUrlYear(atlas: Atlas, year: number): Promise<void> {
  await atlas.page.waitForFunction(
    (y) => new URL(window.location.href).searchParams.get('yr') === y,
    String(year),
  );
}

/** Presses the play button by the keyboard (Space on the focused button). */
export async function pressPlay(atlas: Atlas): Promise<void> {
  await atlas.page.focus('[data-testid="time-play"]');
  await atlas.page.keyboard.press('Space');
}

export async function playing(atlas: Atlas): Promise<boolean> {
  return (await atlas.page.getAttribute('[data-testid="time-panel"]', 'data-playing')) === 'true';
}

/** The timeline panel's line about an imported layer (by its name). */
export async function timeLayerLine(atlas: Atlas, name: string): Promise<string> {
  const line = atlas.page.locator('[data-testid="time-layer"]', { hasText: name });
  return ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The shown count of an imported layer's row list ("500 / 5,000 (10,000) · as of 2009"). */
export async function layerShown(atlas: Atlas, name: string): Promise<string> {
  const item = atlas.page.locator('[data-testid="imported-layers"] > li', { hasText: name });
  return ((await item.locator('[data-testid="layer-shown"]').textContent()) ?? '').trim();
}

/** How many rows an imported layer's row list shows (opened if closed; they render after: poll). */
export async function layerListedRows(atlas: Atlas, name: string): Promise<number> {
  const item = atlas.page.locator('[data-testid="imported-layers"] > li', { hasText: name });
  const details = item.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await item.locator('[data-testid="layer-shown"]').click();
  }
  return item.locator('[data-testid="layer-table"] tbody tr').count();
}

/** Features MapLibre rendered in the imported GeoJSON layers whose ids end in `-<kind>`. */
async function importedRendered(
  atlas: Atlas,
  kind: 'points' | 'fill',
): Promise<{ name: string }[]> {
  await atlas.waitForMapIdle();
  return atlas.page.evaluate((k) => {
    const map = window.__atlasMap;
    const ids =
      map
        ?.getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.startsWith('import-') && id.endsWith(`-${k}`)) ?? [];
    return (map?.queryRenderedFeatures({ layers: ids }) ?? []).map((f) => ({
      name: String(f.properties.name),
    }));
  }, kind);
}

/** Points of the GeoJSON layers MapLibre rendered (big layers are drawn by deck.gl). */
export async function importedPointsDrawn(atlas: Atlas): Promise<number> {
  return (await importedRendered(atlas, 'points')).length;
}

/** The first region's point count once the Regions panel has it (after a change: polls). */
export async function regionCount(atlas: Atlas): Promise<string> {
  const cell = atlas.page.locator('[data-testid="result-count"]').first();
  await atlas.page.waitForFunction(
    () => !document.querySelector('[data-testid="workspace"] .busy'),
    undefined,
    { timeout: 60_000 },
  );
  return ((await cell.textContent()) ?? '').trim();
}

/** Names of the GeoJSON layers' polygons MapLibre rendered (each once, sorted). */
export async function importedAreasDrawn(atlas: Atlas): Promise<string[]> {
  const names = (await importedRendered(atlas, 'fill')).map((f) => f.name);
  return [...new Set(names)].sort();
}
