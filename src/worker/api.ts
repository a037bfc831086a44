/**
 * The analytics the app runs off the main thread. Plain functions over plain data, so the same
 * object is exposed by the Worker (Comlink) and called directly by the unit tests.
 */
import { transfer } from 'comlink';
import type { FeatureCollection } from 'geojson';
import { GridIndex, greenShare, regionTotals } from '../core/analytics/index.ts';
import type { FeaturesInput, PointSet } from '../core/analytics/types.ts';
import {
  type CityCoverage,
  type CoverageLayers,
  cityCoverage,
  type PlaceAnswer,
  placeCheck,
} from '../core/green/access.ts';
import { type CityDetail, cityDetail, type NewPark } from '../core/green/detail.ts';
import {
  type ImportOptions,
  type ImportOutcome,
  importFile,
} from '../core/workspace/import-file.ts';
import { tableResultPoints } from '../core/workspace/layer-points.ts';
import type { Region } from '../core/workspace/model.ts';
import { filterIndices, type PointTable, type TableFilter } from '../core/workspace/point-table.ts';
import {
  type PreparedPoints,
  prepareResultPoints,
  type RegionResult,
  type ResultPoints,
  regionResults,
} from '../core/workspace/results.ts';
import { shownKey, type TimeChoice, tableRowsShown } from './table-time.ts';
import { createThematicApi } from './thematic-api.ts';

/** The buffers of a table (to transfer it). */
export function tableBuffers(t: PointTable): ArrayBuffer[] {
  const out = [t.lons.buffer, t.lats.buffer, t.rows.buffer];
  for (const c of t.columns) out.push(c.kind === 'number' ? c.values.buffer : c.codes.buffer);
  return out as ArrayBuffer[];
}

/** A copy of a table (the worker keeps one and hands the other over). */
export function copyTable(t: PointTable): PointTable {
  return {
    ...t,
    lons: t.lons.slice(),
    lats: t.lats.slice(),
    rows: t.rows.slice(),
    columns: t.columns.map((c) =>
      c.kind === 'number' ? { ...c, values: c.values.slice() } : { ...c, codes: c.codes.slice() },
    ),
  };
}

/** The filtered ledger as columns (transferable). NaN investment = not stated. */
export interface LedgerColumns {
  lons: Float64Array;
  lats: Float64Array;
  investment: Float64Array;
}

export interface CityFigures {
  id: string;
  area_m2: number;
  /** Area of the mapped green-space polygons inside the boundary (overlaps counted once). */
  green_m2: number;
  /** green_m2 / area_m2 (0..1). */
  green_share: number;
  /** Filtered ledger rows located inside the boundary (the boundary counts as inside). */
  count: number;
  /** Sum of the stated investment of those rows (yuan). */
  investment_cny: number;
  /** Rows inside with no stated investment. */
  investment_unknown: number;
}

