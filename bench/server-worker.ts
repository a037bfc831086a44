/**
 * The server under test for bench/server.ts, in its own thread (its own event loop, so the load
 * generator in the main thread does not share it): opens the database named in workerData,
 * migrates it, creates the bench editor, serves the app on 127.0.0.1 on a free port and posts
 * `{port, database}`. On 'stop' it stops accepting, waits for requests still in flight, closes the
 * database and posts 'stopped'.
 */
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app.ts';
import { createUser } from '../server/auth/users.ts';
import { openDb } from '../server/db/index.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Role } from '../server/types.ts';

interface Input {
  databaseUrl?: string;
  dataDir?: string;
  editor: { name: string; role: Role; password: string };
}

const input = workerData as Input;
const port = parentPort;
if (!port) throw new Error('bench/server-worker.ts runs as a worker thread');

const db = await openDb(
  input.databaseUrl ? { databaseUrl: input.databaseUrl } : { dataDir: input.dataDir },
);
await migrate(db);
await createUser(db, input.editor);
const version =
  db.kind === 'postgres'
    ? `PostgreSQL ${(await db.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v.split(' ')[0] ?? ''}`
    : 'PGlite (embedded)';

const app = createApp({ db });
let inFlight = 0;
const server = serve({
  fetch: async (req, env) => {
    inFlight++;
    try {
      return await app.fetch(req, env);
    } finally {
      inFlight--;
    }
  },
  hostname: '127.0.0.1',
  port: 0,
});
server.once('listening', () => {
  port.postMessage({ port: (server.address() as AddressInfo).port, database: version });
});

port.on('message', async (m) => {
  if (m !== 'stop') return;
  server.close();
  if ('closeAllConnections' in server) server.closeAllConnections();
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
  await db.close();
  port.postMessage('stopped');
});
