/**
 * Regions made valid before anything measures them: whether drawn, edited, turned from an
 * imported layer, read from a link or from storage, a region's geometry goes through the
 * analytics' checks. A self-intersecting polygon (a bow-tie) is repaired into valid parts (its
 * area is then the true area of those parts) and the user is told where, into how many parts and
 * the area; a geometry that cannot be used (no ring of 3 distinct vertices, bad numbers) is left
 * out with the reason. Pure.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { repairParams, repairPolygonal } from '../analytics/repair.ts';
import type { MultiPolygonCoords } from '../analytics/types.ts';
import { checkPolygonal, findSelfIntersection } from '../analytics/validate.ts';
import { type MessageParams, nest, type Said, say } from '../common/messages.ts';
import type { Problem } from '../common/problem.ts';
import type { Region } from './model.ts';

export type RegionGeometryCheck =
  | { geometry: Polygon | MultiPolygon; note: string | null; params?: MessageParams }
  | { error: string; said?: Said };

function asGeometry(coords: MultiPolygonCoords): Polygon | MultiPolygon {
  return coords.length === 1
    ? { type: 'Polygon', coordinates: coords[0]! }
    : { type: 'MultiPolygon', coordinates: coords };
}

/** A region geometry as it can be measured: unchanged when valid, else repaired (with a note). */
export function checkRegionGeometry(geometry: Polygon | MultiPolygon): RegionGeometryCheck {
  const checked = checkPolygonal(geometry);
  if ('error' in checked) return { error: checked.error, said: checked.said };
  const crossing = findSelfIntersection(checked.coords);
  if (!crossing) return { geometry, note: null };
  const repaired = repairPolygonal(checked.coords);
  if (repaired.length === 0) {
    const said = say('region_nothing_left');
    return { error: said.reason, said };
  }
  const params = repairParams(crossing, repaired);
  return { geometry: asGeometry(repaired), note: say('polygon_repaired', params).reason, params };
}

export interface RegionsChecked {
  /** The regions to keep, in order (repaired ones replaced). */
  regions: Region[];
  /** One problem per region repaired or left out, naming it (coded: the app words it). */
  notes: Problem[];
  /** The same, as data: which region, whether it was left out, why. */
  issues: Array<{ id: string; name: string; leftOut: boolean; reason: string }>;
  /** False when nothing had to change. */
  changed: boolean;
}

/**
 * Checks the regions that are new or changed since `previous` (by id and object identity);
 * the others are kept as they are.
 */
export function checkRegions(
  regions: readonly Region[],
  previous: readonly Region[] = [],
): RegionsChecked {
  const before = new Map(previous.map((r) => [r.id, r]));
  const out: Region[] = [];
  const notes: Problem[] = [];
  const issues: RegionsChecked['issues'] = [];
  let changed = false;
  for (const r of regions) {
    if (before.get(r.id) === r) {
      out.push(r);
      continue;
    }
    const c = checkRegionGeometry(r.geometry);
    if ('error' in c) {
      notes.push(say('region_left_out', { name: r.name, ...nest('reason', c.said ?? c.error) }));
      issues.push({ id: r.id, name: r.name, leftOut: true, reason: c.error });
      changed = true;
      continue;
    }
    if (c.note) {
      notes.push(say('region_repaired', { name: r.name, ...c.params }));
      issues.push({ id: r.id, name: r.name, leftOut: false, reason: c.note });
      out.push({ ...r, geometry: c.geometry });
      changed = true;
    } else out.push(r);
  }
  return { regions: changed ? out : [...regions], notes, issues, changed };
}
