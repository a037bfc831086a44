/**
 * Zipped Shapefiles: every layer (.shp + optional .dbf, .prj, .cpg) becomes features; several
 * layers are merged in zip order with a warning. The zip and the .dbf are read here (zip.ts,
 * dbf.ts) so the attribute code page can come from the .cpg alias or the DBF language byte, or
 * be guessed with a warning; geometries come from shpjs's parseShp (loaded on first use, it
 * brings proj4), which reprojects by the .prj. A .prj that cannot be read is ignored with a
 * warning; coordinates then taken as they are are recognised when in Web Mercator metres.
 */
import type { Feature, Geometry } from 'geojson';
import {
  type MessageCode,
  type MessageParams,
  nest,
  nestList,
  type Said,
  say,
} from '../common/messages.ts';
import { readDbfHeader, readDbfRecords } from './dbf.ts';
import { fatalResult, featureResult } from './features.ts';
import { fromWebMercator, looksLikeWebMercator } from './mercator.ts';
import { dbfEncoding, prjUse } from './shp-parts.ts';
import { toUint8 } from './text.ts';
import type { Bytes, FormatIssue, LoadOptions, LoadResult } from './types.ts';
import { readZip, type ZipEntry, ZipError } from './zip.ts';

type ShpGeometry = (Geometry & { bbox?: number[] }) | null;
type ParseShp = (shp: DataView, prj?: string) => ShpGeometry[];

interface Layer {
  name: string;
  features: Array<Feature<Geometry | null>>;
  warnings: Said[];
  encoding?: string;
}

/** A layer that cannot be read: its message is the English, `said` the coded message. */
class LayerError extends Error {
  readonly said: Said;
  constructor(code: MessageCode, params?: MessageParams) {
    const said = say(code, params);
    super(said.reason);
    this.said = said;
  }
}

const base = (n: string) => n.replace(/\.[^./\\]+$/, '');
const ext = (n: string) => (/\.([^./\\]+)$/.exec(n)?.[1] ?? '').toLowerCase();
const fileName = (n: string) => n.split(/[\\/]/).pop() ?? n;

type Nested = number[] | Nested[];
function mapPositions(c: Nested, f: (p: number[]) => number[]): Nested {
  if (typeof c[0] === 'number') return f(c as number[]);
  return (c as Nested[]).map((x) => mapPositions(x, f));
}

function* positions(c: unknown): Generator<readonly [number, number]> {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') yield [c[0], c[1] as number];
  else for (const x of c) yield* positions(x);
}

/** Sample of the first positions of a layer (for the Web Mercator test). */
function* sample(geoms: ShpGeometry[], max = 5000): Generator<readonly [number, number]> {
  let n = 0;
  for (const g of geoms) {
    if (!g || !('coordinates' in g)) continue;
    for (const p of positions(g.coordinates)) {
      yield p;
      if (++n >= max) return;
    }
  }
}

/**
 * Web Mercator metres, not degrees with a few bad vertices: inside the Mercator square
 * (looksLikeWebMercator), most positions outside the degree range and some beyond 1 km.
 */
function clearlyMetres(geoms: ShpGeometry[]): boolean {
  const pairs = [...sample(geoms)];
  if (!looksLikeWebMercator(pairs)) return false;
  const outside = pairs.filter(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90).length;
  const far = pairs.some(([x, y]) => Math.abs(x) > 1000 || Math.abs(y) > 1000);
  return far && outside * 2 >= pairs.length;
}

