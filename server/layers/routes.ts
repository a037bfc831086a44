/**
 * `/api/layers` (SERVER.md): the published layers. Anyone who can read lists them and fetches
 * one as GeoJSON (ETag = the layer's revision, 304 on a matching If-None-Match, brotli or gzip);
 * an admin publishes (PUT, validated like an import: 422 with every problem) and withdraws (DELETE).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireRole } from '../auth/middleware.ts';
import type { AppEnv } from '../types.ts';
import {
  catalogCityIds,
  DATA_DIR,
  deleteLayer,
  layerRevision,
  layersRevision,
  layerText,
  listLayers,
  putLayer,
} from './store.ts';
import { checkLayer, LAYER_ID_RE } from './validate.ts';

export interface LayerRoutesOptions {
  /** Where catalog.json is (the cities a layer may belong to). Default: the repository's data/. */
  dataDir?: string;
  /** The largest layer accepted, in bytes (default 64 MB). */
  maxBytes?: number;
}

/** Does an If-None-Match header name this ETag (weak or strong, one of a list, or `*`)? */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/** Reads need a signed-in user only when ATLAS_PUBLIC_READ=0. */
const canRead: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (process.env.ATLAS_PUBLIC_READ === '0' && !c.get('user')) {
    return c.json({ error: 'sign in to read this atlas' }, 401);
  }
  await next();
};

interface Encoded {
  revision: number;
  raw: Uint8Array;
  gzip?: Uint8Array;
  br?: Uint8Array;
}

/** The last encodings of each layer, per revision (the database says which revision is current). */
class LayerCache {
  private entries = new Map<string, Encoded>();
  constructor(private readonly max = 32) {}
  get(id: string, revision: number): Encoded | undefined {
    const e = this.entries.get(id);
    return e && e.revision === revision ? e : undefined;
  }
  set(id: string, e: Encoded): void {
    this.entries.delete(id);
    this.entries.set(id, e);
    while (this.entries.size > this.max) {
      const first = this.entries.keys().next().value;
      if (first === undefined) break;
      this.entries.delete(first);
    }
  }
}

function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  const a = (accept ?? '').toLowerCase();
  if (/\bbr\b/.test(a)) return 'br';
  if (/\bgzip\b/.test(a)) return 'gzip';
  return null;
}

export function layerRoutes(options: LayerRoutesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new LayerCache();
  let cityIds: Set<string> | null = null;
  const cities = () => {
    cityIds ??= catalogCityIds(options.dataDir ?? DATA_DIR);
    return cityIds;
  };

  app.get('/', canRead, async (c) => {
    const db = c.get('db');
    const etag = `"${await layersRevision(db)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    const layers = (await listLayers(db)).map(({ revision: _r, ...l }) => l);
    return c.json({ layers });
  });

  app.get('/:id', canRead, async (c) => {
    const db = c.get('db');
    const id = c.req.param('id');
    const revision = await layerRevision(db, id);
    if (revision === null) return c.json({ error: `no published layer "${id}"` }, 404);
    const etag = `"${revision}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    let entry = cache.get(id, revision);
    if (!entry) {
      const row = await layerText(db, id);
      if (!row) return c.json({ error: `no published layer "${id}"` }, 404);
      entry = { revision: row.revision, raw: new TextEncoder().encode(row.geojson) };
      cache.set(id, entry);
      if (row.revision !== revision) c.header('ETag', `"${row.revision}"`);
    }
    const enc = pickEncoding(c.req.header('Accept-Encoding'));
    c.header('Content-Type', 'application/geo+json; charset=utf-8');
    if (enc === 'br') {
      entry.br ??= brotliCompressSync(entry.raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
      });
      c.header('Content-Encoding', 'br');
      return c.body(entry.br as Uint8Array<ArrayBuffer>);
    }
    if (enc === 'gzip') {
      entry.gzip ??= gzipSync(entry.raw, { level: 6 });
      c.header('Content-Encoding', 'gzip');
      return c.body(entry.gzip as Uint8Array<ArrayBuffer>);
    }
    return c.body(entry.raw as Uint8Array<ArrayBuffer>);
  });

  app.put(
    '/:id',
    requireRole('admin'),
    bodyLimit({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      onError: (c) => c.json({ error: 'the layer is too large' }, 413),
    }),
    async (c) => {
      const id = c.req.param('id');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return c.json({ error: `the body is not valid JSON (${why})` }, 400);
      }
      const check = checkLayer(id, body, cities());
      if (!check.ok) {
        return c.json(
          {
            error: `the layer cannot be published: ${check.problems.length} problem(s)`,
            errors: check.problems,
          },
          422,
        );
      }
      const user = c.get('user');
      const db = c.get('db');
      const out = await db.tx((q) =>
        putLayer(q, id, check.meta, check.geojson, user?.name ?? 'unknown'),
      );
      const { revision, ...layer } = out.layer;
      c.header('ETag', `"${revision}"`);
      return c.json({ ...layer, warnings: check.warnings }, out.created ? 201 : 200);
    },
  );

  app.delete('/:id', requireRole('admin'), async (c) => {
    const id = c.req.param('id');
    if (!LAYER_ID_RE.test(id)) return c.json({ error: `no published layer "${id}"` }, 404);
    const gone = await c.get('db').tx((q) => deleteLayer(q, id));
    if (!gone) return c.json({ error: `no published layer "${id}"` }, 404);
    return c.body(null, 204);
  });

  return app;
}
