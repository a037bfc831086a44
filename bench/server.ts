/**
 * `npm run bench:server [-- --duration 10] [--rows 10000] [--only pglite|postgres] [--no-readme]`
 *
 * The atlas server under load, for the embedded database (PGlite, in a temporary folder on disk)
 * and for PostgreSQL (a throw-away cluster from scripts/pg-test-cluster.sh, fsync on): the real
 * app (server/app.ts) on 127.0.0.1 in a worker thread (bench/server-worker.ts: its own event
 * loop), seeded through the API with `--rows` ledger rows (copies of data/initiatives.csv's rows
 * under new ids), then a closed-loop load generator in this process (bench/load.ts, the main thread):
 *   - GET /api/initiatives, 50 connections, the full list compressed (`Accept-Encoding: br, gzip`
 *     as a browser sends it);
 *   - GET /api/initiatives with the current ETag in If-None-Match (a client revalidating: 304);
 *   - PATCH /api/initiatives/:id, 20 connections, a signed-in editor, each request a different
 *     row's description with If-Match carrying that row's current version (taken from the
 *     previous answer for that row), so every answer should be 200.
 * req/s is answers per second over the run; p50 and p95 are over every answer's latency.
 * Prints a Markdown table and writes it into README.md between the bench:server markers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Initiative } from '../src/core/ledger/model.ts';
import { parseInitiativesCsv } from '../src/core/ledger/validate.ts';
import { type LoadRequest, quantile, runLoad } from './load.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rows: { type: 'string', default: '10000' },
    only: { type: 'string' },
    'no-readme': { type: 'boolean', default: false },
  },
});
const DURATION = Number(values.duration);
const ROWS = Number(values.rows);
const EDITOR = { name: 'bench-editor', role: 'editor' as const, password: 'bench-password-1234' };
const TARGETS = { GET: 50, PATCH: 100 };
const README = 'README.md';
const MARK_START = '<!-- bench:server:start -->';
const MARK_END = '<!-- bench:server:end -->';
const LOAD_BEFORE = loadavg()[0]?.toFixed(1) ?? '?';

interface Measured {
  database: string;
  request: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  statuses: string;
  target?: number;
}

function benchRows(n: number): Initiative[] {
  const { rows, fatal, issues } = parseInitiativesCsv(readFileSync('data/initiatives.csv', 'utf8'));
  if (fatal || rows.length === 0)
    throw new Error(`data/initiatives.csv: ${issues.length} problems`);
  return Array.from({ length: n }, (_, i) => {
    const b = rows[i % rows.length] as Initiative;
    return {
      ...b,
      id: `bench-${String(i + 1).padStart(5, '0')}`,
      name_en: `${b.name_en} (#${i + 1})`,
    };
  });
}

async function load(opts: {
  base: string;
  connections: number;
  next: () => LoadRequest;
  onResponse?: (status: number, body: string) => void;
}): Promise<{ rps: number; p50: number; p95: number; statuses: string }> {
  const r = await runLoad({ ...opts, seconds: DURATION });
  const statuses = [...r.statuses]
    .sort((a, b) => a[0] - b[0])
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
  return {
    rps: r.rps,
    p50: quantile(r.latencies, 0.5),
    p95: quantile(r.latencies, 0.95),
    statuses: r.errors ? `${statuses} errors×${r.errors}` : statuses,
  };
}

async function call(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  const r = await fetch(base + path, init);
  if (!r.ok && r.status !== 304) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${r.status} ${await r.text()}`);
  }
  return r;
}

/** Writes `rows` through the API: batches of 1,000 (POST /batch), else one POST per row. */
async function seed(base: string, headers: Record<string, string>, rows: Initiative[]) {
  const probe = await fetch(`${base}/api/initiatives/batch`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ upserts: rows.slice(0, 1000), deletes: [], note: 'bench seed' }),
  });
  if (probe.ok) {
    for (let i = 1000; i < rows.length; i += 1000) {
      await call(base, '/api/initiatives/batch', {
        method: 'POST',
        headers,
        body: JSON.stringify({ upserts: rows.slice(i, i + 1000), deletes: [], note: 'bench seed' }),
      });
    }
    return;
  }
  if (probe.status !== 404 && probe.status !== 405) {
    throw new Error(`POST /api/initiatives/batch: ${probe.status} ${await probe.text()}`);
  }
  console.error('  (no /batch: seeding one POST per row)');
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const row = rows[next++] as Initiative;
      await call(base, '/api/initiatives', { method: 'POST', headers, body: JSON.stringify(row) });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** Starts the server in a worker thread on the given database; resolves when it listens. */
