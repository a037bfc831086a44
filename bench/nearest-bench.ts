/**
 * The nearest-park section of `npm run bench`: seeded points and parks over Tongzhou, `nearest`
 * (k = 1, exact geodesic) beside the naive Turf loop (bench/naive-nearest.ts), timed on the first
 * points within the budget and extrapolated (marked ≈). Checks, on a sample, that our answers are
 * the very doubles an exhaustive exact scan (every park, every edge) gives, and how often Turf's
 * spherical answer names the same park.
 */
import { cpus, loadavg } from 'node:os';
import type { FeatureCollection, Polygon } from 'geojson';
import { nearest, PreparedPolygon, pointToSegmentDistance } from '../src/core/analytics/index.ts';
import { naiveNearest } from './naive-nearest.ts';
import { type BBox, seedParks, seedPoints } from './seed.ts';

/** Exhaustive exact answer for one point: every park, every edge (0 inside). */
function exhaustive(
  parks: FeatureCollection<Polygon>,
  prepared: PreparedPolygon[],
  lon: number,
  lat: number,
) {
  let best = Infinity;
  let which = -1;
  parks.features.forEach((p, j) => {
    let d = 0;
    if (!prepared[j]!.contains(lon, lat)) {
      d = Infinity;
      for (const ring of p.geometry.coordinates) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, b] = [ring[i]!, ring[i + 1]!];
          d = Math.min(d, pointToSegmentDistance(lon, lat, a[0]!, a[1]!, b[0]!, b[1]!));
        }
      }
    }
    if (d < best) [best, which] = [d, j];
  });
  return { which, best };
}

export interface NearestBenchOptions {
  quick: boolean;
  budgetMs: number;
  fmtMs: (ms: number) => string;
  fmtN: (n: number) => string;
  out: (line: string) => void;
}

export function nearestBench(area: BBox, o: NearestBenchOptions): void {
  const { out, fmtMs, fmtN } = o;
  // Warm-up (JIT) on small data.
  {
    const w = seedPoints(5_000, area, 98);
    const parks = seedParks(300, area, 97);
    nearest({ lons: w.lons, lats: w.lats }, parks);
    naiveNearest(w.lons.subarray(0, 50), w.lats.subarray(0, 50), parks, 1_000);
  }
  out(
    `Nearest park, ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}; load average ${loadavg()[0]!.toFixed(1)} before the section (other work on the machine skews every figure).`,
  );
  out('');
  out(
    '| points | parks (over Tongzhou) | ours: `nearest` (exact geodesic), wall (CPU), best of 3 | naive Turf (pointToLineDistance + booleanPointInPolygon, every park) | speed-up | same park as Turf | ours = exhaustive exact scan |',
  );
  out('|---:|---:|---:|---:|---:|---:|:---:|');
  const sizes = o.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  for (const n of sizes) {
    const pts = seedPoints(n, area, 500 + n);
    for (const p of [100, 1_000]) {
      const parks = seedParks(p, area, 600 + p);
      // Best of three runs: the machine is shared, and a run that was not interrupted is the
      // one that measures the code.
      let oursMs = Infinity;
      let cpuMs = Infinity;
      let ours = nearest({ lons: pts.lons.subarray(0, 1), lats: pts.lats.subarray(0, 1) }, parks);
      for (let run = 0; run < 3; run++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        ours = nearest({ lons: pts.lons, lats: pts.lats }, parks, { k: 1 });
        oursMs = Math.min(oursMs, performance.now() - t0);
        const cpu = process.cpuUsage(c0);
        cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
      }
      const naive = naiveNearest(pts.lons, pts.lats, parks, o.budgetMs);
      const est = naive.measured < n;
      const naiveMs = (naive.ms * n) / naive.measured;
      const approx = est ? '≈ ' : '';
      const idOf = parks.features.map((f) => f.id);
      let same = 0;
      for (let i = 0; i < naive.measured; i++) {
        if (ours.results[i]!.nearest[0]!.id === idOf[naive.park[i]!]) same++;
      }
      // Exhaustive exact scan on the first points (about 2 s of it).
      const prepared = parks.features.map((f) => new PreparedPolygon([f.geometry.coordinates]));
      const tc = performance.now();
      let checked = 0;
      let identical = 0;
      while (checked < n && (checked < 20 || performance.now() - tc < 2_000)) {
        const { which, best } = exhaustive(parks, prepared, pts.lons[checked]!, pts.lats[checked]!);
        const hit = ours.results[checked]!.nearest[0]!;
        if (hit.id === idOf[which] && hit.distance_m === best) identical++;
        checked++;
      }
      out(
        `| ${fmtN(n)} | ${fmtN(p)} | ${fmtMs(oursMs)} (CPU ${fmtMs(cpuMs)}) | ${approx}${fmtMs(naiveMs)}${est ? ` (${fmtN(naive.measured)} points timed)` : ''} | ${approx}${(naiveMs / oursMs).toFixed(0)}x | ${((100 * same) / naive.measured).toFixed(1)} % of ${fmtN(naive.measured)} | ${identical === checked ? 'yes' : `NO (${checked - identical} differ)`}, ${fmtN(checked)} points |`,
      );
    }
  }
}
