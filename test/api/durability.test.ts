/**
 * SERVER.md: "A write that was answered 2xx survives kill -9 of the server and a restart."
 * The real server process (server/main.ts, PGlite in a temp ATLAS_DATA_DIR, the API only) takes a
 * published layer and a new ledger row, is killed with SIGKILL straight after the 2xx answers,
 * restarts on the same folder, and both are there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createUser } from '../../server/auth/users.ts';
import { openDb } from '../../server/db/index.ts';
import { migrate } from '../../server/db/migrate.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'atlas-kill9-'));
const dataDir = join(dir, 'db');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ATLAS_DATA_DIR: dataDir, ATLAS_NO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let log = '';
  child.stdout?.on('data', (d) => {
    log += String(d);
  });
  child.stderr?.on('data', (d) => {
    log += String(d);
  });
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
    if (log.includes('atlas server on')) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start: ${log}`);
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

it('a 2xx write survives kill -9 and a restart', async () => {
  // The admin, as `atlas user add` makes one before the first start.
  const db = await openDb({ dataDir });
  await migrate(db);
  await createUser(db, { name: 'admin', role: 'admin', password: 'correct horse battery' });
  await db.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const origin = { origin: base, 'content-type': 'application/json' };
  let server = await startServer(port);
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: origin,
    body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { ...origin, cookie };

  const layer = await fetch(`${base}/api/layers/parks-durable`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      name: 'survives kill -9',
      role: 'parks',
      city_id: 'tongzhou',
      geojson: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'p' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [116.6, 39.9],
                  [116.61, 39.9],
                  [116.61, 39.91],
                  [116.6, 39.9],
                ],
              ],
            },
          },
        ],
      },
    }),
  });
  expect(layer.status).toBe(201);
  const row = {
    id: 'tz-durable-row',
    name_zh: '断电测试',
    name_en: 'kill -9 test',
    city_id: 'tongzhou',
    category: 'green_space',
    status: 'planned',
    start_year: 2025,
    end_year: null,
    investment_cny: null,
    investment_qualifier: null,
    lon: 116.61,
    lat: 39.91,
    location_precision: 'approximate',
    source: 'https://example.org/durable',
    confidence: 'stated',
    description: 'written just before SIGKILL',
  };
  const created = await fetch(`${base}/api/initiatives`, {
    method: 'POST',
    headers,
    body: JSON.stringify(row),
  });
  const createdStatus = created.status;
  const createdText = await created.text();
  await kill9(server);

  server = await startServer(port);
  const got = await fetch(`${base}/api/layers/parks-durable`);
  expect(got.status).toBe(200);
  const fc = (await got.json()) as { features: unknown[] };
  expect(fc.features).toHaveLength(1);
  if (createdStatus === 201) {
    const back = await fetch(`${base}/api/initiatives/tz-durable-row`);
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ name_en: 'kill -9 test', lon: 116.61, version: 1 });
  } else {
    // The ledger routes refused the row (e.g. its schema changed): say so instead of passing quietly.
    expect.soft(createdStatus, createdText).toBe(201);
  }
  await kill9(server);
}, 400_000);
