/**
 * The naive Turf approaches the benchmark compares against (what a first version would write):
 * - totals: `pointsWithinPolygon` over all points for each region, then a loop for the sum;
 * - coverage: `buffer` each qualifying park by its radius, `union` them all, `intersect` with
 *   the region, `area` (spherical).
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

type Area = Polygon | MultiPolygon;

export function pointFeatures(
  lons: Float64Array,
  lats: Float64Array,
  investment: Float64Array,
): FeatureCollection<Point> {
  const features: Feature<Point>[] = new Array(lons.length);
  for (let i = 0; i < lons.length; i++) {
    features[i] = {
      type: 'Feature',
      properties: { investment: investment[i] },
      geometry: { type: 'Point', coordinates: [lons[i] as number, lats[i] as number] },
    };
  }
  return { type: 'FeatureCollection', features };
}

export function naiveTotals(region: Feature<Area>, points: FeatureCollection<Point>) {
  const inside = turf.pointsWithinPolygon(points, region);
  let sum = 0;
  for (const f of inside.features) {
    const v = f.properties?.investment as number;
    if (!Number.isNaN(v)) sum += v;
  }
  return { count: inside.features.length, sum };
}

export function naiveCoverage(region: Feature<Area>, parks: FeatureCollection<Polygon>): number {
  const buffers: Feature<Area>[] = [];
  for (const p of parks.features) {
    const a = turf.area(p);
    const radius = a >= 5000 ? 500 : a >= 2000 ? 300 : 0;
    if (radius === 0) continue;
    const b = turf.buffer(p, radius, { units: 'meters' });
    if (b) buffers.push(b as Feature<Area>);
  }
  if (buffers.length === 0) return 0;
  const all = buffers.length === 1 ? buffers[0] : turf.union(turf.featureCollection(buffers));
  if (!all) return 0;
  const covered = turf.intersect(turf.featureCollection([all, region]));
  return covered ? turf.area(covered) / turf.area(region) : 0;
}
