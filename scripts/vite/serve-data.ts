import { cpSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Connect, HtmlTagDescriptor, Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The layers the first map draws: their files are preloaded (see firstMapPreloads). */
const FIRST_MAP_KINDS = ['initiatives', 'boundaries', 'green_space'];

/**
 * `<link rel="preload">` tags for the catalogue and the files of the layers the first map draws,
 * as data/catalog.json names them: the browser downloads them while the script is parsed, and
 * src/web/app/early-data.ts's fetches of the same URLs take them from the preload cache.
 */
export function firstMapPreloads(dataDir: string, base: string): HtmlTagDescriptor[] {
  const files = ['catalog.json'];
  try {
    const catalog = JSON.parse(readFileSync(join(dataDir, 'catalog.json'), 'utf8')) as {
      layers?: { kind?: string; file?: string }[];
    };
    for (const l of catalog.layers ?? []) {
      if (l.kind && l.file && FIRST_MAP_KINDS.includes(l.kind)) files.push(l.file);
    }
  } catch {
    // No readable catalogue: the app reports it; nothing to preload beyond the catalogue.
  }
  return files.map((file) => ({
    tag: 'link',
    attrs: { rel: 'preload', href: `${base}data/${file}`, as: 'fetch', crossorigin: '' },
    injectTo: 'head',
  }));
}

/**
 * Serves the repository's `data/` folder at `/data/` in dev and preview, and copies it into the
 * build output. The data stays in one place (the same files the CLI and the tests read), and a
 * city can replace its files without rebuilding the app.
 */
export function serveData(dataDir = 'data'): Plugin {
  const root = resolve(dataDir);
  let outDir = 'dist';
  let base = '/';
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
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    transformIndexHtml() {
      return firstMapPreloads(root, base);
    },
    closeBundle() {
      if (existsSync(outDir)) cpSync(root, join(outDir, 'data'), { recursive: true });
    },
  };
}
