/**
 * Reading the echarts map packages: the GeoJSON object of an `echarts.registerMap(name, {...})`
 * script, ECharts' compressed coordinates (`UTF8Encoding: true`), and a file's features as
 * MultiPolygons. Pure: text in, coordinates out.
 */
import type { Position } from 'geojson';
import { type Multi, nestRings } from './rings.ts';

const fail = (msg: string): never => {
  throw new Error(msg);
};

/** The object literal passed to `echarts.registerMap(name, {...})` in an echarts map script. */
export function registeredMap(js: string, file: string): unknown {
  const at = js.indexOf('registerMap(');
  const start = at < 0 ? -1 : js.indexOf('{', at);
  if (start < 0) fail(`${file}: no registerMap({...}) call`);
  let depth = 0;
  let inString = false;
  for (let i = start; i < js.length; i++) {
    const c = js[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(js.slice(start, i + 1));
  }
  return fail(`${file}: unbalanced braces in the registerMap object`);
}

/**
 * ECharts' compressed coordinates (`UTF8Encoding: true`): each character pair is a zigzag-encoded
 * delta in 1/scale degree, offset by 64 and accumulated from the ring's `encodeOffsets`
 * (as `decodeRing` of echarts/src/coord/geo/parseGeoJson.ts).
 */
export function decodeRing(s: string, offset: readonly number[], scale = 1024): Position[] {
  let x = offset[0]!;
  let y = offset[1]!;
  const out: Position[] = [];
  for (let i = 0; i + 1 < s.length; i += 2) {
    let dx = s.charCodeAt(i) - 64;
    let dy = s.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    out.push([x / scale, y / scale]);
  }
  return out;
}

export interface RawFeature {
  id?: string | number;
  properties: { name?: string } & Record<string, unknown>;
  geometry: {
    type: string;
    coordinates: unknown;
    encodeOffsets?: unknown;
  };
}
export interface RawCollection {
  features: RawFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** A feature's geometry as a MultiPolygon, decoding ECharts-encoded rings when flagged. */
export function rawToMulti(f: RawFeature, encoded: boolean, scale: number, file: string): Multi {
  const g = f.geometry;
  const where = `${file} feature ${f.id ?? '?'} ${f.properties.name ?? ''}`;
  const polys = (
    g.type === 'Polygon'
      ? [g.coordinates]
      : g.type === 'MultiPolygon'
        ? g.coordinates
        : fail(`${where}: unexpected geometry ${g.type}`)
  ) as unknown[][];
  const offsets = (
    g.type === 'Polygon' ? [g.encodeOffsets] : (g.encodeOffsets as unknown[])
  ) as number[][][];
  return polys.map((poly, p) =>
    poly.map((ring, r) => {
      if (encoded) {
        if (typeof ring !== 'string') fail(`${where}: expected an encoded ring string`);
        const off = offsets?.[p]?.[r];
        if (!off) fail(`${where}: missing encodeOffsets for ring ${p}.${r}`);
        return decodeRing(ring as string, off!, scale);
      }
      if (!Array.isArray(ring)) fail(`${where}: expected a coordinate array`);
      return (ring as number[][]).map((c) => {
        if (!Number.isFinite(c[0]) || !Number.isFinite(c[1])) fail(`${where}: bad coordinate`);
        return [c[0]!, c[1]!];
      });
    }),
  );
}

/** One feature of a source file: its id (as a string), name, and polygons rebuilt by nesting. */
export interface SourceFeature {
  id: string | null;
  name: string;
  multi: Multi;
}

/**
 * The features of one source file's text: an echarts map script (`.js`) or plain GeoJSON,
 * either possibly ECharts-encoded. Rings are decoded, cleaned and re-nested (see nestRings).
 */
export function parseSourceText(text: string, file: string): SourceFeature[] {
  const fc = (file.endsWith('.js') ? registeredMap(text, file) : JSON.parse(text)) as RawCollection;
  const encoded = fc.UTF8Encoding === true;
  const scale = fc.UTF8Scale ?? 1024;
  return fc.features.map((f) => ({
    id: f.id === undefined || f.id === null ? null : String(f.id),
    name: String(f.properties.name ?? ''),
    multi: nestRings(rawToMulti(f, encoded, scale, file).flat()),
  }));
}
