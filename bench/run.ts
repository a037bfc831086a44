/**
 * `npm run bench [-- --quick] [--budget SECONDS] [--coverage-limit SECONDS] [--only SECTIONS]`
 *
 * Region totals (10k / 100k / 1M seeded points x 1 / 10 / 100 regions, real boundaries among
 * them), park coverage (100 / 1,000 / 10,000 seeded parks over Tongzhou) and the nearest park
 * (1k / 10k / 100k points x 100 / 1,000 parks, bench/nearest-bench.ts), each beside the naive
 * Turf approach on the same data in the same run. Prints Markdown tables and writes them to
 * bench/results.md. Naive totals and nearest that would exceed the budget are timed on the first
 * regions or points and extrapolated linearly (marked ≈); naive coverage runs in a worker thread
 * and is stopped at the limit (marked >). H3 hexagon binning of 10k / 100k / 1M points
 * (bench/hexbin-bench.ts). `--only nearest` (or `totals,coverage`) runs those
 * sections and replaces only them in bench/results.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { GridIndex, parkCoverage, regionTotals } from '../src/core/analytics/index.ts';
import { bboxOf as polygonBBox } from '../src/core/analytics/validate.ts';
import { hexbinBench } from './hexbin-bench.ts';
import { naiveTotals, pointFeatures } from './naive.ts';
import { nearestBench } from './nearest-bench.ts';
import { type BBox, seedCircles, seedParks, seedPoints } from './seed.ts';

type Area = Polygon | MultiPolygon;
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    budget: { type: 'string', default: '20' },
    'coverage-limit': { type: 'string', default: '120' },
    only: { type: 'string', default: 'totals,coverage,nearest,hexbin' },
  },
});
const SECTIONS = new Set(values.only.split(','));
const BUDGET_MS = Number(values.budget) * 1000;
const COVERAGE_LIMIT_MS = Number(values['coverage-limit']) * 1000;

const boundaries = JSON.parse(
  readFileSync('data/boundaries.geojson', 'utf8'),
) as FeatureCollection<Area>;
const byId = (id: string) => {
  const f = boundaries.features.find((x) => x.properties?.id === id);
  if (!f) throw new Error(`data/boundaries.geojson has no ${id}`);
  return f as Feature<Area>;
};
const REAL = ['tongzhou', 'sanhe', 'dachang', 'xianghe'].map(byId);
/** The bbox of several polygon features together. */
const bboxOf = (fs: Feature<Area>[]): BBox => {
  const boxes = fs.map((f) =>
    polygonBBox(f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates),
  );
  return [
    Math.min(...boxes.map((x) => x[0])),
    Math.min(...boxes.map((x) => x[1])),
    Math.max(...boxes.map((x) => x[2])),
    Math.max(...boxes.map((x) => x[3])),
  ];
};
const AREA_BBOX = bboxOf(REAL);
const tongzhou = REAL[0] as Feature<Area>;

function regionSet(n: number): Feature<Area>[] {
  if (n === 1) return [tongzhou];
  const extra = seedCircles(n - REAL.length, AREA_BBOX, [2, 8], 7 + n).features;
  return [...REAL, ...(extra as Feature<Area>[])];
}

const fmtMs = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const fmtN = (n: number) => n.toLocaleString('en-US');
const lines: string[] = [];
const out = (s: string) => {
  lines.push(s);
  console.log(s);
};

