import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves the repository's `data/` folder at `/data/` in dev and preview, and copies it into the
 * build output. The data stays in one place (the same files the CLI and the tests read), and a
 * city can replace its files without rebuilding the app.
 */
export function serveData(dataDir = 'data'): Plugin {
  const root = resolve(dataDir);
  let outDir = 'dist';
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = (req.url ?? '').split('?')[0] ?? '';
    if (!url.startsWith('/data/')) return next();
    const rel = normalize(decodeURIComponent(url.slice('/data/'.length)));
    const file = join(root, rel);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'planning-atlas-serve-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    closeBundle() {
      if (existsSync(outDir)) cpSync(root, join(outDir, 'data'), { recursive: true });
    },
  };
}
