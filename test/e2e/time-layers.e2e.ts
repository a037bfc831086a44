/**
 * Imported layers on the timeline (issue 12, the rest of it): small layers with a year or date
 * column (a CSV of points, a GeoJSON of polygons) join the timeline like a big CSV layer, and for
 * all of them the map, the layer's row list, the region results and a thematic map follow the
 * year. The big layer's map stepping is checked
 * by time.e2e.ts; here every count is worked out from the files this spec writes, by the rule the
 * README states (a row is shown once its year is reached; a row with no year is not on the
 * timeline), never read back from the app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAtlas } from './driver.ts';
import { showThematic, thematicRendered, waitForThematic } from './thematic-actions.ts';
import {
  importedAreasDrawn,
  importedPointsDrawn,
  layerListedRows,
  layerShown,
  openTimeline,
  setYear,
  timeLayerLine,
} from './time-actions.ts';

const app = withAtlas();
const SHOTS = '/work/main/.tmp/time';
const SMALL = 'dated-sites.csv';
const AREAS = 'dated-areas.geojson';
const BIG = 'dated-grid-10k.csv';

/** The small point layer (a CSV): ten points built in these years (null: not stated). */
const BUILT: (number | string | null)[] = [
  2015,
  2016,
  '2016-05-01',
  2017,
  null,
  2018,
  '2018',
  2019,
  2020,
  '2021-03-01T09:00:00Z',
];
const builtYear = (v: number | string | null) =>
  v === null ? null : Number(String(v).slice(0, 4));
const smallPoints = (y: number) =>
  BUILT.filter((v) => builtYear(v) !== null && builtYear(v)! <= y).length;
/** The polygon layer: three squares made in 2015, 2019 and an unknown year. */
const MADE = [2015, 2019, null];
const areasShown = (y: number) => MADE.filter((m) => m !== null && m <= y).length;

/**
 * The big layer: 10,000 points on a 100 x 100 grid of 0.001° from (116.6, 39.84); point i (column
 * i % 100, row i / 100) opened in 2000 + (i % 100) % 20, except column 99, which has no date.
 */
