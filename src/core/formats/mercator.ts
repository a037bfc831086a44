/**
 * Web Mercator (EPSG:3857, and its old names 900913, 102100, 102113, 3785) recognised and
 * converted to WGS84 longitude/latitude. Files in metres are common (exports from web maps,
 * GIS projects left in the display projection); read as degrees, every vertex would be "out of
 * range". Loaders use this to name the projection and convert instead of dropping the features.
 */

/** Half the equator's length on the Web Mercator sphere (R = 6378137 m): the x at lon ±180. */
export const WEB_MERCATOR_MAX = 20037508.342789244;
const R = 6378137;
/** A little slack for rounding in files written by other tools. */
const SLACK = 1;

const MERCATOR_CODES = new Set(['3857', '900913', '102100', '102113', '3785', '3587']);

/** The EPSG code in a CRS name such as `EPSG:3857`, `urn:ogc:def:crs:EPSG::3857`, `EPSG:3857`. */
function epsgCode(name: string): string | null {
  const m = /(?:EPSG|ESRI)[^0-9]*(\d+)\s*$/i.exec(name.trim());
  return m ? (m[1] ?? null) : null;
}

/** True when a CRS name (GeoJSON 2008 `crs.properties.name`, a `.prj` name) is Web Mercator. */
export function isWebMercatorName(name: string): boolean {
  const code = epsgCode(name);
  if (code !== null) return MERCATOR_CODES.has(code);
  return /pseudo[-_ ]?mercator|web[-_ ]?mercator|google[-_ ]?mercator/i.test(name);
}

/** True when a CRS name is plain WGS84 / CRS84 longitude-latitude. */
export function isLonLatName(name: string): boolean {
  const code = epsgCode(name);
  if (code !== null) return code === '4326';
  return /CRS84|WGS[-_ ]?84/i.test(name);
}

/** The `name` of a GeoJSON 2008 `crs` member (`{"type":"name","properties":{"name":...}}`). */
export function declaredCrsName(crs: unknown): string | null {
  if (crs === null || typeof crs !== 'object') return null;
  const props = (crs as { properties?: unknown }).properties;
  if (props === null || typeof props !== 'object') return null;
  const name = (props as { name?: unknown }).name;
  return typeof name === 'string' ? name : null;
}

/** [lon, lat] in degrees of a Web Mercator [x, y] in metres (spherical inverse). */
export function fromWebMercator(x: number, y: number): [number, number] {
  const lon = (x / R) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI);
  return [lon, lat];
}

/**
 * True when coordinates look like Web Mercator metres rather than degrees: every finite pair
 * lies inside the Mercator square, and at least one lies outside the degree range. Callers pass
 * a sample (the first few thousand positions are plenty).
 */
export function looksLikeWebMercator(pairs: Iterable<readonly [number, number]>): boolean {
  let outsideDegrees = false;
  let seen = 0;
  for (const [x, y] of pairs) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    seen++;
    if (Math.abs(x) > WEB_MERCATOR_MAX + SLACK || Math.abs(y) > WEB_MERCATOR_MAX + SLACK) {
      return false;
    }
    if (Math.abs(x) > 180 || Math.abs(y) > 90) outsideDegrees = true;
  }
  return seen > 0 && outsideDegrees;
}
