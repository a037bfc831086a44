/** Keeps the workspace in IndexedDB (one record), so drawn and imported work survives reloads. */
import { openDB } from 'idb';
import { parseWorkspace, type Workspace } from '../../core/workspace/model.ts';

const DB = 'planning-atlas';
const STORE = 'workspace';
const KEY = 'current';

const db = () =>
  openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });

export async function loadWorkspace(): Promise<{ workspace: Workspace; dropped: number }> {
  const value = await (await db()).get(STORE, KEY);
  return parseWorkspace(value);
}

export async function saveWorkspace(ws: Workspace): Promise<void> {
  await (await db()).put(STORE, ws, KEY);
}

export async function clearWorkspace(): Promise<void> {
  await (await db()).delete(STORE, KEY);
}
