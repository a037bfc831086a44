/**
 * Zipped Shapefiles: every layer (.shp + optional .dbf, .prj, .cpg) becomes features; several
 * layers are merged in zip order with a warning. The zip and the .dbf are read here (zip.ts,
 * dbf.ts) so the attribute code page can come from the .cpg alias or the DBF language byte, or
 * be guessed with a warning; geometries come from shpjs's parseShp (loaded on first use, it
 * brings proj4), which reprojects by the .prj. A .prj that cannot be read is ignored with a
 * warning; coordinates then taken as they are are recognised when in Web Mercator metres.
 */
import type { Feature, Geometry } from 'geojson';
import { readDbfHeader, readDbfRecords } from './dbf.ts';
import { fatalResult, featureResult } from './features.ts';
import { fromWebMercator, looksLikeWebMercator, WEB_MERCATOR_NOTE } from './mercator.ts';
import { dbfEncoding, prjUse } from './shp-parts.ts';
import { toUint8 } from './text.ts';
import type { Bytes, FormatIssue, LoadOptions, LoadResult } from './types.ts';
import { readZip, type ZipEntry, ZipError } from './zip.ts';

type ShpGeometry = (Geometry & { bbox?: number[] }) | null;
type ParseShp = (shp: DataView, prj?: string) => ShpGeometry[];

interface Layer {
  name: string;
  features: Array<Feature<Geometry | null>>;
  warnings: string[];
  encoding?: string;
}

class LayerError extends Error {}

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
    throw new LayerError(`${shpName} is not a Shapefile (no Shapefile header)`);
  }
  const warnings: string[] = [];
  const prjEntry = files.get('prj');
  const prjText = prjEntry ? new TextDecoder().decode(await prjEntry.read()) : undefined;
  const prj =
    prjEntry && prjText !== undefined ? prjUse(fileName(prjEntry.name), prjText, parseShp) : null;
  if (prj?.kind === 'none' && prj.warning) warnings.push(prj.warning);
  let geoms: ShpGeometry[];
  try {
    geoms = parseShp(view, prj?.kind === 'proj4' ? prj.wkt : undefined);
  } catch (e) {
    throw new LayerError(
      `${shpName} could not be read: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // Records past the ones the index (.shx) lists, all empty, are padding read as null shapes.
  const shx = files.get('shx');
  const indexed = shx ? Math.floor(((await shx.read()).length - 100) / 8) : -1;
  if (indexed >= 0 && geoms.length > indexed && geoms.slice(indexed).every((g) => g === null)) {
    warnings.push(
      `${shpName}: ${geoms.length - indexed} empty records after the ${indexed} listed in ${fileName(shx!.name)} were ignored`,
    );
    geoms = geoms.slice(0, indexed);
  }
  const mercator = prj?.kind === 'mercator' || (prj?.kind !== 'proj4' && clearlyMetres(geoms));
  if (mercator) {
    warnings.push(
      `${prjEntry && prj?.kind === 'mercator' ? fileName(prjEntry.name) : shpName}: ${WEB_MERCATOR_NOTE}`,
    );
  } else if (prj?.kind !== 'proj4') {
    const far = [...sample(geoms, 1000)].find(([x, y]) => Math.abs(x) > 181 || Math.abs(y) > 91);
    if (far) {
      warnings.push(
        `${shpName}: coordinates such as (${far[0]}, ${far[1]}) are not longitude/latitude and no usable .prj says what they are`,
      );
    }
  }
  let properties: Array<Record<string, unknown>> = [];
  let encoding: string | undefined;
  const dbfEntry = files.get('dbf');
  if (dbfEntry) {
    const dbfName = fileName(dbfEntry.name);
    const table = readDbfHeader(await dbfEntry.read());
    if (typeof table === 'string') {
      warnings.push(`${dbfName}: ${table}; features have no attributes`);
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
          `${dbfName} is truncated: ${table.declared} records declared, ${table.count} present`,
        );
      }
    }
  } else {
    warnings.push(`${name}: no .dbf in the zip; features have no attributes`);
  }
  if (dbfEntry && properties.length !== geoms.length) {
    warnings.push(
      `${name}: ${geoms.length} shapes but ${properties.length} attribute records` +
        (properties.length > geoms.length
          ? `; the last ${properties.length - geoms.length} records have no shape (the .shp may be truncated) and are left out`
          : '; shapes without a record have no attributes'),
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

const fatal = (reason: string, crs: LoadResult['meta']['crs']) =>
  fatalResult('shapefile', 'features', { field: 'zip', reason }, crs);

export async function loadShapefile(
  bytes: Bytes,
  name: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const crs = options.crs ?? 'wgs84';
  if (typeof bytes === 'string') {
    return fatal('a zipped Shapefile must be read as bytes, not text', crs);
  }
  const data = toUint8(bytes);
  const notShapefile = `${fileName(name) || 'the file'} is not a zipped Shapefile`;
  if (!sniffZip(data)) {
    return fatal(
      `${notShapefile}: not a zip file (zip the .shp with its .dbf, .prj and .cpg)`,
      crs,
    );
  }
  const groups = new Map<string, Map<string, ZipEntry>>();
  let entries: ZipEntry[];
  try {
    entries = readZip(data);
  } catch (e) {
    return fatal(`${notShapefile}: ${e instanceof Error ? e.message : String(e)}`, crs);
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
    return fatal(
      `no .shp file in the zip (it holds ${listed.length ? listed.join(', ') : 'nothing'}${entries.length > 8 ? ', …' : ''})`,
      crs,
    );
  }
  const { parseShp } = (await import('shpjs')) as unknown as { parseShp: ParseShp };
  const layers: Layer[] = [];
  const failed: string[] = [];
  for (const key of layerNames) {
    try {
      layers.push(await readLayer(key, groups.get(key)!, parseShp));
    } catch (e) {
      if (!(e instanceof LayerError || e instanceof ZipError)) throw e;
      failed.push(e.message);
    }
  }
  if (layers.length === 0) return fatal(failed.join('; '), crs);
  const warnings: FormatIssue[] = failed.map((reason) => ({
    field: 'zip',
    reason: `${reason}; layer left out`,
  }));
  if (layers.length > 1) {
    warnings.push({
      field: 'zip',
      reason: `${layers.length} layers (${layers.map((l) => l.name).join(', ')}) merged in this order`,
    });
  }
  for (const l of layers) warnings.push(...l.warnings.map((reason) => ({ field: 'zip', reason })));
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
