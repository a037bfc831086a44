/**
 * Keeps the workspace in IndexedDB, so drawn and imported work survives reloads: one record for
 * regions and layers, and a big point layer's columns in chunks beside it (table-store.ts).
 * What comes back is validated (core/workspace/model.ts parseWorkspace: regions, layers and every
 * layer feature; table-store.ts: every chunk), never cast: a corrupted or outdated record loses
 * only its bad entries, each reported as a Problem. When the browser refuses the space for a
 * layer, the save says which layer and how much, and the rest is kept.
 */
import { type IDBPDatabase, openDB } from 'idb';
import { say } from '../../core/common/messages.ts';
import {
  type ImportedLayer,
  type ParsedWorkspace,
  parseWorkspace,
  type StoredTable,
  type Workspace,
} from '../../core/workspace/model.ts';
import {
  CHUNKS,
  deleteTable,
  readTable,
  storedTableIds,
  tableBytes,
  writeTable,
} from './table-store.ts';

const DB = 'planning-atlas';
const STORE = 'workspace';
const KEY = 'current';

const db = () =>
  openDB(DB, 2, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(STORE)) d.createObjectStore(STORE);
      if (!d.objectStoreNames.contains(CHUNKS)) d.createObjectStore(CHUNKS);
    },
  });

/** Table layers whose chunks are in IndexedDB, with their layout. */
const storedLayouts = new Map<string, StoredTable>();

/** Reads the stored record (raw, unknown shape). */
async function readStored(): Promise<unknown> {
  return (await db()).get(STORE, KEY);
}

/** Reads the columns of the stored table layers; a layer whose chunks fail is left out, said. */
async function readTables(parsed: ParsedWorkspace, d: IDBPDatabase): Promise<ParsedWorkspace> {
  const layers: ImportedLayer[] = [];
  const problems = [...parsed.problems];
  let dropped = parsed.dropped;
  for (const l of parsed.workspace.layers) {
    if (!l.stored) {
      layers.push(l);
      continue;
    }
    const { stored, ...rest } = l;
    try {
      const table = await readTable(d, l.id, stored);
      storedLayouts.set(l.id, stored);
      layers.push({ ...rest, table });
    } catch (e) {
      dropped++;
      problems.push({
        file: l.name,
        field: 'layer',
        ...say('app_layer_unreadable', { error: e instanceof Error ? e.message : String(e) }),
      });
    }
  }
  // Chunks no layer refers to (a save cut short) are removed.
  for (const id of await storedTableIds(d)) {
    if (!storedLayouts.has(id)) await deleteTable(d, id);
  }
  return { workspace: { ...parsed.workspace, layers }, dropped, problems };
}

/** The stored workspace, validated; `read` replaces IndexedDB in tests (tables then not read). */
export async function loadWorkspace(read?: () => Promise<unknown>): Promise<ParsedWorkspace> {
  if (read) return parseWorkspace(await read());
  const parsed = parseWorkspace(await readStored());
  return readTables(parsed, await db());
}

/** A layer the browser refused to keep: how much was asked, and what it said. */
export interface Refused {
  id: string;
  name: string;
  bytes: number;
  error: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Saves the workspace (one save at a time, in order). A table layer's chunks are written once;
 * when that fails (quota, or the browser aborting the transaction), the layer is left out of the
 * record, its partial chunks removed, and it is returned in `refused`.
 */
export function saveWorkspace(ws: Workspace): Promise<{ refused: Refused[] }> {
  const run = queue.then(() => save(ws));
  queue = run.catch(() => {});
  return run;
}

async function save(ws: Workspace): Promise<{ refused: Refused[] }> {
  const d = await db();
  const refused: Refused[] = [];
  const layers: ImportedLayer[] = [];
  for (const l of ws.layers) {
    const { table, sessionOnly: _session, ...rest } = l;
    if (!table) {
      layers.push(rest);
      continue;
    }
    if (l.sessionOnly) continue;
    let stored = storedLayouts.get(l.id);
    if (!stored) {
      try {
        stored = await writeTable(d, l.id, table);
        storedLayouts.set(l.id, stored);
      } catch (e) {
        const name =
          e instanceof DOMException ? e.name : e instanceof Error ? e.message : String(e);
        refused.push({ id: l.id, name: l.name, bytes: tableBytes(table), error: name });
        await deleteTable(d, l.id).catch(() => {});
        continue;
      }
    }
    layers.push({ ...rest, stored });
  }
  await d.put(STORE, { regions: ws.regions, layers }, KEY);
  const kept = new Set(ws.layers.map((l) => l.id));
  for (const id of [...storedLayouts.keys()]) {
    if (!kept.has(id)) {
      storedLayouts.delete(id);
      await deleteTable(d, id);
    }
  }
  return { refused };
}

export async function clearWorkspace(): Promise<void> {
  const d = await db();
  await d.delete(STORE, KEY);
  await d.clear(CHUNKS);
  storedLayouts.clear();
}
