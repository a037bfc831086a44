/**
 * The HTTP application: the JSON API of SERVER.md (main.ts mounts the built app and data/ beside it:
 * static.ts).
 * Every request gets the database and the signed-in user (or null) in its context; every
 * state-changing request passes the same-origin check first; every role check is in a route.
 */
import { Hono } from 'hono';
import { originCheck, sessionMiddleware } from './auth/middleware.ts';
import { authRoutes } from './auth/routes.ts';
import type { Db } from './db/index.ts';
import { layerRoutes } from './layers/routes.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import type { AppEnv } from './types.ts';

export interface AppOptions {
  db: Db;
  /** Treat requests as arriving over HTTPS (cookies get `Secure` and the `__Host-` prefix). */
  secure?: boolean;
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('db', options.db);
    await next();
  });
  app.use('/api/*', originCheck());
  app.use('/api/*', sessionMiddleware({ secure: options.secure ?? false }));
  app.get('/api/health', (c) => c.json({ ok: true, db: options.db.kind }));
  app.route('/api', authRoutes({ secure: options.secure ?? false }));
  app.route('/api/initiatives', ledgerRoutes());
  app.route('/api/layers', layerRoutes());
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.text('not found', 404),
  );
  app.onError((e, c) => {
    console.error(e);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
