/**
 * Schema changes as numbered SQL files (`server/migrations/NNN_name.sql`), applied at start in
 * order, each in its own transaction, and recorded in `schema_migrations`. A file once applied
 * is never applied again; a failing file rolls back and stops the start with its name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './index.ts';

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 3)),
      name: f,
      sql: readFileSync(join(dir, f), 'utf8'),
    }));
}

/** Applies the migrations not yet applied; returns the names applied now. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await db.query(
    `create table if not exists schema_migrations (
       version integer primary key,
       name text not null,
       applied_at timestamptz not null default now()
     )`,
  );
  const done = new Set(
    (await db.query<{ version: number }>('select version from schema_migrations')).rows.map(
      (r) => r.version,
    ),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    try {
      await db.tx(async (q) => {
        await q.exec(m.sql);
        await q.query('insert into schema_migrations (version, name) values ($1, $2)', [
          m.version,
          m.name,
        ]);
      });
    } catch (e) {
      throw new Error(`migration ${m.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    applied.push(m.name);
  }
  return applied;
}
