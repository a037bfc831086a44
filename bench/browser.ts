/**
 * `npm run bench:browser [-- --runs 5] [--only NAME] [--no-readme] [--port 4432] [--dist dist]
 *  [--against OTHER_DIST]`
 *
 * The built app (dist/, served as the app's server serves it: precompressed brotli) in Debian's
 * Chromium (/usr/bin/chromium, headless, software WebGL through SwiftShader), offline: every
 * request that is not to localhost is refused. Each scenario is a module in bench/browser/ that
 * exports `scenario` (bench/browser/types.ts); every run gets a fresh browser context (nothing
 * cached, no storage). Per figure: the median over all runs and the range. Prints a Markdown
 * table and writes it into README.md between the bench:browser markers.
 *
 * `--against OTHER_DIST` compares two builds (e.g. one built from an earlier commit with
 * `npx vite build --outDir /tmp/dist-old`): both are served, each on its own port, and every run
 * loads both in turn in the same browser, the order swapped on odd runs, so that load on the
 * machine falls on both alike. Figures move by 10-20 % between runs here; only interleaved pairs
 * tell two builds apart. The comparison is printed, never written into the README.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, OFFLINE_ARGS } from '../scripts/chromium.ts';
import { browserQuiet } from './browser/quiet.ts';
import type { Measurement, Scenario } from './browser/types.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '4432' },
    dist: { type: 'string', default: 'dist' },
    'no-readme': { type: 'boolean', default: false },
    against: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const PORT = Number(values.port);
const README = 'README.md';
const MARK_START = '<!-- bench:browser:start -->';
const MARK_END = '<!-- bench:browser:end -->';
const LOAD_BEFORE = loadavg()[0]?.toFixed(1) ?? '?';

async function loadScenarios(): Promise<Scenario[]> {
  const dir = new URL('./browser/', import.meta.url);
  const found: Scenario[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts')) continue;
    const mod = (await import(pathToFileURL(join(dir.pathname, file)).href)) as {
      scenario?: Scenario;
    };
    if (mod.scenario) found.push(mod.scenario);
  }
  return found
    .filter((s) => !values.only || s.name.includes(values.only))
    .sort((a, b) => a.order - b.order);
}

function fmt(v: number, unit: Measurement['unit']): string {
  if (unit === 'ms') return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
  if (unit === 's') return `${v.toFixed(1)} s`;
  return `${v.toFixed(0)} MB`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const scenarios = await loadScenarios();

/** The builds measured: this one, and the one it is compared against, if any. */
interface Build {
  label: string;
  dist: string;
  baseUrl: string;
  byWhat: Map<string, { m: Measurement; values: number[] }>;
}
const builds: Build[] = [values.dist, ...(values.against ? [values.against] : [])].map(
  (dist, i) => ({
    label: i === 0 ? `${dist} (this build)` : dist,
    dist,
    baseUrl: `http://127.0.0.1:${PORT + i}/`,
    byWhat: new Map(),
  }),
);
// dist/ as the app's own server sends it (server/static.ts): Hono's serveStatic with the build's
// brotli copies (scripts/vite/precompress.ts). vite preview compressed the 1.9 MB bundle on every
// request, about 0.3 s of the first map that no real host spends.
const servers = await Promise.all(
  builds.map(async (b, i) => {
    const app = new Hono();
    app.use('*', serveStatic({ root: b.dist, precompressed: true }));
    const server = serve({ fetch: app.fetch, port: PORT + i, hostname: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    return server;
  }),
);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS],
});
const version = browser.version();
const tmpDir = mkdtempSync(join(tmpdir(), 'atlas-bench-browser-'));
const problems: string[] = [];

