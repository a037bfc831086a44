/**
 * Keeps the workspace in IndexedDB (one record), so drawn and imported work survives reloads.
 * What comes back is validated (core/workspace/model.ts parseWorkspace: regions, layers and every
 * layer feature), never cast: a corrupted or outdated record loses only its bad entries, each
 * reported as a Problem.
 */
import { openDB } from 'idb';
import {
  type ParsedWorkspace,
  parseWorkspace,
  type Workspace,
} from '../../core/workspace/model.ts';

const DB = 'planning-atlas';
const STORE = 'workspace';
const KEY = 'current';

const db = () =>
  openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });

/** Reads the stored record (raw, unknown shape). */
async function readStored(): Promise<unknown> {
  return (await db()).get(STORE, KEY);
}

/** The stored workspace, validated; `read` replaces IndexedDB in tests. */
export async function loadWorkspace(
  read: () => Promise<unknown> = readStored,
): Promise<ParsedWorkspace> {
  return parseWorkspace(await read());
}

export async function saveWorkspace(ws: Workspace): Promise<void> {
  await (await db()).put(STORE, ws, KEY);
}

export async function clearWorkspace(): Promise<void> {
  await (await db()).delete(STORE, KEY);
}
