/**
 * The analyst's workspace: drawn regions and imported layers. Plain data, serialisable to
 * IndexedDB and (regions, when small) to the URL. Parsing is defensive: a bad stored entry is
 * dropped and reported, never thrown.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { checkFeature } from '../common/geojson-schema.ts';
import { type Inner, nest, say } from '../common/messages.ts';
import type { Problem } from '../common/problem.ts';
import { zodSaid } from '../common/zod-said.ts';
import { toRfc7946 } from '../formats/rfc7946-write.ts';
import type { PointTable } from './point-table.ts';

export type RegionShape = 'polygon' | 'rectangle' | 'circle' | 'imported';

export interface Region {
  id: string;
  name: string;
  shape: RegionShape;
  geometry: Polygon | MultiPolygon;
}

export interface ImportedLayer {
  id: string;
  name: string;
  /** points: a CSV or point features; features: polygons/lines from GeoJSON, KML, Shapefile... */
  kind: 'points' | 'features';
  data: FeatureCollection<Geometry>;
  visible: boolean;
  /** Rows or features in the file, and how many were skipped with a reason. */
  total: number;
  skipped: number;
  crs: string;
  /** Rows shown and counted: those whose `column` contains `text` (case-insensitive). */
  filter?: LayerFilter | null;
  /** A big point layer as columns (point-table.ts); `data` is then empty. */
  table?: PointTable;
  /** How its columns are stored (chunks in IndexedDB); set in the stored record only. */
  stored?: StoredTable;
  /** The browser refused to keep this layer: it lasts for this session only. */
  sessionOnly?: boolean;
}

/** A table layer's columns as stored in chunks: the layout needed to read them back. */
export interface StoredTable {
  count: number;
  bbox: [number, number, number, number];
  columns: Array<{ name: string; kind: 'number' | 'text' }>;
  /** Chunks per stored array (`lons`, `lats`, `rows`, `c0`, `d0`...). */
  parts: Record<string, number>;
}

/** The number of points or features of a layer. */
export function layerSize(layer: Pick<ImportedLayer, 'data' | 'table'>): number {
  return layer.table ? layer.table.count : layer.data.features.length;
}

/** Does a feature pass its layer's filter? (The same rule as the map's filter expression.) */
/** An imported layer's filter: rows whose `column` value contains `text`. */
export interface LayerFilter {
  column: string;
  text: string;
}

export function passesLayerFilter(
  properties: Record<string, unknown> | null | undefined,
  filter: ImportedLayer['filter'],
): boolean {
  if (!filter || filter.text.trim() === '') return true;
  const v = properties?.[filter.column];
  return String(v ?? '')
    .toLowerCase()
    .includes(filter.text.trim().toLowerCase());
}

export interface Workspace {
  regions: Region[];
  layers: ImportedLayer[];
}

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
export const regionSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(200),
  shape: z.enum(['polygon', 'rectangle', 'circle', 'imported']),
  geometry,
});
const layerSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(300),
  kind: z.enum(['points', 'features']),
  data: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
  visible: z.boolean(),
  total: z.number().int().min(0),
  skipped: z.number().int().min(0),
  crs: z.string(),
  filter: z.object({ column: z.string(), text: z.string() }).nullable().optional(),
  stored: z
    .object({
      count: z.number().int().min(1),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      columns: z.array(z.object({ name: z.string(), kind: z.enum(['number', 'text']) })),
      parts: z.record(z.string(), z.number().int().min(0)),
    })
    .optional(),
});

/** What a stored workspace gave back: the valid part, and what was left out and why. */
export interface ParsedWorkspace {
  workspace: Workspace;
  /** Regions, layers and layer features left out. */
  dropped: number;
  /** One problem per region or layer left out, and per layer that lost features. */
  problems: Problem[];
}

/** The first issue, "path: message" in English, coded (the app words zod's message too). */
const firstIssue = (e: z.ZodError): Inner => {
  const i = e.issues[0];
  if (!i) return 'invalid';
  if (!i.path.length) return zodSaid(i);
  return say('zod_at', { path: i.path.map(String).join('.'), ...nest('reason', zodSaid(i)) });
};

/**
 * Reads a stored workspace (IndexedDB gives back whatever was put there, by this or an older
 * version, or a corrupted record): every region, layer and layer feature is validated, never
 * cast. A region or layer that does not validate is left out; a layer keeps its valid features
 * and loses the others (a layer left with none of the features it had is left out).
 */
