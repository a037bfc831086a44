/**
 * The scale bar of an exported map: metres per pixel of a Web Mercator map (MapLibre's 512 px
 * tiles) at a latitude, and the longest "nice" length (1, 2 or 5 × 10^n metres) that fits.
 */

/** Equatorial circumference of the WGS84 ellipsoid, metres (Web Mercator's world width). */
export const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6_378_137;

/** Metres on the ground per CSS pixel of a MapLibre map (512 px tiles) at `lat` and `zoom`. */
export function metresPerPixel(lat: number, zoom: number, tileSize = 512): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (tileSize * 2 ** zoom);
}

/** The largest 1, 2 or 5 × 10^n not above `metres` (0 when `metres` is not positive). */
export function niceLength(metres: number): number {
  if (!(metres > 0) || !Number.isFinite(metres)) return 0;
  const pow = 10 ** Math.floor(Math.log10(metres));
  // Guard float noise (e.g. log10(1000) = 2.9999…): step up while the next decade still fits.
  const base = pow * 10 <= metres ? pow * 10 : pow;
  for (const m of [5, 2, 1]) if (m * base <= metres * (1 + 1e-9)) return m * base;
  return base;
}

export interface ScaleBar {
  /** Length the bar stands for, metres. */
  metres: number;
  /** Its length in output pixels. */
  px: number;
  /** "500 m", "2 km". */
  label: string;
}

/** "500 m" below 1 km, "2 km", "1.5 km" is never produced (nice lengths only). */
export function scaleLabel(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/**
 * The scale bar for an output image whose pixels each cover `mPerPx` metres (at the map's
 * centre latitude), no longer than `maxPx` output pixels.
 */
export function scaleBar(mPerPx: number, maxPx: number): ScaleBar {
  const metres = niceLength(mPerPx * maxPx);
  return { metres, px: metres / mPerPx, label: scaleLabel(metres) };
}
