import type { Atlas } from './driver.ts';

/**
 * Domain actions for the Thematic map panel (issue 12) over the Atlas driver: choose a map, read
 * its legend, read what the map rendered, read the city figures it must agree with.
 */
export interface ThematicChoice {
  kind: 'off' | 'choropleth' | 'hexagons' | 'heatmap';
  source?: string;
  measure?: 'count' | 'sum' | 'density';
  method?: 'quantile' | 'equal' | 'jenks';
  classes?: number;
  palette?: string;
  resolution?: number | 'auto';
}

/** Waits until the thematic map is computed and drawn (the panel's status, then the map idle). */
export async function waitForThematic(atlas: Atlas): Promise<void> {
  await atlas.page.waitForSelector('[data-testid="thematic-panel"][data-status="done"]', {
    timeout: 120_000,
  });
  await atlas.waitForMapIdle();
}

/** Chooses a thematic map in the panel (its selects, as a user does) and waits for it. */
export async function showThematic(atlas: Atlas, c: ThematicChoice): Promise<void> {
  const pick = async (id: string, value: string | number | undefined) => {
    if (value === undefined) return;
    await atlas.page.selectOption(`[data-testid="thematic-${id}"]`, String(value));
  };
  await pick('kind', c.kind);
  await pick('source', c.source);
  await pick('measure', c.measure);
  await pick('method', c.method);
  await pick('classes', c.classes);
  await pick('palette', c.palette);
  await pick('resolution', c.resolution);
  if (c.kind !== 'off') await waitForThematic(atlas);
}

export interface LegendRead {
  title: string;
  classes: { lower: number; upper: number; open: boolean; label: string }[];
  noData: string | null;
  text: string;
}

export async function thematicLegend(atlas: Atlas): Promise<LegendRead> {
  const legend = atlas.page.locator('[data-testid="thematic-legend"]');
  await legend.waitFor({ timeout: 30_000 });
  return {
    title: (await legend.locator('[data-testid="thematic-legend-title"]').textContent()) ?? '',
    classes: await legend.locator('[data-testid="thematic-class"]').evaluateAll((els) =>
      els.map((e) => ({
        lower: Number(e.getAttribute('data-lower')),
        upper: Number(e.getAttribute('data-upper')),
        open: e.getAttribute('data-open') === 'true',
        label: e.querySelector('.thematic-limits')?.textContent ?? '',
      })),
    ),
    noData:
      (await legend.locator('[data-testid="thematic-no-data"]').count()) > 0
        ? await legend.locator('[data-testid="thematic-no-data"]').textContent()
        : null,
    text: (await legend.textContent()) ?? '',
  };
}

/** The thematic features MapLibre rendered (deduplicated by id): value, class, points. */
export async function thematicRendered(
  atlas: Atlas,
  layer = 'thematic-fill',
): Promise<{ id: string; v: number | null; c: number; n: number }[]> {
  return atlas.page.evaluate((id) => {
    const map = window.__atlasMap;
    if (!map?.getLayer(id)) return [];
    const seen = new Map<string, { id: string; v: number | null; c: number; n: number }>();
    for (const f of map.queryRenderedFeatures({ layers: [id] })) {
      const p = f.properties;
      const key = String(p.id);
      if (!seen.has(key)) {
        seen.set(key, {
          id: key,
          v: p.v === null || p.v === undefined ? null : Number(p.v),
          c: Number(p.c),
          n: Number(p.n),
        });
      }
    }
    return [...seen.values()];
  }, layer);
}

/** The projects per city shown by the City figures panel (the app's totals), by city id. */
export async function cityFigureCounts(atlas: Atlas): Promise<Record<string, number>> {
  await atlas.page.waitForSelector('[data-testid="city-figures"][data-status="done"]', {
    timeout: 60_000,
  });
  return atlas.page.$$eval('[data-testid^="figures-"]', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        (r.getAttribute('data-testid') ?? '').replace(/^figures-/, ''),
        Number((r.querySelector('td:last-child')?.textContent ?? '').replace(/,/g, '')),
      ]),
    ),
  );
}
