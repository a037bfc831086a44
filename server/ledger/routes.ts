/**
 * /api/initiatives: the ledger API of SERVER.md. Reads are served from a body cached per ledger
 * revision (ETag, 304, gzip/brotli); writes need an editor or admin, run in one transaction each,
 * and merge stale edits per field (merge.ts).
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { say } from '../../src/core/common/messages.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Db } from '../db/index.ts';
import { requireReader } from '../http/access.ts';
import { RevisionCache, sendCached, sendJson } from '../http/cached.ts';
import { coalesce } from '../http/coalesce.ts';
import { HttpError, readJson, sendError } from '../http/errors.ts';
import { ifMatchVersion, noneMatch } from '../http/etag.ts';
import type { AppEnv } from '../types.ts';
import { runBatch } from './batch.ts';
import { type LedgerRow, parseNewRow, parsePatch } from './rows.ts';
import {
  getRow,
  history,
  initiativeOf,
  insertRow,
  listRows,
  lockRows,
  mergeOnto,
  patchRow,
  revision,
  softDelete,
  updateRow,
  write,
} from './store.ts';

export interface LedgerRoutesOptions {
  /** Anyone may read (default: unless ATLAS_PUBLIC_READ=0). */
  publicRead?: boolean;
}

function userName(c: Context<AppEnv>): string {
  const user = c.get('user');
  if (!user) throw new HttpError(401, 'sign in first');
  return user.name;
}

/** The optional `{"note"}` a DELETE or restore may carry (why, on what authority). */
async function optionalNote(c: Context<AppEnv>): Promise<string | null> {
  const text = await c.req.text();
  if (text.trim() === '') return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  const note = (body as { note?: unknown } | null)?.note;
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string' || note.length > 4000) {
    throw new HttpError(422, 'the note is not valid', {
      errors: [{ field: 'note', ...say('server_note_text', { max: 4000 }) }],
    });
  }
  return note;
}

function nonNegativeInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new HttpError(400, `${name} must be a whole number ≥ 0`);
  return Number(value);
}

