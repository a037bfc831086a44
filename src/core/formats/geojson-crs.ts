/**
 * The coordinate system of a GeoJSON file. RFC 7946 says WGS84 longitude/latitude, but files in
 * the wild still carry a GeoJSON 2008 `crs` member, or are in Web Mercator metres without saying
 * so. Decided once per file, before the features are checked:
 * - a declared `crs` of WGS84/CRS84 (or none): coordinates as they are;
 * - a declared geographic datum within a couple of metres of WGS84 (CGCS2000 EPSG:4490, ETRS89
 *   EPSG:4258, NAD83 EPSG:4269): read as WGS84, with a warning naming it;
 * - a declared Web Mercator (EPSG:3857 and its aliases), or no declaration and coordinates that are
 *   plainly Mercator metres (most sampled positions beyond the degree range, all inside the
 *   Mercator square): converted, with a warning naming the projection;
 * - any other declared CRS (a projected one such as EPSG:4547 CGCS2000 / 3-degree Gauss-Kruger or
 *   EPSG:32650 UTM 50N): refused with its name. Converting those needs PROJ, which we do not ship.
 */
import { say } from '../common/messages.ts';
import {
  declaredCrsName,
  fromWebMercator,
  isLonLatName,
  isWebMercatorName,
  looksLikeWebMercator,
} from './mercator.ts';
import type { FormatIssue } from './types.ts';

const NEAR_WGS84: Readonly<Record<string, string>> = {
  '4490': 'CGCS2000 (EPSG:4490)',
  '4258': 'ETRS89 (EPSG:4258)',
  '4269': 'NAD83 (EPSG:4269)',
};

export type GeoJsonCrs =
  | { kind: 'lonlat'; warning?: FormatIssue }
  | { kind: 'mercator'; warning: FormatIssue }
  | { kind: 'refused'; error: FormatIssue };

/** `EPSG:4547` from `urn:ogc:def:crs:EPSG::4547`; the name itself when it has no code. */
export function shortCrsName(name: string): string {
  const m = /(EPSG|ESRI)[^0-9]*(\d+)\s*$/i.exec(name.trim());
  return m ? `${m[1]!.toUpperCase()}:${m[2]}` : name.trim();
}

/** Up to `max` [x, y] pairs of numbers from nested coordinate arrays. */
function samplePairs(features: readonly unknown[], max = 2000): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const walk = (c: unknown): void => {
    if (out.length >= max || !Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      out.push([c[0], c[1]]);
      return;
    }
    for (const x of c) walk(x);
  };
  const geometry = (g: unknown): void => {
    if (!g || typeof g !== 'object') return;
    const { coordinates, geometries } = g as { coordinates?: unknown; geometries?: unknown };
    walk(coordinates);
    if (Array.isArray(geometries)) for (const x of geometries) geometry(x);
  };
  for (const f of features) {
    if (out.length >= max) break;
    if (f && typeof f === 'object') geometry((f as { geometry?: unknown }).geometry);
  }
  return out;
}

/** How to read the coordinates of a GeoJSON file (its root object and its features). */
export function geoJsonCrs(root: unknown, features: readonly unknown[]): GeoJsonCrs {
  const declared =
    root && typeof root === 'object' ? declaredCrsName((root as { crs?: unknown }).crs) : null;
  if (declared !== null) {
    const short = shortCrsName(declared);
    if (isWebMercatorName(declared)) {
      return {
        kind: 'mercator',
        warning: { field: 'crs', ...say('crs_web_mercator', { crs: short }) },
      };
    }
    if (isLonLatName(declared)) return { kind: 'lonlat' };
    const near = NEAR_WGS84[/(\d+)$/.exec(short)?.[1] ?? ''];
    if (near) {
      return {
        kind: 'lonlat',
        warning: {
          field: 'crs',
          ...say('crs_near_wgs84', { crs: near }),
        },
      };
    }
    return {
      kind: 'refused',
      error: {
        field: 'crs',
        ...say('crs_refused', { crs: short }),
      },
    };
  }
  const sample = samplePairs(features);
  const metres = sample.filter(([x, y]) => Math.abs(x) > 1000 || Math.abs(y) > 1000).length;
  if (looksLikeWebMercator(sample) && metres * 2 >= sample.length) {
    return { kind: 'mercator', warning: { field: 'crs', ...say('web_mercator') } };
  }
  return { kind: 'lonlat' };
}

function convert(c: unknown): unknown {
  if (!Array.isArray(c)) return c;
  if (typeof c[0] === 'number' && typeof c[1] === 'number') {
    const [lon, lat] = fromWebMercator(c[0], c[1]);
    return [lon, lat, ...c.slice(2)];
  }
  return c.map(convert);
}

function convertGeometry(g: unknown): unknown {
  if (!g || typeof g !== 'object') return g;
  const o = g as Record<string, unknown>;
  const out: Record<string, unknown> = { ...o };
  if ('coordinates' in o) out.coordinates = convert(o.coordinates);
  if (Array.isArray(o.geometries)) out.geometries = o.geometries.map(convertGeometry);
  delete out.bbox; // in metres: stale once converted
  return out;
}

/** Copies of the features with every Web Mercator position converted to lon/lat degrees. */
export function featuresFromWebMercator(features: readonly unknown[]): unknown[] {
  return features.map((f) => {
    if (!f || typeof f !== 'object') return f;
    const o = { ...(f as Record<string, unknown>) };
    if ('geometry' in o) o.geometry = convertGeometry(o.geometry);
    delete o.bbox;
    return o;
  });
}