const bigYear = (i: number) => (i % 100 === 99 ? null : 2000 + ((i % 100) % 20));
const bigShown = (y: number, inBox: (i: number) => boolean = () => true) => {
  let n = 0;
  for (let i = 0; i < 10_000; i++) {
    const b = bigYear(i);
    if (b !== null && b <= y && inBox(i)) n++;
  }
  return n;
};
/** The region drawn: grid columns 0-49 and rows 0-49 (corners half a step outside them). */
const BOX: [[number, number], [number, number]] = [
  [116.5995, 39.8395],
  [116.6495, 39.8895],
];
const inBox = (i: number) => i % 100 < 50 && Math.floor(i / 100) < 50;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-time-layers-'));
  const sites = BUILT.map(
    (built, i) => `S${i},${(116.6025 + i * 0.004).toFixed(4)},39.8625,${built ?? ''}`,
  );
  writeFileSync(join(dir, SMALL), `name,lon,lat,built\n${sites.join('\n')}\n`);
  const squares = MADE.map((made, k) => {
    const w = 116.61 + k * 0.02;
    const ring = [
      [w, 39.87],
      [w + 0.01, 39.87],
      [w + 0.01, 39.875],
      [w, 39.875],
      [w, 39.87],
    ];
    return {
      type: 'Feature',
      properties: { name: `A${k}`, made: made === null ? '' : `${made}-01-01` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  writeFileSync(join(dir, AREAS), JSON.stringify({ type: 'FeatureCollection', features: squares }));
  const lines = ['id,lon,lat,opened'];
  for (let i = 0; i < 10_000; i++) {
    const lon = 116.6 + (i % 100) * 0.001;
    const lat = 39.84 + Math.floor(i / 100) * 0.001;
    const y = bigYear(i);
    lines.push(`G${i},${lon.toFixed(6)},${lat.toFixed(6)},${y === null ? '' : `${y}-09-30`}`);
  }
  writeFileSync(join(dir, BIG), `${lines.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fmt = (n: number) => n.toLocaleString('en-US');

describe('imported layers on the timeline', () => {
  it('small CSV and GeoJSON layers and a big CSV layer: map, list, region results and hexagons follow the year', async () => {
    const atlas = await app.open('?v=116.65,39.89,12&lang=en');
    await atlas.importFile(join(dir, SMALL));
    await atlas.importFile(join(dir, AREAS));
    await atlas.importFile(join(dir, BIG));
    await openTimeline(atlas);
    expect(await timeLayerLine(atlas, SMALL)).toContain(
      '1 point has no built and is not on the timeline.',
    );
    expect(await timeLayerLine(atlas, AREAS)).toContain(
      '1 feature has no made and is not on the timeline.',
    );
    expect(await timeLayerLine(atlas, BIG)).toContain('100 points have no opened');
    // The slider's domain covers both layers' years (and the ledger's).
    const slider = atlas.page.locator('[data-testid="time-slider"]');
    expect(Number(await slider.getAttribute('min'))).toBeLessThanOrEqual(2000);
    expect(Number(await slider.getAttribute('max'))).toBeGreaterThanOrEqual(2021);
    expect(await importedPointsDrawn(atlas)).toBe(10);

    await atlas.drawRectangle(BOX[0], BOX[1]);
    const source = atlas.page.locator('[data-testid="workspace"] select').first();
    const count = atlas.page.locator('[data-testid="result-count"]').first();

    for (const year of [2016, 2019]) {
      await setYear(atlas, year);
      // The small layer: its line, its list, its points on the map, its points in the region.
      const n = smallPoints(year);
      expect(await timeLayerLine(atlas, SMALL)).toContain(`${n} of 10 points by ${year}.`);
      expect(await layerShown(atlas, SMALL)).toBe(`${n} / ${n} (10) · as of ${year}`);
      await expect.poll(() => layerListedRows(atlas, SMALL)).toBe(n);
      // The polygon layer: its line, its list, its areas on the map.
      const a = areasShown(year);
      expect(await timeLayerLine(atlas, AREAS)).toContain(`${a} of 3 features by ${year}.`);
      expect(await layerShown(atlas, AREAS)).toBe(`${a} / ${a} (3) · as of ${year}`);
      await atlas.page.evaluate(() =>
        window.__atlasMap?.fitBounds([116.595, 39.835, 116.705, 39.945], { duration: 0 }),
      );
      expect(await importedPointsDrawn(atlas)).toBe(smallPoints(year));
      expect(await importedAreasDrawn(atlas)).toEqual(
        MADE.flatMap((m, k) => (m !== null && m <= year ? [`A${k}`] : [])),
      );
      await source.selectOption({ label: SMALL });
      await expect
        .poll(() => count.textContent(), { timeout: 30_000 })
        .toBe(String(smallPoints(year)));
      expect(await atlas.page.textContent('[data-testid="results-as-of"]')).toContain(
        `as of ${year} (by built)`,
      );

      // The big layer: its line, its list and its points in the region.
      const big = bigShown(year);
      expect(await timeLayerLine(atlas, BIG)).toContain(`${fmt(big)} of 10,000 points by ${year}`);
      expect(await layerShown(atlas, BIG)).toBe(
        `${fmt(Math.min(500, big))} / ${fmt(big)} (10,000) · as of ${year}`,
      );
      await source.selectOption({ label: BIG });
      const t0 = Date.now();
      await expect
        .poll(() => count.textContent(), { timeout: 30_000 })
        .toBe(fmt(bigShown(year, inBox)));
      console.log(
        `region result over ${BIG} as of ${year}: ${Date.now() - t0} ms after choosing it`,
      );
    }
    // Stepping the year with the big layer's points counted: the region follows each step.
    for (const year of [2004, 2005]) {
      const t0 = Date.now();
      await setYear(atlas, year);
      await expect
        .poll(() => count.textContent(), { timeout: 30_000 })
        .toBe(fmt(bigShown(year, inBox)));
      console.log(`region result over ${BIG} stepped to ${year}: ${Date.now() - t0} ms`);
    }
    await atlas.screenshot(`${SHOTS}/time-layers-2005-en.png`);

    // Hexagons over the big layer hold exactly the points shown as of the year.
    await showThematic(atlas, { kind: 'hexagons', measure: 'count', source: BIG, resolution: 8 });
    await atlas.page.evaluate(() =>
      window.__atlasMap?.fitBounds([116.595, 39.835, 116.705, 39.945], { duration: 0 }),
    );
    const hexSum = async () => (await thematicRendered(atlas)).reduce((s, h) => s + h.n, 0);
    await waitForThematic(atlas);
    await expect.poll(hexSum, { timeout: 60_000 }).toBe(bigShown(2005));
    await setYear(atlas, 2012);
    await waitForThematic(atlas);
    await expect.poll(hexSum, { timeout: 60_000 }).toBe(bigShown(2012));
    // Hexagons over the small layer: its points as of the year.
    await showThematic(atlas, { kind: 'hexagons', source: SMALL });
    await setYear(atlas, 2018);
    await waitForThematic(atlas);
    await expect.poll(hexSum, { timeout: 60_000 }).toBe(smallPoints(2018));
    await atlas.screenshot(`${SHOTS}/time-layers-hex-2018-en.png`);

    // Show all years: every row again.
    await atlas.page.click('[data-testid="time-clear"]');
    expect(await layerShown(atlas, SMALL)).toBe('10 / 10');
    expect(await layerShown(atlas, AREAS)).toBe('3 / 3');
    expect(await importedAreasDrawn(atlas)).toEqual(['A0', 'A1', 'A2']);
    expect(await layerShown(atlas, BIG)).toBe('500 / 10,000');
    expect(await importedPointsDrawn(atlas)).toBe(10);

    await atlas.switchLanguage('zh');
    await openTimeline(atlas);
    await setYear(atlas, 2019);
    expect(await timeLayerLine(atlas, AREAS)).toContain(
      `截至 2019 年：${areasShown(2019)} / 3 个要素。`,
    );
    expect(await timeLayerLine(atlas, AREAS)).toContain('1 个要素没有“made”');
    expect(await timeLayerLine(atlas, SMALL)).toContain(
      `截至 2019 年：${smallPoints(2019)} / 10 个点。`,
    );
    expect(await timeLayerLine(atlas, SMALL)).toContain('1 个点没有“built”');
    await atlas.screenshot(`${SHOTS}/time-layers-2019-zh.png`);
    expect(atlas.errors).toEqual([]);
  }, 300_000);
});
