/**
 * H3 resolutions without h3-js (whose module is large; the page needs only these numbers, the
 * worker bins): the average hexagon edge length of each resolution, as H3 publishes it
 * (https://h3geo.org/docs/core-library/restable, the values `getHexagonEdgeLengthAvg(r, 'm')`
 * returns: checked in test/unit/thematic/hex-bins.test.ts), and the resolution a zoom calls for.
 * Pure.
 */
export const MIN_RESOLUTION = 3;
export const MAX_RESOLUTION = 12;

/** Average edge length (m) of H3 hexagons at resolutions 0..15. */
export const H3_EDGE_M: readonly number[] = [
  1281256.011, 483056.8391, 182512.9565, 68979.22179, 26071.75968, 9854.09099, 3724.532667,
  1406.475763, 531.4140101, 200.7861476, 75.86378287, 28.66389748, 10.83018784, 4.092010473,
  1.546099657, 0.58416863,
];

/** Clamps a resolution to the range the app bins at. */
export const clampResolution = (r: number): number =>
  Math.min(MAX_RESOLUTION, Math.max(MIN_RESOLUTION, Math.round(r)));

/**
 * The resolution whose hexagons are about `edgePx` screen pixels along an edge at a zoom and
 * latitude (Web Mercator, 512 px tiles as MapLibre draws them): the one closest on a log scale.
 */
export function resolutionForZoom(zoom: number, lat: number, edgePx = 14): number {
  const metresPerPx = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
  const want = Math.log(edgePx * metresPerPx);
  let best = MIN_RESOLUTION;
  for (let r = MIN_RESOLUTION; r <= MAX_RESOLUTION; r++) {
    if (Math.abs(Math.log(H3_EDGE_M[r]!) - want) < Math.abs(Math.log(H3_EDGE_M[best]!) - want)) {
      best = r;
    }
  }
  return best;
}