export function ledgerRoutes(options: LedgerRoutesOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const cache = new RevisionCache<LedgerRow[]>((items) => JSON.stringify({ items }));
  const editors = requireRole('editor', 'admin');
  const reader = requireReader(options.publicRead);
  // The revision is read for every list request; concurrent requests share one read (never
  // one that started before they arrived), so 50 clients cost one query, not 50. On a database
  // only this process writes (embedded PGlite), it is read again only after a write.
  const revisions = new WeakMap<Db, () => Promise<number>>();
  const known = new WeakMap<Db, { commits: number; revision: number }>();
  const readRevision = async (db: Db) => {
    const commits = db.commits();
    const memo = known.get(db);
    if (db.exclusive && memo?.commits === commits) return memo.revision;
    let read = revisions.get(db);
    if (!read) {
      read = coalesce(() => revision(db));
      revisions.set(db, read);
    }
    const rev = await read();
    if (db.exclusive) known.set(db, { commits, revision: rev });
    return rev;
  };

  app.onError((e, c) => {
    if (e instanceof HttpError) return sendError(c, e);
    throw e;
  });

  app.get('/', reader, async (c) => {
    const db = c.get('db');
    const limit = nonNegativeInt(c.req.query('limit'), 'limit');
    const offset = nonNegativeInt(c.req.query('offset'), 'offset');
    // The revision first, then the rows: a write in between is at worst served under the
    // older tag and rebuilt at the next request, never the older rows under the newer tag.
    const rev = await readRevision(db);
    const all = await cache.get(rev, () => listRows(db));
    if (limit === undefined && offset === undefined) return sendCached(c, all);
    // A page: cut from the same cached list (one read of the table per revision).
    const items = all.data;
    const start = offset ?? 0;
    const page = items.slice(start, limit === undefined ? undefined : start + limit);
    return sendJson(c, { items: page, total: items.length }, all.etag);
  });

  app.post('/batch', editors, bodyLimit({ maxSize: 50 * 1024 * 1024 }), async (c) => {
    const result = await runBatch(c.get('db'), await readJson(c), userName(c), randomUUID());
    return c.json(result, 200);
  });

  app.get('/:id', reader, async (c) => {
    const row = await getRow(c.get('db'), c.req.param('id'));
    if (!row) return c.json({ error: `no row with id "${c.req.param('id')}"` }, 404);
    const etag = `"${row.version}"`;
    if (noneMatch(c.req.header('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: { ETag: etag } });
    }
    c.header('ETag', etag);
    return c.json(row);
  });

  app.post('/', editors, bodyLimit({ maxSize: 1024 * 1024 }), async (c) => {
    const body = await readJson(c);
    const parsed = parseNewRow(body);
    if (!parsed.ok) throw new HttpError(422, 'the row is not valid', { errors: parsed.errors });
    const note = (body as { note?: unknown }).note;
    const ctx = { user: userName(c), note: typeof note === 'string' ? note : null, bump: true };
    const row = await write(c.get('db'), async (q) => ({
      value: await insertRow(q, parsed.value, ctx),
      wrote: false,
    }));
    c.header('ETag', `"${row.version}"`);
    return c.json(row, 201);
  });

  app.patch('/:id', editors, bodyLimit({ maxSize: 1024 * 1024 }), async (c) => {
    const id = c.req.param('id');
    const baseVersion = ifMatchVersion(c.req.header('if-match'));
    const body = await readJson(c);
    const row = await patchRow(
      c.get('db'),
      id,
      async (current, q) => {
        const parsed = parsePatch(body, initiativeOf(current));
        if (!parsed.ok)
          throw new HttpError(422, 'the change is not valid', { errors: parsed.errors });
        const { apply, conflicts } = await mergeOnto(q, current, baseVersion, parsed.value.changes);
        if (conflicts.length) {
          throw new HttpError(409, 'someone else changed the same field(s) since your version', {
            current,
            conflicts,
          });
        }
        return { apply, note: parsed.value.note };
      },
      userName(c),
    );
    c.header('ETag', `"${row.version}"`);
    return c.json(row);
  });

  app.delete('/:id', editors, async (c) => {
    const id = c.req.param('id');
    const version = ifMatchVersion(c.req.header('if-match'));
    const user = userName(c);
    const note = await optionalNote(c);
    await write(c.get('db'), async (q) => {
      const current = (await lockRows(q, [id])).get(id);
      if (!current || current.deleted) throw new HttpError(404, `no row with id "${id}"`);
      if (current.row.version !== version) {
        throw new HttpError(409, `the row changed since your version ${version}`, {
          current: current.row,
          conflicts: [],
        });
      }
      return { value: await softDelete(q, current.row, { user, note, bump: true }), wrote: false };
    });
    return c.body(null, 204);
  });

  app.post('/:id/restore', editors, async (c) => {
    const id = c.req.param('id');
    const user = userName(c);
    const note = await optionalNote(c);
    const row = await write(c.get('db'), async (q) => {
      const current = (await lockRows(q, [id])).get(id);
      if (!current) throw new HttpError(404, `no row with id "${id}"`);
      if (!current.deleted) {
        throw new HttpError(409, `the row "${id}" is not deleted`, {
          current: current.row,
          conflicts: [],
        });
      }
      const ctx = { user, note, bump: true };
      return { value: await updateRow(q, current.row, {}, ctx, 'restore'), wrote: false };
    });
    c.header('ETag', `"${row.version}"`);
    return c.json(row);
  });

  app.get('/:id/history', reader, async (c) => {
    const changes = await history(c.get('db'), c.req.param('id'));
    if (!changes) return c.json({ error: `no row with id "${c.req.param('id')}"` }, 404);
    return c.json({ changes });
  });

  return app;
}