export function parseWorkspace(value: unknown): ParsedWorkspace {
  const v = (value !== null && typeof value === 'object' ? value : {}) as {
    regions?: unknown;
    layers?: unknown;
  };
  let dropped = 0;
  const problems: Problem[] = [];
  const regions: Region[] = [];
  (Array.isArray(v.regions) ? v.regions : []).forEach((r: unknown, i) => {
    const p = regionSchema.safeParse(r);
    if (p.success) regions.push(p.data as Region);
    else {
      dropped++;
      problems.push({
        field: `regions[${i}]`,
        ...say('ws_left_out', nest('reason', firstIssue(p.error))),
      });
    }
  });
  const layers: ImportedLayer[] = [];
  (Array.isArray(v.layers) ? v.layers : []).forEach((l: unknown, i) => {
    const p = layerSchema.safeParse(l);
    if (!p.success) {
      dropped++;
      problems.push({
        field: `layers[${i}]`,
        ...say('ws_left_out', nest('reason', firstIssue(p.error))),
      });
      return;
    }
    const features: Feature<Geometry>[] = [];
    let bad = 0;
    let firstBad = '';
    p.data.data.features.forEach((f, j) => {
      const c = checkFeature(f);
      if ('ok' in c) features.push(c.ok);
      else if (bad++ === 0) firstBad = `features[${j}].${c.error}`;
    });
    const layer: ImportedLayer = {
      ...p.data,
      data: { type: 'FeatureCollection', features },
    };
    if (bad > 0) {
      dropped += bad;
      const all = features.length === 0;
      problems.push({
        file: layer.name,
        field: `layers[${i}]`,
        ...say(all ? 'ws_layer_left_out' : 'ws_features_left_out', { count: bad, first: firstBad }),
      });
      if (all) return;
    }
    layers.push(layer);
  });
  return { workspace: { regions, layers }, dropped, problems };
}

/** Regions as GeoJSON (for export and the map). */
/** Regions as RFC 7946 GeoJSON (exteriors counter-clockwise, holes clockwise), as exported. */
export function regionsToGeoJSON(
  regions: readonly Region[],
): FeatureCollection<Polygon | MultiPolygon> {
  const features = regions.map(
    (r): Feature<Polygon | MultiPolygon> => ({
      type: 'Feature',
      id: r.id,
      properties: { id: r.id, name: r.name, shape: r.shape },
      geometry: r.geometry,
    }),
  );
  // THE writer (formats/rfc7946-write.ts): drawn rings may run either way round.
  return toRfc7946(features).collection as FeatureCollection<Polygon | MultiPolygon>;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** The longest `rg` URL parameter written; larger region sets are kept only in the browser. */
export const URL_REGIONS_MAX = 1500;

/**
 * Regions for a shared link: names, shapes and coordinates rounded to 1e-5° (about 1 m), as
 * base64url JSON. null when the result would be longer than URL_REGIONS_MAX.
 */
export function encodeRegions(regions: readonly Region[]): string | null {
  if (regions.length === 0) return '';
  const compact = regions.map((r) => [
    r.name,
    r.shape,
    r.geometry.type === 'Polygon'
      ? r.geometry.coordinates.map((ring) =>
          ring.map((p) => [round(p[0] as number), round(p[1] as number)]),
        )
      : r.geometry.coordinates.map((poly) =>
          poly.map((ring) => ring.map((p) => [round(p[0] as number), round(p[1] as number)])),
        ),
    r.geometry.type === 'Polygon' ? 0 : 1,
  ]);
  const bytes = new TextEncoder().encode(JSON.stringify(compact));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const out = btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return out.length > URL_REGIONS_MAX ? null : out;
}

/** Same name and same coordinates at the link's precision: the same region. */
export function regionKey(r: Region): string {
  const c = r.geometry.coordinates as unknown[];
  const rounded = JSON.stringify(c, (_k, v) => (typeof v === 'number' ? round(v) : v));
  return `${r.name}|${r.geometry.type}|${rounded}`;
}

/** The inverse of encodeRegions; invalid input gives []. Ids are made from the position. */
export function decodeRegions(text: string): Region[] {
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const compact = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    if (!Array.isArray(compact)) return [];
    const out: Region[] = [];
    compact.forEach((c, i) => {
      if (!Array.isArray(c)) return;
      const [name, shape, coordinates, multi] = c as [unknown, unknown, unknown, unknown];
      const p = regionSchema.safeParse({
        id: `link-${i + 1}`,
        name: typeof name === 'string' ? name : `Region ${i + 1}`,
        shape,
        geometry: { type: multi === 1 ? 'MultiPolygon' : 'Polygon', coordinates },
      });
      if (p.success) out.push(p.data as Region);
    });
    return out;
  } catch {
    return [];
  }
}