export interface FiguresResult {
  cities: CityFigures[];
  /** Wall time inside the worker, ms. */
  ms: number;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

export function createAtlasApi() {
  let boundaries: FeatureCollection | null = null;
  let greenLayer: FeatureCollection = { type: 'FeatureCollection', features: [] };
  let extra: CoverageLayers = {};
  let green = new Map<string, { area_m2: number; green_m2: number; share: number }>();
  /** Big point layers (point-table.ts) by layer id, and each one's points prepared for counting
   * under its current filter (the grid index is built once per layer and filter). */
  const tables = new Map<string, PointTable>();
  const prepared = new Map<string, { key: string; points: PreparedPoints }>();
  const table = (id: string): PointTable => {
    const t = tables.get(id);
    if (!t) throw new Error(`layer ${id} is not in the worker`);
    return t;
  };

  return {
    /**
     * Receives the boundary and green-space layers and precomputes each boundary's area and
     * green area (they do not depend on the ledger filters).
     */
    setLayers(
      b: FeatureCollection | null,
      g: FeatureCollection | null,
      layers: CoverageLayers = {},
    ): { ms: number } {
      const t0 = now();
      boundaries = b;
      extra = layers;
      greenLayer = g ?? { type: 'FeatureCollection', features: [] };
      green = new Map();
      if (b) {
        const res = greenShare(b as FeaturesInput, (g?.features ?? []) as FeaturesInput);
        for (const r of res.regions) {
          green.set(String(r.id), { area_m2: r.area_m2, green_m2: r.green_m2, share: r.share });
        }
      }
      return { ms: now() - t0 };
    },

    /** Figures for the given cities (all boundaries when `ids` is empty) and the given rows. */
    cityFigures(ids: readonly string[], ledger: LedgerColumns): FiguresResult {
      const t0 = now();
      if (!boundaries) return { cities: [], ms: 0 };
      const wanted = new Set(ids);
      const regions = boundaries.features.filter(
        (f) => wanted.size === 0 || wanted.has(String(f.id ?? f.properties?.id)),
      );
      const points: PointSet = {
        lons: ledger.lons,
        lats: ledger.lats,
        columns: { investment_cny: ledger.investment },
      };
      const totals = regionTotals(regions as FeaturesInput, points, {
        sum: ['investment_cny'],
        index: GridIndex.build(points.lons, points.lats),
      });
      const cities = totals.regions.map((t) => {
        const id = String(t.id);
        const g = green.get(id);
        return {
          id,
          area_m2: t.area_m2,
          green_m2: g?.green_m2 ?? 0,
          green_share: g?.share ?? 0,
          count: t.count,
          investment_cny: t.sums.investment_cny ?? 0,
          investment_unknown: t.missing.investment_cny ?? 0,
        };
      });
      return { cities, ms: now() - t0 };
    },

    /** Park service-area coverage of the given cities (all when empty) under a rule. */
    coverage(
      ids: readonly string[],
      rule: string,
    ): CityCoverage & { green_m2: Record<string, number>; ms: number } {
      const t0 = now();
      if (!boundaries) throw new Error('no boundary layer loaded');
      const result = cityCoverage(boundaries, greenLayer, ids, rule, extra);
      const green_m2 = Object.fromEntries(
        result.cities.map((c) => [String(c.id), green.get(String(c.id))?.green_m2 ?? 0]),
      );
      return { ...result, green_m2, ms: now() - t0 };
    },

    /** One city's distance bands, largest gaps and, optionally, coverage with a new park. */
    cityDetail(
      id: string,
      rule: string,
      newPark: NewPark | null,
    ): (CityDetail & { ms: number }) | null {
      const t0 = now();
      if (!boundaries) throw new Error('no boundary layer loaded');
      const d = cityDetail(boundaries, greenLayer, id, rule, newPark);
      return d && { ...d, ms: now() - t0 };
    },

    /** Reads a user's file (CSV, GeoJSON, KML, GPX, zipped Shapefile) into WGS84 GeoJSON. */
    async importFile(
      buffer: ArrayBuffer,
      name: string,
      options: Omit<ImportOptions, 'onProgress'> & { keepAs?: string },
      onProgress?: (fraction: number, stage: string) => void,
    ): Promise<ImportOutcome> {
      // Progress messages at most every 100 ms (each one is a message to the page).
      let last = 0;
      const report = (f: number, stage: string) => {
        const t = now();
        if (!onProgress || (t - last < 100 && f < 1)) return;
        last = t;
        void onProgress(f, stage);
      };
      const { keepAs, ...rest } = options;
      const r = await importFile(buffer, name, { ...rest, onProgress: report });
      if (r.table) {
        // The worker keeps a copy for filters and region results; the page gets the original.
        if (keepAs !== undefined) tables.set(keepAs, copyTable(r.table));
        return transfer(r, tableBuffers(r.table));
      }
      return r.bytes ? transfer(r, [r.bytes]) : r;
    },

    /** Holds a table layer (e.g. read back from storage) for filters and region results. */
    putTable(id: string, t: PointTable): void {
      tables.set(id, t);
      prepared.delete(id);
    },

    dropTable(id: string): void {
      tables.delete(id);
      prepared.delete(id);
    },

    /** The positions of a table layer's points passing its filter (point-table.ts). */
    tableIndices(id: string, filter: TableFilter): Uint32Array {
      const out = filterIndices(table(id), filter);
      return transfer(out, [out.buffer as ArrayBuffer]);
    },

    /**
     * Region results over a table layer's points shown: passing its filter and, on the timeline,
     * as of the year (one index per filter and year).
     */
    layerRegionResults(
      regions: readonly Region[],
      id: string,
      filter: TableFilter,
      rule: string,
      time: TimeChoice = null,
    ): { results: RegionResult[]; ms: number } {
      const t0 = now();
      const key = shownKey(filter, time);
      let p = prepared.get(id);
      if (!p || p.key !== key) {
        const t = table(id);
        p = {
          key,
          points: prepareResultPoints(tableResultPoints(t, tableRowsShown(t, filter, time))),
        };
        prepared.set(id, p);
      }
      return { results: regionResults(regions, p.points, greenLayer, rule), ms: now() - t0 };
    },

    /** Totals, green and coverage for the analyst's regions. */
    regionResults(
      regions: readonly Region[],
      points: ResultPoints,
      rule: string,
    ): { results: RegionResult[]; ms: number } {
      const t0 = now();
      return { results: regionResults(regions, points, greenLayer, rule), ms: now() - t0 };
    },

    /** Is (lon, lat) within a qualifying park's service distance? The nearest parks. */
    placeCheck(lon: number, lat: number, rule: string): PlaceAnswer {
      return placeCheck(greenLayer, lon, lat, rule);
    },

    /** Thematic maps: choropleth, hexagons, heatmap (thematic-api.ts). */
    ...createThematicApi({ boundaries: () => boundaries, table }),
  };
}

export type AtlasApi = ReturnType<typeof createAtlasApi>;
