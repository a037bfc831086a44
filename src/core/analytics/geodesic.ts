/**
 * The one place that loads GeographicLib (`geographiclib-geodesic`, C. F. F. Karney's algorithms).
 *
 * The package is a UMD/CommonJS bundle. Under Node's ESM loader (tsx, vitest) it exposes only a
 * `default` export; under Vite's pre-bundling a namespace may carry the members directly. Importing
 * the namespace and taking `default` when present works in both.
 */
import * as geographiclib from 'geographiclib-geodesic';

type GeographicLib = typeof geographiclib;

const lib: GeographicLib =
  (geographiclib as unknown as { default?: GeographicLib }).default ?? geographiclib;

/** WGS84 semi-major axis (m) and flattening. */
export const WGS84_A = 6378137;
export const WGS84_F = 1 / 298.257223563;

/** The WGS84 geodesic solver. */
export const WGS84 = lib.Geodesic.WGS84;

/** Output masks for Inverse/Direct/Position. */
export const MASK = {
  LATITUDE: lib.Geodesic.LATITUDE,
  LONGITUDE: lib.Geodesic.LONGITUDE,
  AZIMUTH: lib.Geodesic.AZIMUTH,
  DISTANCE: lib.Geodesic.DISTANCE,
  DISTANCE_IN: lib.Geodesic.DISTANCE_IN,
  STANDARD: lib.Geodesic.STANDARD,
  LONG_UNROLL: lib.Geodesic.LONG_UNROLL,
} as const;

const DEG = Math.PI / 180;
const E2 = WGS84_F * (2 - WGS84_F);

/** Meridional radius of curvature M(φ) in metres. */
export function meridionalRadius(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  const w = 1 - E2 * s * s;
  return (WGS84_A * (1 - E2)) / (w * Math.sqrt(w));
}

/** Prime-vertical radius of curvature N(φ) in metres. */
export function primeVerticalRadius(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return WGS84_A / Math.sqrt(1 - E2 * s * s);
}

/**
 * Local metres-per-degree scale factors at a latitude (east-west, north-south). Used only for
 * approximate candidate selection, never for a reported number.
 */
export function metresPerDegree(latDeg: number): { x: number; y: number } {
  return {
    x: primeVerticalRadius(latDeg) * Math.cos(latDeg * DEG) * DEG,
    y: meridionalRadius(latDeg) * DEG,
  };
}
