import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { markServedHtml } from '../../src/core/common/server-marker.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * `npm run dev`: the same API as `npm start` inside Vite's dev server, so one command gives the
 * app with hot reload and a working server (the database of ATLAS_DATA_DIR / DATABASE_URL,
 * migrated and loaded from data/ on its first start, exactly as server/main.ts does). Requests
 * to /api/* go to the Hono app through @hono/node-server's Node <-> fetch adapter; everything else
 * is Vite's. Dev only: `vite build` and `vite preview` stay the static app.
 */
export function atlasApi(): Plugin {
  let ready: Promise<{ listener: Listener; close: () => Promise<void> }> | null = null;
  const start = async () => {
    const [{ getRequestListener }, { createApp }, db, { migrate }, { seedFromData }] =
      await Promise.all([
        import('@hono/node-server'),
        import('../../server/app.ts'),
        import('../../server/db/index.ts'),
        import('../../server/db/migrate.ts'),
        import('../../server/seed.ts'),
      ]);
    const options = db.dbOptionsFromEnv(process.env);
    const database = await db.openDb(options);
    await migrate(database);
    const seeded = await seedFromData(database);
    if (seeded.loaded) {
      console.log(
        `atlas api: loaded ${seeded.initiatives} ledger rows and ${seeded.layers.length} layers from data/`,
      );
    }
    for (const p of seeded.problems) console.warn(`warning: data/: ${p}`);
    console.log(
      `atlas api: /api on ${database.kind === 'pglite' ? `PGlite in ${options.dataDir}` : 'PostgreSQL'}`,
    );
    const app = createApp({ db: database });
    return { listener: getRequestListener(app.fetch) as Listener, close: () => database.close() };
  };
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (!(req.url ?? '').startsWith('/api/')) return next();
    ready ??= start();
    ready
      .then(({ listener }) => listener(req, res))
      .catch((e: unknown) => {
        console.error(e);
        if (!res.headersSent) {
          res.statusCode = 503;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(
            JSON.stringify({
              error: `the atlas API could not start: ${e instanceof Error ? e.message : String(e)}`,
            }),
          );
        }
      });
  };
  return {
    name: 'planning-atlas-api',
    apply: 'serve',
    // The app talks to /api only when its page carries the mark (src/core/common/server-marker.ts).
    transformIndexHtml: (html) => markServedHtml(html),
    configureServer(server) {
      server.middlewares.use(middleware);
      // Open the database while Vite starts (PGlite takes a while), not on the first request.
      ready ??= start();
      ready.catch(() => {});
      server.httpServer?.on('close', () => {
        void ready?.then((r) => r.close()).catch(() => {});
      });
    },
  };
}
