/** Seeded, reproducible inputs for the benchmark (the same numbers on every run). */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type BBox = [number, number, number, number];

/** n points uniform in the bbox, with an investment column (10 % blank = NaN). */
export function seedPoints(n: number, bbox: BBox, seed = 1) {
  const r = rng(seed);
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  const investment = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lons[i] = bbox[0] + r() * (bbox[2] - bbox[0]);
    lats[i] = bbox[1] + r() * (bbox[3] - bbox[1]);
    investment[i] = r() < 0.1 ? Number.NaN : Math.round(r() * 1e9);
  }
  return { lons, lats, investment };
}

/** Circles (64 vertices) of random radius in the bbox, ids c0, c1, ... */
export function seedCircles(
  n: number,
  bbox: BBox,
  radiusKm: [number, number],
  seed = 2,
): FeatureCollection<Polygon> {
  const r = rng(seed);
  const features: Feature<Polygon>[] = [];
  for (let i = 0; i < n; i++) {
    const c = [bbox[0] + r() * (bbox[2] - bbox[0]), bbox[1] + r() * (bbox[3] - bbox[1])];
    const radius = radiusKm[0] + r() * (radiusKm[1] - radiusKm[0]);
    const f = turf.circle(c, radius, { steps: 64, units: 'kilometers' });
    f.id = `c${i}`;
    f.properties = { id: `c${i}` };
    features.push(f);
  }
  return { type: 'FeatureCollection', features };
}

/** Parks: squares of random area (1,000-60,000 m², so every GB/T 50563 tier occurs). */
export function seedParks(n: number, bbox: BBox, seed = 3): FeatureCollection<Polygon> {
  const r = rng(seed);
  const features: Feature<Polygon>[] = [];
  for (let i = 0; i < n; i++) {
    const lon = bbox[0] + r() * (bbox[2] - bbox[0]);
    const lat = bbox[1] + r() * (bbox[3] - bbox[1]);
    const side = Math.sqrt(1000 + r() * 59000); // metres
    const dLat = side / 2 / 111_320;
    const dLon = dLat / Math.cos((lat * Math.PI) / 180);
    features.push({
      type: 'Feature',
      id: `p${i}`,
      properties: { id: `p${i}` },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon - dLon, lat - dLat],
            [lon + dLon, lat - dLat],
            [lon + dLon, lat + dLat],
            [lon - dLon, lat + dLat],
            [lon - dLon, lat - dLat],
          ],
        ],
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
