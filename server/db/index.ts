/**
 * The database: one interface over embedded PGlite (default) and a real PostgreSQL server
 * (`DATABASE_URL`). The same SQL runs on both; every value travels as a parameter ($1, $2...),
 * never spliced into the text. Writes that belong together run in one transaction (`tx`).
 */
import type { PGlite as PGliteType } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { lockDataDir } from './lock.ts';

export type DbKind = 'pglite' | 'postgres';

/** What a query runs on: the database, or one transaction of it. */
export interface Queryable {
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  kind: DbKind;
  /**
   * True when no other process can write this database: embedded PGlite, whose directory this
   * process holds locked (db/lock.ts), and where a query never runs inside another caller's
   * transaction. Then data read after `commits()` returned n is still current while it returns n.
   */
  exclusive: boolean;
  /** Transactions this process has committed (see `exclusive`). */
  commits(): number;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** `postgres://...`: a PostgreSQL server. Otherwise PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite's folder (default `./.atlas`), or `memory://` for a throw-away database. */
  dataDir?: string | undefined;
}

/** The database the environment names: `DATABASE_URL`, else PGlite in `ATLAS_DATA_DIR`. */
export function dbOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DbOptions {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.ATLAS_DATA_DIR || '.atlas' };
}

export async function openDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? '.atlas');
}

async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  let pg: PGliteType;
  // PGlite does not stop a second process from opening the folder: atlas.lock does (db/lock.ts).
  const release = dataDir.includes('://') ? () => {} : lockDataDir(dataDir);
  try {
    pg = await PGlite.create(dataDir);
  } catch (e) {
    release();
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `cannot open the embedded database in ${dataDir} (${why}); is another atlas server or command using it? Stop it and try again.`,
    );
  }
  const run = async <T>(q: Pick<PGliteType, 'query'>, sql: string, params?: readonly unknown[]) => {
    const r = await q.query<T>(sql, params ? [...params] : []);
    return { rows: r.rows };
  };
  // Counted at the end of every transaction and every statement outside one (a rolled-back
  // transaction counts too: a spare re-read, never a missed one).
  let commits = 0;
  return {
    kind: 'pglite',
    exclusive: true,
    commits: () => commits,
    query: async (sql, params) => {
      try {
        return await run(pg, sql, params);
      } finally {
        if (!/^\s*select\b/i.test(sql)) commits++;
      }
    },
    exec: async (sql) => {
      try {
        await pg.exec(sql);
      } finally {
        commits++;
      }
    },
    tx: async (fn) => {
      try {
        return await pg.transaction((t) =>
          fn({
            query: (sql, params) => run(t, sql, params),
            exec: async (sql) => {
              await t.exec(sql);
            },
          }),
        );
      } finally {
        commits++;
      }
    },
    close: async () => {
      await pg.close();
      release();
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  // int8 (bigint, e.g. count(*) and revision counters) as JS numbers: ours stay far below 2^53.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  // numeric (investment) as numbers too: amounts in yuan are integers well below 2^53.
  pg.types.setTypeParser(1700, (v: string) => Number(v));
  const pool: Pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('select 1');
  const run = async <T>(c: Pool | PoolClient, sql: string, params?: readonly unknown[]) => {
    const r = await c.query(sql, params ? [...params] : []);
    return { rows: r.rows as T[] };
  };
  return {
    kind: 'postgres',
    // Other instances may write the same database: every read asks it.
    exclusive: false,
    commits: () => 0,
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
