/**
 * A table layer's columns in IndexedDB, in chunks of at most 2 MB (or 20,000 strings of a text
 * column's table), keyed `<layer id>|<array>|<chunk no.>`: a million points are never one record
 * nor one structured clone of objects. A layer is written in one transaction, so it is kept
 * whole or not at all.
 */
import type { IDBPDatabase } from 'idb';
import type { StoredTable } from '../../core/workspace/model.ts';
import type { PointTable, TableColumn } from '../../core/workspace/point-table.ts';

export const CHUNKS = 'chunks';
const CHUNK_BYTES = 2 * 1024 * 1024;
const DICT_CHUNK = 20_000;

type Typed = Float64Array | Uint32Array;

const key = (id: string, array: string, k: number) => `${id}|${array}|${k}`;

/** The arrays of a table by stored name, and its layout. */
function arraysOf(table: PointTable): { typed: Map<string, Typed>; dicts: Map<string, string[]> } {
  const typed = new Map<string, Typed>([
    ['lons', table.lons],
    ['lats', table.lats],
    ['rows', table.rows],
  ]);
  const dicts = new Map<string, string[]>();
  table.columns.forEach((c, j) => {
    if (c.kind === 'number') typed.set(`c${j}`, c.values);
    else {
      typed.set(`c${j}`, c.codes);
      dicts.set(`d${j}`, c.dict);
    }
  });
  return { typed, dicts };
}

/** Bytes the columns take (what the browser is asked to keep). */
export function tableBytes(table: PointTable): number {
  const { typed, dicts } = arraysOf(table);
  let n = 0;
  for (const a of typed.values()) n += a.byteLength;
  for (const d of dicts.values()) for (const s of d) n += 2 * s.length + 8;
  return n;
}

/** Writes every chunk of a table in one transaction; the layout to read it back. */
export async function writeTable(
  db: IDBPDatabase,
  id: string,
  table: PointTable,
): Promise<StoredTable> {
  const { typed, dicts } = arraysOf(table);
  const parts: Record<string, number> = {};
  const tx = db.transaction(CHUNKS, 'readwrite');
  const store = tx.objectStore(CHUNKS);
  const puts: Promise<unknown>[] = [];
  for (const [name, a] of typed) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const count = Math.ceil(bytes.length / CHUNK_BYTES);
    parts[name] = count;
    for (let k = 0; k < count; k++) {
      puts.push(
        store.put(bytes.slice(k * CHUNK_BYTES, (k + 1) * CHUNK_BYTES).buffer, key(id, name, k)),
      );
    }
  }
  for (const [name, d] of dicts) {
    const count = Math.ceil(d.length / DICT_CHUNK);
    parts[name] = count;
    for (let k = 0; k < count; k++) {
      puts.push(store.put(d.slice(k * DICT_CHUNK, (k + 1) * DICT_CHUNK), key(id, name, k)));
    }
  }
  await Promise.all([...puts, tx.done]);
  return {
    count: table.count,
    bbox: table.bbox,
    columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
    parts,
  };
}

/** Reads a table back; throws when a chunk is missing or does not fit the layout. */
export async function readTable(
  db: IDBPDatabase,
  id: string,
  stored: StoredTable,
): Promise<PointTable> {
  const tx = db.transaction(CHUNKS, 'readonly');
  const store = tx.objectStore(CHUNKS);
  const bytesOf = async (name: string, bytesPer: number): Promise<ArrayBuffer> => {
    const count = stored.parts[name] ?? 0;
    const chunks: unknown[] = await Promise.all(
      Array.from({ length: count }, (_, k) => store.get(key(id, name, k))),
    );
    const total = stored.count * bytesPer;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      if (!(c instanceof ArrayBuffer) || at + c.byteLength > total) {
        throw new Error(`stored chunk of ${name} missing or too long`);
      }
      out.set(new Uint8Array(c), at);
      at += c.byteLength;
    }
    if (at !== total) throw new Error(`stored ${name} holds ${at} bytes, expected ${total}`);
    return out.buffer;
  };
  const dictOf = async (name: string): Promise<string[]> => {
    const count = stored.parts[name] ?? 0;
    const chunks: unknown[] = await Promise.all(
      Array.from({ length: count }, (_, k) => store.get(key(id, name, k))),
    );
    const out: string[] = [];
    for (const c of chunks) {
      if (!Array.isArray(c) || !c.every((s) => typeof s === 'string')) {
        throw new Error(`stored text table ${name} missing or not text`);
      }
      for (const s of c as string[]) out.push(s);
    }
    return out;
  };
  const lons = new Float64Array(await bytesOf('lons', 8));
  const lats = new Float64Array(await bytesOf('lats', 8));
  const rows = new Uint32Array(await bytesOf('rows', 4));
  const columns: TableColumn[] = [];
  for (const [j, c] of stored.columns.entries()) {
    if (c.kind === 'number') {
      columns.push({
        name: c.name,
        kind: 'number',
        values: new Float64Array(await bytesOf(`c${j}`, 8)),
      });
    } else {
      const codes = new Uint32Array(await bytesOf(`c${j}`, 4));
      const dict = await dictOf(`d${j}`);
      for (const code of codes) {
        if (code >= dict.length) throw new Error(`stored text column ${c.name} has a bad code`);
      }
      columns.push({ name: c.name, kind: 'text', codes, dict });
    }
  }
  await tx.done;
  return { count: stored.count, lons, lats, rows, columns, bbox: stored.bbox };
}

/** Deletes every chunk of a layer. */
export async function deleteTable(db: IDBPDatabase, id: string): Promise<void> {
  await db.delete(CHUNKS, IDBKeyRange.bound(`${id}|`, `${id}|\uffff`));
}

/** Layer ids that have chunks stored. */
export async function storedTableIds(db: IDBPDatabase): Promise<Set<string>> {
  const keys = await db.getAllKeys(CHUNKS);
  return new Set(keys.map((k) => String(k).split('|')[0] ?? ''));
}
