/**
 * Big point CSVs for the bench and the e2e spec, made at run time (never committed), with answers
 * known by construction. Points sit on a grid of sites `cols` x `rows`, 0.001° apart from
 * (116.6, 39.84) (Tongzhou), `perSite` points per site (each 1e-6° east of the previous one);
 * point i is at site floor(i / perSite), column site % cols, row floor(site / cols). Its category
 * is CATEGORIES[i % 5] (so with perSite a multiple of 5, a fifth of every site is "water"), its
 * investment_cny is the site number, its name "Site <site>".
 */
import { createWriteStream } from 'node:fs';

export const CATEGORIES = ['water', 'transport', 'park', 'housing', 'school'] as const;
export const ORIGIN: [number, number] = [116.6, 39.84];
export const STEP = 0.001;

export interface GridSpec {
  cols: number;
  rows: number;
  perSite: number;
}

/** 100,000 points: 100 x 100 sites of 10. */
export const GRID_100K: GridSpec = { cols: 100, rows: 100, perSite: 10 };
/** 1,000,000 points: 1,000 x 100 sites of 10 (about 57 MB). */
export const GRID_1M: GridSpec = { cols: 1000, rows: 100, perSite: 10 };

export const pointCount = (g: GridSpec) => g.cols * g.rows * g.perSite;

/** The lon/lat of site (column, row). */
export const siteLonLat = (c: number, r: number): [number, number] => [
  ORIGIN[0] + c * STEP,
  ORIGIN[1] + r * STEP,
];

/** Writes the CSV to `path`; resolves with its size in bytes. */
export async function writePointsCsv(path: string, g: GridSpec): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = (s: string) =>
    new Promise<void>((resolve) => {
      bytes += Buffer.byteLength(s);
      if (out.write(s)) resolve();
      else out.once('drain', resolve);
    });
  await write('id,lon,lat,category,investment_cny,name\n');
  const n = pointCount(g);
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const site = Math.floor(i / g.perSite);
    const [lon, lat] = siteLonLat(site % g.cols, Math.floor(site / g.cols));
    const dx = (i % g.perSite) * 1e-6;
    chunk += `P${i},${(lon + dx).toFixed(6)},${lat.toFixed(6)},${CATEGORIES[i % 5]},${site},Site ${site}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  return bytes;
}

/**
 * A rectangle [west, south, east, north] around sites of columns c0..c1 and rows r0..r1 (edges
 * halfway between sites), and how many points (and "water" points) it holds.
 */
export function siteBox(
  g: GridSpec,
  c0: number,
  c1: number,
  r0: number,
  r1: number,
): { box: [number, number, number, number]; count: number; water: number } {
  const [w, s] = siteLonLat(c0 - 0.5, r0 - 0.5);
  const [e, n] = siteLonLat(c1 + 0.5, r1 + 0.5);
  const sites = (c1 - c0 + 1) * (r1 - r0 + 1);
  return { box: [w, s, e, n], count: sites * g.perSite, water: (sites * g.perSite) / 5 };
}
