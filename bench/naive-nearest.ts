/**
 * The naive Turf nearest park (what a first version would write): for each point, every park:
 * `booleanPointInPolygon` (0 inside), else `pointToLineDistance` (Turf's default "geodesic"
 * method, on a sphere) to the park's outer ring; keep the smallest.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';

export interface NaiveNearest {
  /** Index of the nearest park per point (of those measured). */
  park: Int32Array;
  /** Its distance (m). */
  distance: Float64Array;
  /** How many points were measured before the time budget ran out. */
  measured: number;
}

export function naiveNearest(
  lons: Float64Array,
  lats: Float64Array,
  parks: FeatureCollection<Polygon>,
  budgetMs: number,
): NaiveNearest & { ms: number } {
  const rings: Feature<LineString>[] = parks.features.map((p) =>
    turf.lineString(p.geometry.coordinates[0]!),
  );
  const n = lons.length;
  const park = new Int32Array(n).fill(-1);
  const distance = new Float64Array(n).fill(Number.NaN);
  const t0 = performance.now();
  let measured = 0;
  for (let i = 0; i < n; i++) {
    const pt = turf.point([lons[i]!, lats[i]!]);
    let best = Infinity;
    let which = -1;
    parks.features.forEach((p, j) => {
      const d = turf.booleanPointInPolygon(pt, p)
        ? 0
        : turf.pointToLineDistance(pt, rings[j]!, { units: 'meters' });
      if (d < best) [best, which] = [d, j];
    });
    park[i] = which;
    distance[i] = best;
    measured++;
    if ((i & 15) === 15 && performance.now() - t0 > budgetMs) break;
  }
  return { park, distance, measured, ms: performance.now() - t0 };
}
