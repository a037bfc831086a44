/**
 * A JSON answer built once per data revision and kept with its gzip and brotli forms (each made
 * on first demand). Several server instances share one database, so the revision is read from the
 * database on every request (one cheap query) and only the body is kept in process memory.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { noneMatch } from './etag.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface CachedBody<T = unknown> {
  revision: number;
  /** What the body was made from (e.g. the rows, to cut pages from). */
  data: T;
  etag: string;
  json: Buffer;
  gzip?: Promise<Buffer>;
  br?: Promise<Buffer>;
}

/** Keeps the body of the newest revision asked for (and shares one build among concurrent asks). */
export class RevisionCache<T> {
  private entry: { revision: number; body: Promise<CachedBody<T>> } | null = null;

  constructor(private readonly toJson: (data: T) => string = JSON.stringify) {}

  get(revision: number, build: () => Promise<T>): Promise<CachedBody<T>> {
    if (this.entry && this.entry.revision === revision) return this.entry.body;
    const body = build().then((data) => ({
      revision,
      data,
      etag: `W/"${revision}"`,
      json: Buffer.from(this.toJson(data), 'utf8'),
    }));
    const entry = { revision, body };
    // A newer revision replaces an older one; a failed build is not kept.
    if (!this.entry || this.entry.revision < revision) this.entry = entry;
    body.catch(() => {
      if (this.entry === entry) this.entry = null;
    });
    return body;
  }
}

type Coding = 'br' | 'gzip' | 'identity';

/** The coding to answer with: brotli, else gzip when accepted (q > 0), else none. */
export function pickCoding(acceptEncoding: string | undefined): Coding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

function encoded<T>(body: CachedBody<T>, coding: Coding): Promise<Buffer> {
  if (coding === 'gzip') {
    body.gzip ??= gzipAsync(body.json, { level: 6 });
    return body.gzip;
  }
  if (coding === 'br') {
    // Quality 5: most of brotli's gain at a small part of the time of its default (11).
    body.br ??= brotliAsync(body.json, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.json.length,
      },
    });
    return body.br;
  }
  return Promise.resolve(body.json);
}

/** Answers with the cached body: 304 on a matching If-None-Match, else 200, compressed if accepted. */
export async function sendCached<T>(c: Context, body: CachedBody<T>): Promise<Response> {
  const headers: Record<string, string> = {
    ETag: body.etag,
    Vary: 'Accept-Encoding',
    'Cache-Control': 'no-cache',
  };
  if (noneMatch(c.req.header('if-none-match'), body.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const coding = body.json.length < 1024 ? 'identity' : pickCoding(c.req.header('accept-encoding'));
  const bytes = await encoded(body, coding);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  if (coding !== 'identity') headers['Content-Encoding'] = coding;
  // A Buffer is a Uint8Array over an ArrayBuffer: sent without a copy.
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers,
  });
}

/**
 * Answers a JSON value made for this request only (e.g. a page of the list): compressed like the
 * cached bodies when large enough and accepted, with the given ETag (of the data it was cut from).
 */
export async function sendJson(c: Context, value: unknown, etag: string): Promise<Response> {
  const body: CachedBody<null> = {
    revision: 0,
    data: null,
    etag,
    json: Buffer.from(JSON.stringify(value), 'utf8'),
  };
  return sendCached(c, body);
}
