/**
 * The worker's thematic maps (core/thematic): a choropleth of the boundaries or of given regions,
 * H3 hexagons, or hexagon centres for a heatmap, over the filtered ledger (columns sent by the
 * page) or a big imported layer the worker holds (a table, point-table.ts: binned in place, up to
 * a million points, without freezing the page). Plain functions, spread into the worker's API.
 */
import type { FeatureCollection } from 'geojson';
import { toNumber } from '../core/common/number.ts';
import type { Measure } from '../core/thematic/choropleth-values.ts';
import type { ClassMethod } from '../core/thematic/class-breaks.ts';
import {
  type ChoroplethMap,
  choroplethMap,
  type HexagonMap,
  hexagonMap,
  type ThematicPoints,
} from '../core/thematic/thematic-map.ts';
import type { PointTable, TableFilter } from '../core/workspace/point-table.ts';
import { shownKey, type TimeChoice, tableRowsShown } from './table-time.ts';

export type ThematicSource =
  | { kind: 'columns'; lons: Float64Array; lats: Float64Array; values?: Float64Array }
  | {
      kind: 'table';
      id: string;
      filter: TableFilter;
      field: string | null;
      /** On the timeline: the points shown as of the year (core/time/rows-as-of.ts). */
      time?: TimeChoice;
    };

export interface ThematicRequest {
  map: 'choropleth' | 'hexagons' | 'heatmap';
  source: ThematicSource;
  measure: Measure;
  /** The regions of a choropleth; null: the city boundaries. */
  regions: FeatureCollection | null;
  method: ClassMethod;
  classes: number;
  /** H3 resolution of hexagons (a heatmap bins one step finer). */
  resolution: number;
}

export type ThematicResult =
  | ({ map: 'choropleth'; ms: number } & ChoroplethMap)
  | ({ map: 'hexagons' | 'heatmap'; ms: number } & HexagonMap);

/** A table's column as numbers (NaN = blank or not a number, read by THE number parser). */
export function tableNumbers(table: PointTable, name: string | null): Float64Array | undefined {
  const col = name === null ? undefined : table.columns.find((c) => c.name === name);
  if (!col) return undefined;
  if (col.kind === 'number') return col.values;
  const byCode = Float64Array.from(col.dict, (s) => toNumber(s) ?? Number.NaN);
  return Float64Array.from(col.codes, (c) => byCode[c]!);
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

export function createThematicApi(deps: {
  boundaries: () => FeatureCollection | null;
  table: (id: string) => PointTable;
}) {
  /** The last few hexagon results (panning at one zoom, or switching back, costs nothing). */
  const cache = new Map<string, HexagonMap>();
  const tableKeys = new WeakMap<PointTable, number>();
  let tableSeq = 0;

  const pointsOf = (source: ThematicSource): { points: ThematicPoints; key: string | null } => {
    if (source.kind === 'columns') {
      const { lons, lats, values } = source;
      return { points: { lons, lats, ...(values ? { values } : {}) }, key: null };
    }
    const t = deps.table(source.id);
    let tk = tableKeys.get(t);
    if (tk === undefined) {
      tk = ++tableSeq;
      tableKeys.set(t, tk);
    }
    const text = source.filter?.text.trim() ?? '';
    const time = source.time ?? null;
    const values = tableNumbers(t, source.field);
    return {
      points: {
        lons: t.lons,
        lats: t.lats,
        ...(values ? { values } : {}),
        ...(text || time ? { indices: tableRowsShown(t, source.filter, time) } : {}),
      },
      key: JSON.stringify([source.id, tk, shownKey(source.filter, time), source.field]),
    };
  };

  return {
    thematicMap(req: ThematicRequest): ThematicResult {
      const t0 = now();
      const { points, key } = pointsOf(req.source);
      const opts = { method: req.method, classes: req.classes };
      if (req.map === 'choropleth') {
        const regions = req.regions ?? deps.boundaries();
        if (!regions) throw new Error('no boundary layer loaded');
        const r = choroplethMap(regions, points, req.measure, opts);
        return { map: 'choropleth', ...r, ms: now() - t0 };
      }
      const as = req.map === 'heatmap' ? 'centres' : 'hexagons';
      const res = req.resolution + (req.map === 'heatmap' ? 1 : 0);
      const k = key && JSON.stringify([key, req.measure, req.method, req.classes, as, res]);
      let r = k ? cache.get(k) : undefined;
      if (!r) {
        r = hexagonMap(points, req.measure, res, { ...opts, as });
        if (k) {
          cache.set(k, r);
          if (cache.size > 6) cache.delete(cache.keys().next().value as string);
        }
      }
      return { map: req.map, ...r, ms: now() - t0 };
    },
  };
}
