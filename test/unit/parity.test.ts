/**
 * The CLI and the app give the same numbers on the same file (issue 9). Both sides read the same
 * bytes from test/fixtures/parity/:
 * - CLI: `atlas totals | area | coverage`, run in-process through cli/main.ts (stdout captured);
 * - app: the worker API (src/worker/api.ts, called as plain functions) imports the file exactly as
 *   the Import panel does, layer-points.ts turns the layer into the Regions panel's points, and
 *   regionResults computes what the panel shows.
 * Known answers (hand-computed) pin both: "1,234" + 16 = 1,250 (before the fix the panel said 16).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { layerResultPoints } from '../../src/core/workspace/layer-points.ts';
import type { ImportedLayer, Region } from '../../src/core/workspace/model.ts';
import type { RegionResult } from '../../src/core/workspace/results.ts';
import { parseUrlState } from '../../src/web/state/url.ts';
import { createAtlasApi } from '../../src/worker/api.ts';
import { cellArea } from './analytics/helpers.ts';
import { meridianArc, ROOT } from './cli/helpers.ts';

const DIR = join(ROOT, 'test/fixtures/parity');
const path = (name: string) => join(DIR, name);

/** Runs `atlas ...args` in-process; returns the exit code and stdout parsed as JSON. */
async function atlas<T>(...args: string[]): Promise<T> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    errIsTTY: false,
    writeFile: () => {},
  });
  expect(code, err).toBe(0);
  return JSON.parse(out) as T;
}

interface CliTotals {
  regions: Array<{
    id: string;
    area_m2: number;
    count: number;
    sums: Record<string, number>;
    missing: Record<string, number>;
    by: Record<string, number>;
  }>;
}
interface CliArea {
  features: Array<{ id: string; area_m2: number }>;
}
interface CliCoverage {
  regions: Array<{ id: string; share: number; covered_m2: number; area_m2: number }>;
}

/** The file as the app imports it (worker API), as a layer in the workspace. */
async function appLayer(name: string): Promise<ImportedLayer> {
  const bytes = readFileSync(path(name));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const r = await createAtlasApi().importFile(buffer as ArrayBuffer, name, { crs: 'wgs84' });
  expect(r.fatal).toBeNull();
  return {
    id: name,
    name,
    kind: r.kind,
    data: r.data,
    visible: true,
    total: r.total,
    skipped: r.problemCount,
    crs: 'wgs84',
    filter: null,
  };
}

/** Polygon features of an imported layer as regions (as the panel's "use as regions" does). */
function appRegions(layer: ImportedLayer): Region[] {
  return layer.data.features
    .filter((f): f is typeof f & { geometry: Polygon | MultiPolygon } =>
      ['Polygon', 'MultiPolygon'].includes((f.geometry as Geometry).type),
    )
    .map((f) => ({
      id: String(f.properties?.name),
      name: String(f.properties?.name),
      shape: 'imported' as const,
      geometry: f.geometry,
    }));
}

/** What the Regions panel shows for a points file, the regions file and the parks as green. */
async function appResults(points: string, rule = 'gbt50563'): Promise<RegionResult[]> {
  const api = createAtlasApi();
  const parks = JSON.parse(readFileSync(path('parks.geojson'), 'utf8'));
  api.setLayers(null, parks);
  const regions = appRegions(await appLayer('regions.geojson'));
  const pts = layerResultPoints(await appLayer(points));
  return api.regionResults(regions, pts, rule).results;
}

const R1_AREA = cellArea(116, 40, 117, 41);
const R2_AREA = cellArea(118, 40, 118.5, 40.5);

