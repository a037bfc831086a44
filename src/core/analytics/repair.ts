/**
 * Repair of a self-intersecting polygonal geometry, as GEOS's buffer(0)/make_valid do for the
 * common cases: the geometry is unioned with itself (polyclip-ts, through @turf/union), which
 * splits rings at their crossings and returns valid polygons. A bow-tie becomes its two
 * triangles (both lobes kept, so the area is the sum of the triangles, not their difference);
 * overlapping parts are merged and counted once. (@turf/unkink-polygon was tried too: it splits a
 * bow-tie the same way but leaves overlapping loops as overlapping parts, which would count
 * their common area twice.)
 */
import { featureCollection, multiPolygon } from '@turf/helpers';
import { union } from '@turf/union';
import type { Position } from 'geojson';
import { type MessageParams, type Said, say } from '../common/messages.ts';
import { WGS84 } from './geodesic.ts';
import type { MultiPolygonCoords } from './types.ts';

/** Union a polygonal geometry with itself (polyclip-ts), returning valid polygons. */
export function repairPolygonal(coords: MultiPolygonCoords): MultiPolygonCoords {
  const g = multiPolygon(coords);
  const u = union(featureCollection([g, g]));
  if (!u) return [];
  return u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
}

/** Ellipsoidal area (m²) of valid polygons: outer rings less their holes (GeographicLib). */
function areaM2(coords: MultiPolygonCoords): number {
  const acc = WGS84.Polygon(false);
  let total = 0;
  for (const polygon of coords) {
    polygon.forEach((ring, r) => {
      acc.Clear();
      for (let i = 0; i + 1 < ring.length; i++) acc.AddPoint(ring[i]![1]!, ring[i]![0]!);
      const a = Math.abs(acc.Compute(false, true).area ?? 0);
      total += r === 0 ? a : -a;
    });
  }
  return total;
}

const coord = (v: number | undefined) => Number((v ?? 0).toFixed(7));

/** Where the crossing is, as every message names it. */
export function crossingText(at: Position): string {
  return say('an_self_intersecting', crossingParams(at)).reason;
}

/** The crossing's values in a message (`{lon}`, `{lat}`, rounded as every message writes them). */
export function crossingParams(at: Position): MessageParams {
  return { lon: coord(at[0]), lat: coord(at[1]) };
}

/** What the user is told after a repair: where, into how many parts, the area now (coded). */
export function repairSaid(at: Position, repaired: MultiPolygonCoords): Said {
  return say('polygon_repaired', repairParams(at, repaired));
}

/** The values of a repair message: the crossing, the parts, the area now. */
export function repairParams(at: Position, repaired: MultiPolygonCoords): MessageParams {
  const parts = repaired.length;
  return {
    lon: coord(at[0]),
    lat: coord(at[1]),
    parts,
    plural: parts === 1 ? '' : 's',
    area: Math.round(areaM2(repaired)).toLocaleString('en-US'),
  };
}

/** What the user is told after a repair, in English (as the CLI prints it). */
export function repairNote(at: Position, repaired: MultiPolygonCoords): string {
  return repairSaid(at, repaired).reason;
}
