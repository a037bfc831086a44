/**
 * The "hexbin" section of `npm run bench` (`--only hexbin`): seeded points over the Tongzhou area
 * (10,000, 100,000, 1,000,000: sizes growing tenfold), binned into H3 hexagons as the worker does
 * for the Thematic map panel (core/thematic): the binning alone (`hexBins`, one h3-js
 * `latLngToCell` per point), and the whole map (`hexagonMap`: binning, per-km² values from each
 * cell's ellipsoidal area, natural-breaks classes by ckmeans, the GeoJSON text MapLibre parses).
 * Best of 3 runs (2 at a million points); every run checks that the cells' counts add up to the
 * points binned.
 */
import { cpus, loadavg } from 'node:os';
import { hexBins } from '../src/core/thematic/hex-bins.ts';
import { hexagonMap } from '../src/core/thematic/thematic-map.ts';
import { type BBox, seedPoints } from './seed.ts';

export interface HexbinBenchOptions {
  quick: boolean;
  fmtMs: (ms: number) => string;
  fmtN: (n: number) => string;
  out: (line: string) => void;
}

function best<T>(runs: number, f: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value: T | undefined;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    value = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value: value as T };
}

export function hexbinBench(bbox: BBox, o: HexbinBenchOptions): void {
  o.out(
    `H3 hexagon bins, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}; load average ${loadavg()[0]!.toFixed(1)} before the section; best of 3 runs (2 at 1,000,000 points).`,
  );
  o.out('');
  o.out(
    '| points | H3 resolution (edge) | hexagons | binning: `hexBins` | µs per point | whole map: `hexagonMap` (per km², ckmeans 5 classes, GeoJSON) | counts add up |',
  );
  o.out('|---:|---:|---:|---:|---:|---:|:---:|');
  // Warm-up (JIT, h3-js's module) on small data.
  const w = seedPoints(20_000, bbox, 5);
  hexagonMap(w, 'density', 9, { method: 'jenks', classes: 5 });
  const sizes = o.quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  for (const n of sizes) {
    const pts = seedPoints(n, bbox, 11 + n);
    const runs = n >= 1_000_000 ? 2 : 3;
    for (const [res, edge] of [
      [8, '531 m'],
      [9, '201 m'],
    ] as const) {
      const bin = best(runs, () => hexBins(pts.lons, pts.lats, res));
      const total = bin.value.counts.reduce((a, c) => a + c, 0);
      const map = best(runs, () =>
        hexagonMap({ lons: pts.lons, lats: pts.lats }, 'density', res, {
          method: 'jenks',
          classes: 5,
        }),
      );
      o.out(
        `| ${o.fmtN(n)} | ${res} (${edge}) | ${o.fmtN(map.value.cells)}${map.value.resolution !== res ? ` (at res ${map.value.resolution}: capped)` : ''} | ${o.fmtMs(bin.ms)} | ${((bin.ms * 1000) / n).toFixed(2)} | ${o.fmtMs(map.ms)} | ${total === n && map.value.points === n ? 'yes' : 'NO'} |`,
      );
    }
  }
}
