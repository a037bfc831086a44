/**
 * The page's side of the big point layers (tables): the worker holds a copy of each table (sent
 * once per layer; an import leaves one there itself) and answers which points pass a layer's
 * filter; the answer is kept here for the map and the layer's table. Layers removed from the
 * workspace are dropped from the worker.
 */
import { create } from 'zustand';
import type { ImportedLayer } from '../../core/workspace/model.ts';
import type { PointTable, TableFilter } from '../../core/workspace/point-table.ts';
import { atlasWorker } from '../../worker/client.ts';
import { useWorkspace } from './store.ts';

/** The points of a table layer shown and counted: all, or those at `indices`. */
export interface TableView {
  key: string;
  indices: Uint32Array | 'all';
}

export const useTableViews = create<{ views: Record<string, TableView> }>()(() => ({
  views: {},
}));

/** The filter as a key: blank filters are "all". */
export const filterKey = (f: TableFilter): string =>
  f && f.text.trim() !== '' ? JSON.stringify([f.column, f.text.trim().toLowerCase()]) : 'all';

const inWorker = new Map<string, Promise<unknown>>();
const tablesSent = new Map<string, PointTable>();

/** Marks a table the worker already holds (it kept it during the import). */
export function keptByWorker(id: string, table: PointTable): void {
  tablesSent.set(id, table);
  inWorker.set(id, Promise.resolve());
}

/** Resolves when the worker holds the layer's table (sent, as a copy, on first need). */
export function tableInWorker(layer: ImportedLayer): Promise<unknown> {
  const table = layer.table;
  if (!table) return Promise.resolve();
  if (tablesSent.get(layer.id) !== table) {
    tablesSent.set(layer.id, table);
    inWorker.set(layer.id, atlasWorker().putTable(layer.id, table));
  }
  return inWorker.get(layer.id) ?? Promise.resolve();
}

const asked = new Map<string, string>();

function sync(layers: readonly ImportedLayer[]): void {
  const ids = new Set(layers.map((l) => l.id));
  for (const id of [...tablesSent.keys()]) {
    if (ids.has(id)) continue;
    tablesSent.delete(id);
    inWorker.delete(id);
    asked.delete(id);
    void atlasWorker().dropTable(id);
    useTableViews.setState((s) => {
      const { [id]: _gone, ...rest } = s.views;
      return { views: rest };
    });
  }
  for (const l of layers) {
    if (!l.table) continue;
    const key = filterKey(l.filter);
    if (asked.get(l.id) === key) continue;
    asked.set(l.id, key);
    if (key === 'all') {
      useTableViews.setState((s) => ({ views: { ...s.views, [l.id]: { key, indices: 'all' } } }));
      void tableInWorker(l);
      continue;
    }
    const filter = l.filter ?? null;
    tableInWorker(l)
      .then(() => atlasWorker().tableIndices(l.id, filter))
      .then((indices) => {
        if (asked.get(l.id) !== key) return;
        useTableViews.setState((s) => ({ views: { ...s.views, [l.id]: { key, indices } } }));
      })
      .catch(() => asked.delete(l.id));
  }
}

useWorkspace.subscribe((s, prev) => {
  if (s.layers !== prev.layers) sync(s.layers);
});

/** How many points of a table layer are shown (null while the filter is being applied). */
export function shownCount(layer: ImportedLayer, view: TableView | undefined): number | null {
  if (!layer.table) return null;
  if (!view || view.key !== filterKey(layer.filter)) return null;
  return view.indices === 'all' ? layer.table.count : view.indices.length;
}
