import { create } from 'zustand';
import type { Problem } from '../../core/common/problem.ts';
import type { ImportedLayer, Region } from '../../core/workspace/model.ts';
import { checkRegions } from '../../core/workspace/region-repair.ts';
import { dropLayerUrl } from './layer-urls.ts';

export type DrawMode = 'polygon' | 'rectangle' | 'circle' | null;

export interface ImportReport {
  name: string;
  format: string;
  loaded: number;
  total: number;
  /** Structured problems, worded in the UI's language when shown (i18n/problems.ts). */
  problems: Problem[];
  /** Warnings: rows kept, but read differently from how they were written. */
  notes: Problem[];
  /** Why nothing was imported: a problem, 'too-big' (over MAX_IMPORT_BYTES), or null. */
  fatal: Problem | 'too-big' | null;
}

/** A CSV whose coordinate columns could not be found: the user picks them. */
export interface PendingCsv {
  file: File;
  columns: string[];
  preview: string[][];
}

export interface WorkspaceState {
  regions: Region[];
  layers: ImportedLayer[];
  drawMode: DrawMode;
  /** The region being edited in terra-draw's select mode, if any. */
  editing: string | null;
  /** When the last shape was finished (ms): the finishing click must not also select. */
  drawFinishedAt: number;
  /** Which points the region results count: the filtered ledger or an imported point layer. */
  pointsSource: string;
  crs: 'wgs84' | 'gcj02' | 'bd09';
  /** The import under way: what it is doing and how far (0..1). */
  importing: { name: string; stage: string; fraction: number } | null;
  report: ImportReport | null;
  pending: PendingCsv | null;
  /** True once the stored workspace has been read (saving starts after that). */
  restored: boolean;
  /** Regions from the link could not all be written to the URL. */
  urlTooLong: boolean;
}

export const LEDGER_SOURCE = 'ledger';

export const useWorkspace = create<WorkspaceState>()(() => ({
  regions: [],
  layers: [],
  drawMode: null,
  editing: null,
  drawFinishedAt: 0,
  pointsSource: LEDGER_SOURCE,
  crs: 'wgs84',
  importing: null,
  report: null,
  pending: null,
  restored: false,
  urlTooLong: false,
}));

let counter = 0;
export const newId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${(++counter).toString(36)}`;

export function addRegion(region: Region): void {
  useWorkspace.setState((s) => ({
    regions: [...s.regions.filter((r) => r.id !== region.id), region],
  }));
}

export function updateRegion(id: string, patch: Partial<Region>): void {
  useWorkspace.setState((s) => ({
    regions: s.regions.map((r) => (r.id === id ? { ...r, ...patch } : r)),
  }));
}

export function removeRegion(id: string): void {
  useWorkspace.setState((s) => ({ regions: s.regions.filter((r) => r.id !== id) }));
}

export function addLayer(layer: ImportedLayer): void {
  useWorkspace.setState((s) => ({ layers: [...s.layers, layer] }));
}

export function removeLayer(id: string): void {
  dropLayerUrl(id);
  useWorkspace.setState((s) => ({
    layers: s.layers.filter((l) => l.id !== id),
    pointsSource: s.pointsSource === id ? LEDGER_SOURCE : s.pointsSource,
  }));
}

export function toggleLayer(id: string): void {
  useWorkspace.setState((s) => ({
    layers: s.layers.map((l) => (l.id === id ? { ...l, visible: !l.visible } : l)),
  }));
}

/**
 * Every region that appears or changes (drawn, edited, turned from a layer, read from a link or
 * from storage) is checked once: a self-intersecting polygon is repaired into valid parts and a
 * geometry that cannot be used is left out, and the user is told in the import report, region by
 * region (core/workspace/region-repair.ts). Valid regions are left untouched.
 */
useWorkspace.subscribe((state, prev) => {
  if (state.regions === prev.regions) return;
  const c = checkRegions(state.regions, prev.regions);
  if (!c.changed) return;
  const left = c.issues.filter((i) => i.leftOut).length;
  // The report names the region; several at once are counted (ImportPanel words the count).
  const name = c.issues.length === 1 ? c.issues[0]!.name : `${c.issues.length}`;
  useWorkspace.setState({
    regions: c.regions,
    report: {
      name,
      format: 'regions',
      loaded: c.notes.length - left,
      total: c.notes.length,
      problems: [],
      notes: c.notes,
      fatal: null,
    },
  });
});
