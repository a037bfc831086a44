/**
 * One process at a time on an embedded database directory: PGlite itself does not stop a second
 * process from opening the same folder (both would write it and corrupt it), so whoever opens it
 * writes `atlas.lock` (its process id) there first. A lock left by a process that is gone (kill -9)
 * is taken over; one held by a live process is refused with a clear message.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Directories this process holds (a lock with our own pid but not in here is stale: a restarted
 * container often gets the same pid). */
const held = new Set<string>();

export const LOCK_FILE = 'atlas.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock; returns its release. Throws when a live process holds it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const key = resolve(dir);
  if (held.has(key))
    throw new Error(`the embedded database in ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      held.add(key);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(key);
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new Error(
        `the embedded database in ${dir} is in use by process ${pid} (an atlas server or command); stop it and try again (or use DATABASE_URL for a PostgreSQL server that several processes can share)`,
      );
    }
    rmSync(path, { force: true }); // left by a process that is gone
  }
  throw new Error(`cannot lock the embedded database in ${dir}`);
}