async function readLayer(
  name: string,
  files: Map<string, ZipEntry>,
  parseShp: ParseShp,
): Promise<Layer> {
  const shpEntry = files.get('shp')!;
  const shpName = fileName(shpEntry.name);
  const shp = await shpEntry.read();
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.length < 100 || view.getInt32(0) !== 9994) {
    throw new LayerError('shp_no_header', { shp: shpName });
  }
  const warnings: Said[] = [];
  const prjEntry = files.get('prj');
  const prjText = prjEntry ? new TextDecoder().decode(await prjEntry.read()) : undefined;
  const prj =
    prjEntry && prjText !== undefined ? prjUse(fileName(prjEntry.name), prjText, parseShp) : null;
  if (prj?.kind === 'none' && prj.warning) warnings.push(prj.warning);
  let geoms: ShpGeometry[];
  try {
    geoms = parseShp(view, prj?.kind === 'proj4' ? prj.wkt : undefined);
  } catch (e) {
    throw new LayerError('shp_unreadable', {
      shp: shpName,
      error: e instanceof Error ? e.message : String(e),
    });
  }
  // Records past the ones the index (.shx) lists, all empty, are padding read as null shapes.
  const shx = files.get('shx');
  const indexed = shx ? Math.floor(((await shx.read()).length - 100) / 8) : -1;
  if (indexed >= 0 && geoms.length > indexed && geoms.slice(indexed).every((g) => g === null)) {
    warnings.push(
      say('shp_padding', {
        shp: shpName,
        count: geoms.length - indexed,
        indexed,
        shx: fileName(shx!.name),
      }),
    );
    geoms = geoms.slice(0, indexed);
  }
  const mercator = prj?.kind === 'mercator' || (prj?.kind !== 'proj4' && clearlyMetres(geoms));
  if (mercator) {
    warnings.push(
      say('shp_web_mercator', {
        file: prjEntry && prj?.kind === 'mercator' ? fileName(prjEntry.name) : shpName,
      }),
    );
  } else if (prj?.kind !== 'proj4') {
    const far = [...sample(geoms, 1000)].find(([x, y]) => Math.abs(x) > 181 || Math.abs(y) > 91);
    if (far) {
      warnings.push(say('shp_not_lonlat', { shp: shpName, x: far[0], y: far[1] }));
    }
  }
  let properties: Array<Record<string, unknown>> = [];
  let encoding: string | undefined;
  const dbfEntry = files.get('dbf');
  if (dbfEntry) {
    const dbfName = fileName(dbfEntry.name);
    const table = readDbfHeader(await dbfEntry.read());
    if ('reason' in table) {
      warnings.push(say('shp_dbf_unusable', { dbf: dbfName, ...nest('error', table) }));
    } else {
      const cpgEntry = files.get('cpg');
      const cpg = cpgEntry
        ? { name: fileName(cpgEntry.name), text: new TextDecoder().decode(await cpgEntry.read()) }
        : undefined;
      const enc = dbfEncoding(dbfName, table, cpg);
      warnings.push(...enc.warnings);
      encoding = enc.label;
      properties = readDbfRecords(table, enc.decode);
      if (table.count < table.declared) {
        warnings.push(
          say('shp_dbf_truncated', { dbf: dbfName, declared: table.declared, count: table.count }),
        );
      }
    }
  } else {
    warnings.push(say('shp_no_dbf', { layer: name }));
  }
  if (dbfEntry && properties.length !== geoms.length) {
    const counts = { layer: name, shapes: geoms.length, records: properties.length };
    warnings.push(
      properties.length > geoms.length
        ? say('shp_records_extra', { ...counts, extra: properties.length - geoms.length })
        : say('shp_records_missing', counts),
    );
  }
  const features = geoms.map((g, i): Feature<Geometry | null> => {
    let geometry: Geometry | null = null;
    if (g) {
      const { bbox: _bbox, ...rest } = g;
      geometry = rest as Geometry;
      if (mercator && 'coordinates' in geometry) {
        geometry = {
          ...geometry,
          coordinates: mapPositions(geometry.coordinates as Nested, (p) => [
            ...fromWebMercator(p[0]!, p[1]!),
            ...p.slice(2),
          ]),
        } as Geometry;
      }
    }
    return { type: 'Feature', geometry, properties: properties[i] ?? {} };
  });
  return { name, features, warnings, ...(encoding ? { encoding } : {}) };
}

const fatal = (said: Said, crs: LoadResult['meta']['crs']) =>
  fatalResult('shapefile', 'features', { field: 'zip', ...said }, crs);

export async function loadShapefile(
  bytes: Bytes,
  name: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const crs = options.crs ?? 'wgs84';
  if (typeof bytes === 'string') {
    return fatal(say('shp_bytes_only'), crs);
  }
  const data = toUint8(bytes);
  const file = nest('file', fileName(name) || say('the_file'));
  if (!sniffZip(data)) return fatal(say('shp_not_zip', file), crs);
  const groups = new Map<string, Map<string, ZipEntry>>();
  let entries: ZipEntry[];
  try {
    entries = readZip(data);
  } catch (e) {
    const error = e instanceof ZipError ? e.said : e instanceof Error ? e.message : String(e);
    return fatal(say('shp_zip_unreadable', { ...file, ...nest('error', error) }), crs);
  }
  for (const entry of entries) {
    if (entry.name.includes('__MACOSX') || fileName(entry.name).startsWith('._')) continue;
    const e = ext(entry.name);
    if (!['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(e)) continue;
    const key = base(entry.name);
    const group = groups.get(key) ?? new Map<string, ZipEntry>();
    group.set(e, entry);
    groups.set(key, group);
  }
  const layerNames = [...groups].filter(([, g]) => g.has('shp')).map(([k]) => k);
  if (layerNames.length === 0) {
    const listed = entries.slice(0, 8).map((e) => e.name);
    if (listed.length === 0) return fatal(say('shp_no_shp_empty'), crs);
    const more = entries.length > 8 ? say('list_more') : '';
    return fatal(say('shp_no_shp', { ...nestList('files', listed), ...nest('more', more) }), crs);
  }
  const { parseShp } = (await import('shpjs')) as unknown as { parseShp: ParseShp };
  const layers: Layer[] = [];
  const failed: Said[] = [];
  for (const key of layerNames) {
    try {
      layers.push(await readLayer(key, groups.get(key)!, parseShp));
    } catch (e) {
      if (!(e instanceof LayerError || e instanceof ZipError)) throw e;
      failed.push(e.said);
    }
  }
  if (layers.length === 0) {
    const all =
      failed.length === 1
        ? failed[0]!
        : say('shp_layers_unreadable', nestList('reasons', failed, '; '));
    return fatal(all, crs);
  }
  const warnings: FormatIssue[] = failed.map((reason) => ({
    field: 'zip',
    ...say('shp_layer_left_out', nest('reason', reason)),
  }));
  if (layers.length > 1) {
    const names = layers.map((l) => l.name);
    warnings.push({
      field: 'zip',
      ...say('shp_layers_merged', { count: layers.length, ...nestList('names', names) }),
    });
  }
  for (const l of layers) warnings.push(...l.warnings.map((w) => ({ field: 'zip', ...w })));
  const encodings = [...new Set(layers.flatMap((l) => (l.encoding ? [l.encoding] : [])))];
  return featureResult(
    'shapefile',
    layers.flatMap((l) => l.features),
    crs,
    {
      layers: layers.map((l) => l.name),
      ...(encodings.length ? { encoding: encodings.join(', ') } : {}),
    },
    warnings,
  );
}

/** A zip starts with a local file header (PK\x03\x04), or PK\x05\x06 when empty. */
export function sniffZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}
