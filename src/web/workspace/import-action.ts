/** The import action of the UI: size check, worker parse, then a layer or a question. */

import { proxy, transfer } from 'comlink';
import type { MultiPolygon, Polygon } from 'geojson';
import { create } from 'zustand';
import { say } from '../../core/common/messages.ts';
import type { ImportedLayer, Region } from '../../core/workspace/model.ts';
import { atlasWorker } from '../../worker/client.ts';
import { useAtlas } from '../state/store.ts';
import { setLayerBytes } from './layer-urls.ts';
import { addLayer, newId, useWorkspace } from './store.ts';
import { keptByWorker } from './table-views.ts';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** A workbook of several sheets just imported (or refused): the user may read another sheet. */
export interface SheetChoice {
  file: File;
  sheets: string[];
  sheet: string;
}

export const useSheetChoice = create<{ choice: SheetChoice | null }>()(() => ({ choice: null }));

/** Imports a file; `columns` are the picked coordinate columns, `sheet` a workbook's sheet. */
export async function importUserFile(
  file: File,
  columns: { lonField?: string; latField?: string; sheet?: string } = {},
): Promise<void> {
  const { crs } = useWorkspace.getState();
  useWorkspace.setState({ pending: null });
  useSheetChoice.setState({ choice: null });
  if (file.size > MAX_IMPORT_BYTES) {
    useWorkspace.setState({
      report: {
        name: file.name,
        format: '?',
        loaded: 0,
        total: 0,
        problems: [],
        notes: [],
        fatal: 'too-big',
      },
    });
    return;
  }
  useWorkspace.setState({
    importing: { name: file.name, stage: 'reading', fraction: 0 },
    report: null,
  });
  try {
    const buffer = await file.arrayBuffer();
    useWorkspace.setState({ importing: { name: file.name, stage: 'parsing', fraction: 0.02 } });
    const onProgress = proxy((fraction: number, stage: string) => {
      if (useWorkspace.getState().importing?.name === file.name) {
        useWorkspace.setState({ importing: { name: file.name, stage, fraction } });
      }
    });
    const id = newId('layer');
    const r = await atlasWorker().importFile(
      transfer(buffer, [buffer]),
      file.name,
      { crs, ...columns, keepAs: id },
      onProgress,
    );
    if (r.sheets && r.sheets.length > 1 && r.sheet !== null) {
      useSheetChoice.setState({ choice: { file, sheets: r.sheets, sheet: r.sheet } });
    }
    if (r.pick) {
      const preview = r.pick.preview;
      useWorkspace.setState({ pending: { file, columns: r.pick.columns, preview } });
    }
    if (r.fatal !== null) {
      useWorkspace.setState({
        report: {
          name: file.name,
          format: r.format,
          loaded: 0,
          total: r.total,
          problems: r.problems,
          notes: r.notes,
          fatal: r.pick ? null : r.fatal,
        },
      });
      return;
    }
    const layer: ImportedLayer = {
      id,
      name: r.sheets && r.sheets.length > 1 && r.sheet ? `${file.name} (${r.sheet})` : file.name,
      kind: r.kind,
      data: r.data,
      visible: true,
      total: r.total,
      skipped: r.problemCount,
      crs,
      // A big point file comes as columns (core/workspace/point-table.ts), drawn by deck.gl.
      ...(r.table ? { table: r.table } : {}),
    };
    if (r.bytes) setLayerBytes(layer.id, r.bytes);
    if (r.table) keptByWorker(layer.id, r.table);
    addLayer(layer);
    // Show what was imported.
    if (r.bbox) useAtlas.getState().flyTo({ bbox: r.bbox, maxZoom: 14 });
    useWorkspace.setState({
      report: {
        name: file.name,
        format: r.format,
        loaded: r.table ? r.table.count : r.data.features.length,
        total: r.total,
        problems: r.problems,
        notes: r.notes,
        fatal: null,
      },
    });
  } catch (e) {
    useWorkspace.setState({
      report: {
        name: file.name,
        format: '?',
        loaded: 0,
        total: 0,
        problems: [],
        notes: [],
        fatal: say('app_import_failed', { error: e instanceof Error ? e.message : String(e) }),
      },
    });
  } finally {
    useWorkspace.setState({ importing: null });
  }
}

/** Polygon features of an imported layer as regions (named from `name`, else the layer). */
export function layerRegions(layer: ImportedLayer): Region[] {
  const out: Region[] = [];
  layer.data.features.forEach((f, i) => {
    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const label = p.name ?? p.name_en ?? p.name_zh ?? p.id ?? f.id;
    out.push({
      id: newId('region'),
      name:
        label !== undefined && label !== null
          ? String(label).slice(0, 200)
          : `${layer.name} #${i + 1}`,
      shape: 'imported',
      geometry: g as Polygon | MultiPolygon,
    });
  });
  return out;
}