async function startServer(database: { databaseUrl?: string; dataDir?: string }) {
  const worker = new Worker(new URL('./server-worker.mjs', import.meta.url), {
    workerData: { ...database, editor: EDITOR },
  });
  const ready = await new Promise<{ port: number; database: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the server thread exited (${code})`)));
  });
  const stop = async () => {
    const stopped = new Promise<void>((resolve) => {
      worker.on('message', (m) => m === 'stopped' && resolve());
      worker.once('exit', () => resolve());
    });
    worker.postMessage('stop');
    await stopped;
    await worker.terminate();
  };
  return { base: `http://127.0.0.1:${ready.port}`, label: ready.database, stop };
}

async function benchDatabase(database: {
  databaseUrl?: string;
  dataDir?: string;
}): Promise<Measured[]> {
  const { base, label, stop } = await startServer(database);
  try {
    const signIn = await call(base, '/api/session', {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ username: EDITOR.name, password: EDITOR.password }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (!cookie) throw new Error('POST /api/session set no cookie');
    const writeHeaders = { origin: base, cookie, 'content-type': 'application/json' };

    const rows = benchRows(ROWS);
    let t = performance.now();
    await seed(base, writeHeaders, rows);
    console.error(
      `  ${label}: ${ROWS} rows seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    const list = await call(base, '/api/initiatives');
    const items = ((await list.json()) as { items: unknown[] }).items;
    const etag = list.headers.get('etag');
    console.error(
      `  ${label}: first GET /api/initiatives ${(performance.now() - t).toFixed(0)} ms, ${items.length} rows, ETag ${etag}`,
    );
    if (items.length !== ROWS)
      throw new Error(`GET /api/initiatives: ${items.length} rows, not ${ROWS}`);

    const out: Measured[] = [];
    const listRequest = { path: '/api/initiatives', headers: { 'accept-encoding': 'br, gzip' } };
    const get = await load({ base, connections: 50, next: () => listRequest });
    out.push({
      database: label,
      request: 'GET /api/initiatives (full list, compressed)',
      connections: 50,
      ...get,
      target: TARGETS.GET,
    });
    if (etag) {
      const revalidate = await load({
        base,
        connections: 50,
        next: () => ({
          ...listRequest,
          headers: { ...listRequest.headers, 'if-none-match': etag },
        }),
      });
      out.push({
        database: label,
        request: 'GET /api/initiatives (If-None-Match: 304)',
        connections: 50,
        ...revalidate,
        target: TARGETS.GET,
      });
    }

    const versions = new Map(rows.map((r) => [r.id, 1]));
    let n = 0;
    const patch = await load({
      base,
      connections: 20,
      next: () => {
        const id = (rows[n % rows.length] as Initiative).id;
        n++;
        return {
          method: 'PATCH',
          path: `/api/initiatives/${encodeURIComponent(id)}`,
          headers: { ...writeHeaders, 'if-match': `"${versions.get(id) ?? 1}"` },
          body: JSON.stringify({ description: `bench edit ${n}`, note: 'bench' }),
        };
      },
      onResponse: (status, body) => {
        if (status !== 200) return;
        const row = JSON.parse(body) as { id?: string; version?: number };
        if (row.id && typeof row.version === 'number') versions.set(row.id, row.version);
      },
    });
    out.push({
      database: label,
      request: 'PATCH /api/initiatives/:id (If-Match)',
      connections: 20,
      ...patch,
      target: TARGETS.PATCH,
    });
    return out;
  } finally {
    await stop();
  }
}

async function runPglite(): Promise<Measured[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-pglite-'));
  try {
    return await benchDatabase({ dataDir: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(): Promise<Measured[] | string> {
  let url: string;
  try {
    url = execFileSync('bash', ['scripts/pg-test-cluster.sh', 'start'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  } catch (e) {
    return `no PostgreSQL cluster could be started (${e instanceof Error ? e.message : String(e)})`;
  }
  const stop = () => {
    execFileSync('bash', ['scripts/pg-test-cluster.sh', 'stop', url], { stdio: 'inherit' });
  };
  const onSignal = () => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await benchDatabase({ databaseUrl: url });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop();
  }
}

const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : '–');

function table(rows: Measured[], notes: string[]): string {
  const lines = [
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, Node ${process.version}; ` +
      `${ROWS.toLocaleString('en-US')} ledger rows, ${DURATION} s per line; the server in a worker thread, the load generator (bench/load.ts) in the main thread; ` +
      `load average ${LOAD_BEFORE} before the run (other work on the machine skews every figure).`,
    '',
    '| database | request | connections | req/s | p50 | p95 | target p95 | answers |',
    '|---|---|---:|---:|---:|---:|:---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.request} | ${r.connections} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ` +
        `${r.target === undefined ? '' : `< ${r.target} ms ${r.p95 < r.target ? '✓' : '✗'}`} | ${r.statuses} |`,
    ),
  ];
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

function writeReadme(text: string) {
  const readme = readFileSync(README, 'utf8');
  const a = readme.indexOf(MARK_START);
  const b = readme.indexOf(MARK_END);
  if (a < 0 || b < a) {
    console.error(`${README} has no ${MARK_START} ... ${MARK_END} markers: not written`);
    return;
  }
  writeFileSync(README, `${readme.slice(0, a + MARK_START.length)}\n${text}\n${readme.slice(b)}`);
  console.error(`written into ${README}`);
}

const measured: Measured[] = [];
const notes: string[] = [];
if (values.only !== 'postgres') {
  console.error('PGlite (embedded, on disk):');
  measured.push(...(await runPglite()));
}
if (values.only !== 'pglite') {
  console.error('PostgreSQL (throw-away cluster):');
  const pg = await runPostgres();
  if (typeof pg === 'string') notes.push(`PostgreSQL: not measured: ${pg}.`);
  else measured.push(...pg);
}
const text = table(measured, notes);
console.log(text);
if (!values['no-readme']) writeReadme(text);