out(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}`);
out('');
const section = (name: string) => {
  out(`<!-- ${name}:start -->`);
};
const sectionEnd = (name: string) => {
  out(`<!-- ${name}:end -->`);
  out('');
};

if (SECTIONS.has('totals')) {
  section('totals');
  out(
    '| points | regions | ours: grid index (built once) | ours: totals | naive Turf (pointsWithinPolygon) | speed-up (totals) | speed-up (index + totals) | counts agree |',
  );
  out('|---:|---:|---:|---:|---:|---:|---:|:---:|');

  // Warm-up (JIT) on small data, so the first timed row is not the compiler's.
  {
    const w = seedPoints(20_000, AREA_BBOX, 99);
    const regions = { type: 'FeatureCollection' as const, features: regionSet(10) };
    regionTotals(
      regions,
      { lons: w.lons, lats: w.lats },
      { index: GridIndex.build(w.lons, w.lats) },
    );
    for (const r of regions.features) naiveTotals(r, pointFeatures(w.lons, w.lats, w.investment));
  }

  const sizes = values.quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  for (const n of sizes) {
    const pts = seedPoints(n, AREA_BBOX, n);
    const naivePts = pointFeatures(pts.lons, pts.lats, pts.investment);
    for (const k of [1, 10, 100]) {
      const regions = regionSet(k);
      const fc = { type: 'FeatureCollection' as const, features: regions };
      const t0 = performance.now();
      const index = GridIndex.build(pts.lons, pts.lats);
      const buildMs = performance.now() - t0;
      const tq = performance.now();
      const ours = regionTotals(
        fc,
        { lons: pts.lons, lats: pts.lats, columns: { inv: pts.investment } },
        {
          sum: ['inv'],
          index,
        },
      );
      const oursMs = performance.now() - tq;

      let done = 0;
      let agree = true;
      const t1 = performance.now();
      for (const r of regions) {
        const nv = naiveTotals(r, naivePts);
        if (nv.count !== ours.regions[done]?.count) agree = false;
        done++;
        if (performance.now() - t1 > BUDGET_MS) break;
      }
      const naiveRaw = performance.now() - t1;
      const naiveMs = (naiveRaw * regions.length) / done;
      const est = done < regions.length;
      const approx = est ? '≈ ' : '';
      const ratio = (ms: number) =>
        `${approx}${(naiveMs / ms).toFixed(naiveMs / ms < 10 ? 1 : 0)}x`;
      out(
        `| ${fmtN(n)} | ${k} | ${fmtMs(buildMs)} | ${fmtMs(oursMs)} | ${approx}${fmtMs(naiveMs)}${est ? ` (${done}/${k} regions timed)` : ''} | ${ratio(oursMs)} | ${ratio(oursMs + buildMs)} | ${agree ? 'yes' : 'NO'}${est ? ` (${done} checked)` : ''} |`,
      );
    }
  }
  sectionEnd('totals');
}

function runNaiveCoverage(region: Feature<Area>, parks: FeatureCollection<Polygon>) {
  return new Promise<{ ms: number; share: number } | null>((resolve, reject) => {
    const w = new Worker(new URL('./naive-coverage-worker.mjs', import.meta.url), {
      workerData: { region, parks },
    });
    const timer = setTimeout(() => {
      void w.terminate();
      resolve(null);
    }, COVERAGE_LIMIT_MS);
    w.once('message', (m) => {
      clearTimeout(timer);
      void w.terminate();
      resolve(m);
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

if (SECTIONS.has('coverage')) {
  section('coverage');
  out(
    '| parks (over Tongzhou, GB/T 50563 radii) | ours | share | naive Turf (buffer + union + intersect) | share | speed-up |',
  );
  out('|---:|---:|---:|---:|---:|---:|');
  for (const n of values.quick ? [100, 1000] : [100, 1000, 10_000]) {
    const parks = seedParks(n, bboxOf([tongzhou]), n);
    const t0 = performance.now();
    const ours = parkCoverage({ type: 'FeatureCollection', features: [tongzhou] }, parks, {
      rule: 'gbt50563',
    });
    const oursMs = performance.now() - t0;
    const share = ours.regions[0]?.share ?? 0;
    const naive = await runNaiveCoverage(tongzhou, parks);
    const naiveCell = naive ? fmtMs(naive.ms) : `> ${fmtMs(COVERAGE_LIMIT_MS)} (stopped)`;
    const naiveShare = naive ? `${(naive.share * 100).toFixed(2)} %` : '—';
    const ratio = naive
      ? `${(naive.ms / oursMs).toFixed(0)}x`
      : `> ${(COVERAGE_LIMIT_MS / oursMs).toFixed(0)}x`;
    out(
      `| ${fmtN(n)} | ${fmtMs(oursMs)} | ${(share * 100).toFixed(2)} % | ${naiveCell} | ${naiveShare} | ${ratio} |`,
    );
  }
  sectionEnd('coverage');
}

if (SECTIONS.has('nearest')) {
  section('nearest');
  nearestBench(bboxOf([tongzhou]), { quick: values.quick, budgetMs: BUDGET_MS, fmtMs, fmtN, out });
  sectionEnd('nearest');
}

if (SECTIONS.has('hexbin')) {
  section('hexbin');
  hexbinBench(bboxOf(REAL), { quick: values.quick, fmtMs, fmtN, out });
  sectionEnd('hexbin');
}

const file = values.quick ? 'bench/results-quick.md' : 'bench/results.md';
let text = `${lines.join('\n')}\n`;
if (SECTIONS.size < 4 && existsSync(file)) {
  // Only some sections ran: replace them in the file, keep the others.
  text = readFileSync(file, 'utf8');
  for (const name of SECTIONS) {
    const start = lines.indexOf(`<!-- ${name}:start -->`);
    const end = lines.indexOf(`<!-- ${name}:end -->`);
    const block = lines.slice(start, end + 1).join('\n');
    const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
    text = re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`;
  }
}
writeFileSync(file, text);
console.error(`\nwritten to ${file}`);
