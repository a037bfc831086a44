/**
 * The built app and data/ on the same origin as the API: `/data/*` from the repository's data/
 * (as scripts/vite/serve-data.ts does for the static app, so a city can replace its files without
 * a rebuild), the rest from dist/, and index.html for any other path that is not /api (the app's
 * links carry their state in the query, so a deep link opens the app).
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { markServedHtml } from '../src/core/common/server-marker.ts';
import type { AppEnv } from './types.ts';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The file under `root` a URL path names, or null (outside root, missing, not a file). */
export function fileUnder(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
  const file = join(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export function mountStatic(app: Hono<AppEnv>, opts: { distDir: string; dataDir: string }): void {
  const dataRoot = resolve(opts.dataDir);
  const dist = resolve(opts.distDir);
  app.get('/data/*', async (c) => {
    const file = fileUnder(dataRoot, c.req.path.slice('/data/'.length));
    if (!file) return c.text('not found', 404);
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    c.header('Cache-Control', 'no-cache');
    return c.body(new Uint8Array(await readFile(file)));
  });
  app.use('/assets/*', async (c, next) => {
    await next();
    // Vite's hashed file names: a new build makes new names.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    // index.html goes out marked (below), so the app knows the API is there.
    if (c.req.path.startsWith('/api/') || /^\/(index\.html)?$/.test(c.req.path)) return next();
    // The build writes .br and .gz copies (scripts/vite/precompress.ts): sent to a browser that
    // accepts them, with Vary: Accept-Encoding.
    return serveStatic<AppEnv>({ root: dist, precompressed: true })(c, next);
  });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/data/')) return next();
    const index = join(dist, 'index.html');
    if (!existsSync(index)) return next();
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(markServedHtml(await readFile(index, 'utf8')));
  });
}
