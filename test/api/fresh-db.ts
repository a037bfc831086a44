/**
 * A fresh, migrated database for one API test file: PGlite in memory, or the PostgreSQL of
 * ATLAS_TEST_DATABASE_URL with its public schema dropped and recreated first (the PostgreSQL run
 * uses --no-file-parallelism, so one file at a time owns it).
 */
import { type Db, openDb } from '../../server/db/index.ts';
import { migrate } from '../../server/db/migrate.ts';

export async function freshDb(): Promise<Db> {
  const url = process.env.ATLAS_TEST_DATABASE_URL;
  const db = await openDb(url ? { databaseUrl: url } : { dataDir: 'memory://' });
  if (url) await db.exec('drop schema public cascade; create schema public;');
  await migrate(db);
  return db;
}