describe('CLI and app agree on the same files', () => {
  it('the two-point file of issue 9: "1,234" + 16 = 1,250 on both sides', async () => {
    const cli = await atlas<CliTotals>(
      'totals',
      '--regions',
      path('regions.geojson'),
      '--points',
      path('two-points.csv'),
      '--sum',
      'investment_cny',
      '--by',
      'category',
    );
    const app = await appResults('two-points.csv');
    expect(cli.regions[0]).toMatchObject({ id: 'r1', count: 2, sums: { investment_cny: 1250 } });
    expect(app[0]).toMatchObject({ id: 'r1', count: 2, investment_cny: 1250 });
    expect(app[0]?.investment_unknown).toBe(cli.regions[0]?.missing.investment_cny);
  });

  it('GeoJSON points: a string "1,234", a number and full-width "１２" sum alike (1,262)', async () => {
    const cli = await atlas<CliTotals>(
      'totals',
      '--regions',
      path('regions.geojson'),
      '--points',
      path('two-points.geojson'),
      '--sum',
      'investment_cny',
    );
    const app = await appResults('two-points.geojson');
    expect(cli.regions[0]).toMatchObject({ count: 3, sums: { investment_cny: 1262 } });
    expect(app[0]).toMatchObject({ count: 3, investment_cny: 1262, investment_unknown: 0 });
  });

  it('totals: count, sums (grouped numbers), missing and counts by value, region by region', async () => {
    const cli = await atlas<CliTotals>(
      'totals',
      '--regions',
      path('regions.geojson'),
      '--points',
      path('points.csv'),
      '--sum',
      'investment_cny',
      '--by',
      'category',
    );
    const app = await appResults('points.csv');
    // Hand-computed: r1 holds 5 points, 1,234 + 16 + 2,000.5 = 3,250.5, blank and "1,23" missing;
    // r2 holds the 1e3 point; the point at 120 E is in neither.
    const want = [
      {
        id: 'r1',
        count: 5,
        sum: 3250.5,
        missing: 2,
        by: { '=HYPERLINK("http://x","y")': 1, transport: 2, water: 2 },
      },
      { id: 'r2', count: 1, sum: 1000, missing: 0, by: { water: 1 } },
    ];
    want.forEach((w, i) => {
      const c = cli.regions[i]!;
      const a = app[i]!;
      expect([c.id, c.count, c.sums.investment_cny, c.missing.investment_cny, c.by]).toEqual([
        w.id,
        w.count,
        w.sum,
        w.missing,
        w.by,
      ]);
      expect([a.id, a.count, a.investment_cny, a.investment_unknown, a.byCategory]).toEqual([
        w.id,
        w.count,
        w.sum,
        w.missing,
        w.by,
      ]);
    });
  });

  it('area: the same m² from `atlas area`, `atlas totals` and the panel (and the reference)', async () => {
    const area = await atlas<CliArea>('area', path('regions.geojson'));
    const totals = await atlas<CliTotals>(
      'totals',
      '--regions',
      path('regions.geojson'),
      '--points',
      path('two-points.csv'),
    );
    const app = await appResults('two-points.csv');
    [R1_AREA, R2_AREA].forEach((ref, i) => {
      const cliArea = area.features[i]!.area_m2;
      expect(Math.abs(cliArea / ref - 1)).toBeLessThan(1e-4);
      expect(totals.regions[i]!.area_m2).toBeCloseTo(cliArea, 3);
      expect(app[i]!.area_m2).toBeCloseTo(cliArea, 3);
    });
  });

  it('coverage share (walk:500): the same share from `atlas coverage` and the panel', async () => {
    const cli = await atlas<CliCoverage>(
      'coverage',
      '--parks',
      path('parks.geojson'),
      '--regions',
      path('regions.geojson'),
      '--rule',
      'walk:500',
    );
    const app = await appResults('two-points.csv', 'walk:500');
    // Reference: the park (h × w m) buffered by 500 m = h·w + 2(h + w)·500 + π·500².
    const h = meridianArc(40.4, 40.41);
    const w = cellArea(116.4, 40.4, 116.41, 40.41) / h;
    const covered = h * w + 2 * (h + w) * 500 + Math.PI * 500 ** 2;
    expect(Math.abs(cli.regions[0]!.share / (covered / R1_AREA) - 1)).toBeLessThan(0.01);
    expect(cli.regions[1]!.share).toBe(0);
    expect(app[0]!.coverage_share).toBeCloseTo(cli.regions[0]!.share, 9);
    expect(app[1]!.coverage_share).toBe(0);
  });

  it('an invalid rule is refused alike: the CLI exits 2, the core throws, the link ignores it', async () => {
    let err = '';
    const code = await main(
      ['coverage', '--parks', 'p', '--regions', 'r', '--rule', 'walk:200000'],
      { out: () => {}, err: (t) => (err += t), errIsTTY: false, writeFile: () => {} },
    );
    expect(code).toBe(2);
    expect(err).toMatch(/walk:METRES \(50 <= METRES <= 5000\)/);
    await expect(appResults('two-points.csv', 'walk:200000')).rejects.toThrow(
      /walk:METRES \(50 <= METRES <= 5000\)/,
    );
    expect(parseUrlState('?cov=walk:200000').coverage).toBeNull();
  });
});
