/**
 * Datum conversion to WGS84 from the Chinese web-map datums GCJ-02 (Amap, Tencent, Google China)
 * and BD-09 (Baidu), with gcoord. gcoord leaves points outside China unchanged, as those datums
 * only offset coordinates inside China.
 */
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import type { Crs } from './types.ts';

const FROM = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** [lon, lat] in WGS84 from `crs`; non-finite input is returned unchanged. */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84' || !Number.isFinite(lon) || !Number.isFinite(lat)) return [lon, lat];
  const out = gcoord.transform([lon, lat] as [number, number], FROM[crs], gcoord.WGS84);
  return [out[0], out[1]];
}

function position(p: Position, crs: Crs): Position {
  const [lon, lat] = toWgs84(p[0]!, p[1]!, crs);
  return p.length > 2 ? [lon, lat, ...p.slice(2)] : [lon, lat];
}

type Nested = Position | Nested[];

function walk(c: Nested, crs: Crs): Nested {
  if (c.length > 0 && typeof c[0] === 'number') return position(c as Position, crs);
  return (c as Nested[]).map((x) => walk(x, crs));
}

/** A copy of a (validated) geometry with every vertex converted to WGS84. */
export function geometryToWgs84<G extends Geometry>(geometry: G, crs: Crs): G {
  if (crs === 'wgs84') return geometry;
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => geometryToWgs84(g, crs)) };
  }
  return { ...geometry, coordinates: walk(geometry.coordinates as Nested, crs) } as G;
}