/** One run of a scenario on one build, in a fresh browser context; its figures go to the build. */
async function runOnce(s: Scenario, b: Build, run: number): Promise<void> {
  const tag = builds.length > 1 ? ` [${b.dist}]` : '';
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
  });
  // tsx (esbuild, keepNames) wraps named functions in the scenarios' page code in __name().
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  const settled = await browserQuiet(browser);
  if (settled >= 10_000) problems.push(`${s.name} run ${run + 1}${tag}: the browser never settled`);
  const errors: string[] = [];
  // Outside requests fail in the browser (OFFLINE_ARGS); any that was tried is a problem.
  page.on('requestfailed', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !/^(data|blob):$/.test(url.protocol))
      errors.push(`blocked request ${url.href}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  try {
    const ms = await s.run(page, { baseUrl: b.baseUrl, browser, tmpDir, run });
    for (const m of ms) {
      const entry = b.byWhat.get(m.what) ?? { m, values: [] };
      entry.values.push(m.value);
      b.byWhat.set(m.what, entry);
    }
    console.error(
      `${s.name} #${run + 1}${tag}: ${ms.map((m) => `${m.what.slice(0, 40)} ${fmt(m.value, m.unit)}`).join('; ')}`,
    );
  } catch (e) {
    problems.push(`${s.name} run ${run + 1}${tag}: ${e instanceof Error ? e.message : String(e)}`);
    console.error(problems.at(-1));
  }
  for (const err of new Set(errors)) problems.push(`${s.name} run ${run + 1}${tag}: ${err}`);
  await context.close();
}

try {
  for (const s of scenarios) {
    const runs = s.runs ?? RUNS;
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? builds : [...builds].reverse();
      for (const b of order) await runOnce(s, b, run);
    }
  }
} finally {
  await browser.close();
  await Promise.all(
    servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  rmSync(tmpDir, { recursive: true, force: true });
}

/** "median (range, n=…)" of one figure. */
function cell(m: Measurement, vs: number[] | undefined): string {
  if (!vs || vs.length === 0) return 'not measured';
  const range = `${fmt(Math.min(...vs), m.unit)}-${fmt(Math.max(...vs), m.unit)}`;
  return `${fmt(median(vs), m.unit)} (${range}, n=${vs.length})`;
}

const lines = [
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}, ` +
    `Chromium ${version} headless with software WebGL (SwiftShader), every non-localhost request ` +
    `refused; dist/ served with the build's brotli files; ${RUNS} runs per scenario unless stated, ` +
    `a fresh browser context each, started once the new window's own start-up is done; median (range); load average ${LOAD_BEFORE} before the run ` +
    '(other work on the machine skews every figure).',
  '',
];
const [mine, other] = builds as [Build, Build | undefined];
if (other) {
  lines.push(
    `Interleaved: every run loads ${mine.dist} and ${other.dist} in turn, the order swapped on odd runs.`,
    '',
    `| what | goal | ${mine.label} | ${other.label} |`,
    '|---|---|---|---|',
  );
} else {
  lines.push('| what | goal | measured: median (range) | |', '|---|---|---|:---:|');
}
for (const { m, values: vs } of mine.byWhat.values()) {
  const goal = m.goalText ?? (m.goal !== undefined ? `< ${fmt(m.goal, m.unit)}` : '');
  if (other) {
    lines.push(
      `| ${m.what} | ${goal} | ${cell(m, vs)} | ${cell(m, other.byWhat.get(m.what)?.values)} |`,
    );
    continue;
  }
  const ok = m.goal === undefined ? '' : median(vs) < m.goal ? '✓' : '✗';
  lines.push(`| ${m.what} | ${goal} | ${cell(m, vs)} | ${ok} |`);
}
if (problems.length > 0) lines.push('', ...problems.map((p) => `- ${p}`));
const text = lines.join('\n');
console.log(text);

if (!values['no-readme'] && !values.only && !values.against) {
  const readme = readFileSync(README, 'utf8');
  const a = readme.indexOf(MARK_START);
  const b = readme.indexOf(MARK_END);
  if (a < 0 || b < a) {
    console.error(`${README} has no ${MARK_START} ... ${MARK_END} markers: not written`);
  } else {
    writeFileSync(README, `${readme.slice(0, a + MARK_START.length)}\n${text}\n${readme.slice(b)}`);
    console.error(`written into ${README}`);
  }
}
process.exit(problems.length > 0 ? 1 : 0);
