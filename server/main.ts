/**
 * `npm start`: the atlas server. Builds the app when dist/ is missing or older than its sources,
 * opens the database (PGlite in $ATLAS_DATA_DIR, default ./.atlas; or $DATABASE_URL), applies the
 * migrations, loads data/ on the very first start, and serves the app, data/ and the API on
 * http://$HOST:$PORT (default 127.0.0.1:8080). SIGTERM / SIGINT close the server and the database.
 *
 * Environment: PORT, HOST, ATLAS_DATA_DIR, DATABASE_URL, ATLAS_SECURE=1 (behind HTTPS: Secure,
 * __Host- cookies), ATLAS_PUBLIC_READ=0 (reads need sign-in), ATLAS_NO_BUILD=1 (never build;
 * serve dist/ as it is, or the API alone).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { dbOptionsFromEnv, openDb } from './db/index.ts';
import { migrate } from './db/migrate.ts';
import { DATA_DIR } from './layers/store.ts';
import { seedFromData } from './seed.ts';
import { mountStatic } from './static.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** What the build reads: a change to any of these makes dist/ stale. */
const SOURCES = ['src', 'index.html', 'public', 'vite.config.ts', 'package.json', 'scripts/vite'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of readdirSync(path)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, e)));
  }
  return max;
}

/** Why dist/ must be (re)built, or null when it is up to date. */
export function staleReason(root = ROOT): string | null {
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return 'dist/ is missing';
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

async function buildApp(): Promise<void> {
  const why = staleReason();
  if (!why) return;
  console.log(`building the app (${why})...`);
  const t0 = performance.now();
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn' });
  console.log(`built dist/ in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const env = process.env;
  const port = Number(env.PORT || 8080);
  const hostname = env.HOST || '127.0.0.1';
  if (env.ATLAS_NO_BUILD !== '1') await buildApp();

  const dbOptions = dbOptionsFromEnv(env);
  const db = await openDb(dbOptions);
  const applied = await migrate(db);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  const seeded = await seedFromData(db);
  if (seeded.loaded) {
    console.log(
      `first start: loaded ${seeded.initiatives} ledger rows and ${seeded.layers.length} layers from data/`,
    );
  }
  for (const p of seeded.problems) console.warn(`warning: data/: ${p}`);

  const app = createApp({ db, secure: env.ATLAS_SECURE === '1' });
  if (existsSync(DIST)) mountStatic(app, { distDir: DIST, dataDir: DATA_DIR });
  else console.warn('warning: no dist/ (ATLAS_NO_BUILD=1): serving the API only');

  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    const where = db.kind === 'pglite' ? `PGlite in ${dbOptions.dataDir}` : 'PostgreSQL';
    const ms = Math.round(performance.now() - t0);
    console.log(
      `atlas server on http://${hostname}:${info.port} (${where}; ready in ${ms} ms). Ctrl-C stops it.`,
    );
  });
  server.on('error', (e) => {
    console.error(`error: cannot listen on ${hostname}:${port}: ${e.message}`);
    void db.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      db.close()
        .catch((e: unknown) => console.error(e))
        .finally(() => process.exit(0));
    });
    // Idle keep-alive connections would hold close() open.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (
  import.meta.url === `file://${process.argv[1]}` ||
  process.argv[1]?.endsWith('server/main.ts')
) {
  main().catch((e: unknown) => {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
