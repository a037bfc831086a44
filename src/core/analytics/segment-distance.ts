/**
 * The exact geodesic distance (WGS84) from a point P to a geodesic segment AB: one routine, used by
 * `pointToSegmentDistance` and by the nearest-edge search, so both give the same double.
 *
 * 1. A and B are placed in P's tangent plane (east/north of the 3-D offset from P). For distances
 *    up to `NEAR` this frame matches the azimuthal equidistant one (where distances and azimuths
 *    from P are exact) to about (s/R)² relative: directions are normal-section azimuths, within
 *    e²(s/R)² of geodesic ones.
 * 2. The planar foot t of P on AB decides: clearly before A (t < -δ) the answer is the geodesic
 *    P-A, clearly past B the geodesic P-B, where δ covers the frame's error with a wide margin.
 * 3. Otherwise the foot is refined on the true geodesic AB (GeographicLib InverseLine): at the
 *    current foot F, the along-line correction is d(F,P)·cos(azimuth F->P - azimuth of the line at
 *    F), clamped to the segment, repeated until it is under 0.1 mm or its effect on the distance
 *    (≈ correction² / 2d) is under 0.5 nm. The frame's first foot is already that close for
 *    park-sized edges, so one step (one Position, one Inverse) usually settles it.
 * Far points (beyond `NEAR`) use the azimuthal equidistant frame itself (two Inverse solutions) to
 * decide and start, and the endpoints are kept in the minimum.
 */
import { MASK, primeVerticalRadius, WGS84, WGS84_F } from './geodesic.ts';

const DEG = Math.PI / 180;
const E2 = WGS84_F * (2 - WGS84_F);
const INVERSE_MASK = MASK.DISTANCE | MASK.AZIMUTH;
export const LINE_CAPS = MASK.LATITUDE | MASK.LONGITUDE | MASK.AZIMUTH | MASK.DISTANCE_IN;
const POSITION_MASK = MASK.LATITUDE | MASK.LONGITUDE | MASK.AZIMUTH;
/** Beyond this 3-D distance (m) from P the tangent plane is not used to decide. */
const NEAR = 200_000;
/** The smallest radius of curvature on WGS84 (b²/a, a meridian at the equator), metres. */
export const MIN_RADIUS = 6_335_439;

export type GeodesicLine = ReturnType<typeof WGS84.InverseLine>;

/** Earth-centred (ECEF) coordinates of (lon, lat) on the ellipsoid, written at out[o..o+2]. */
export function ecef(lon: number, lat: number, out: Float64Array, o: number): void {
  const n = primeVerticalRadius(lat);
  const cl = Math.cos(lat * DEG);
  out[o] = n * cl * Math.cos(lon * DEG);
  out[o + 1] = n * cl * Math.sin(lon * DEG);
  out[o + 2] = n * (1 - E2) * Math.sin(lat * DEG);
}

/** P's tangent plane: P in ECEF and its east and north unit vectors (`set` moves it). */
export class LocalFrame {
  lon = 0;
  lat = 0;
  readonly p = new Float64Array(3);
  ex = 0;
  ey = 0;
  nx = 0;
  ny = 0;
  nz = 0;

  constructor(lon: number, lat: number) {
    this.set(lon, lat);
  }

  set(lon: number, lat: number): this {
    this.lon = lon;
    this.lat = lat;
    ecef(lon, lat, this.p, 0);
    const sl = Math.sin(lon * DEG);
    const cl = Math.cos(lon * DEG);
    const sp = Math.sin(lat * DEG);
    const cp = Math.cos(lat * DEG);
    this.ex = -sl;
    this.ey = cl;
    this.nx = -sp * cl;
    this.ny = -sp * sl;
    this.nz = cp;
    return this;
  }
}

/** Per-call helpers the nearest search memoises (the plain routine computes them afresh). */
export interface SegmentCache {
  /** Geodesic distance P -> vertex (GeographicLib Inverse, distance only). */
  vertex(which: 0 | 1): number;
  /** The geodesic A->B (InverseLine with LINE_CAPS). */
  line(): GeodesicLine;
}

/** Geodesic distance P -> (lon, lat), the one call every vertex distance goes through. */
export function vertexDistance(f: LocalFrame, lon: number, lat: number): number {
  return WGS84.Inverse(f.lat, f.lon, lat, lon, MASK.DISTANCE).s12 ?? Number.NaN;
}

/**
 * Exact distance (m) from the frame's point to segment AB; `xyz` holds A then B in ECEF at
 * xyz[o..o+5], `ll` holds lon1, lat1, lon2, lat2 at ll[q..q+3].
 */
export function segmentDistance(
  f: LocalFrame,
  xyz: Float64Array,
  o: number,
  ll: ArrayLike<number>,
  q: number,
  cache: SegmentCache,
): number {
  const p = f.p;
  const axd = xyz[o]! - p[0]!;
  const ayd = xyz[o + 1]! - p[1]!;
  const azd = xyz[o + 2]! - p[2]!;
  const bxd = xyz[o + 3]! - p[0]!;
  const byd = xyz[o + 4]! - p[1]!;
  const bzd = xyz[o + 5]! - p[2]!;
  const far = Math.sqrt(
    Math.max(axd * axd + ayd * ayd + azd * azd, bxd * bxd + byd * byd + bzd * bzd),
  );
  if (far > NEAR) return farSegmentDistance(f, ll, q, cache);
  const ax = axd * f.ex + ayd * f.ey;
  const ay = axd * f.nx + ayd * f.ny + azd * f.nz;
  const bx = bxd * f.ex + byd * f.ey;
  const by = bxd * f.nx + byd * f.ny + bzd * f.nz;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1e-6) return Math.min(cache.vertex(0), cache.vertex(1));
  const t = -(ax * dx + ay * dy) / len2;
  // Frame error ≲ (far/R)² · far in position; δ is that, ×8, in units of the segment length.
  const eps = (far / MIN_RADIUS) ** 2 + 1e-12;
  const delta = (8 * eps * far * (far + Math.sqrt(len2))) / len2;
  if (t < -delta) return cache.vertex(0);
  if (t > 1 + delta) return cache.vertex(1);
  return refine(f, cache.line(), Math.min(1, Math.max(0, t)), Infinity);
}

/** Newton steps along the geodesic from the fraction t; the smallest distance seen. */
function refine(f: LocalFrame, line: GeodesicLine, t: number, start: number): number {
  const length = line.s13;
  let s = t * length;
  let best = start;
  for (let iter = 0; iter < 8; iter++) {
    const foot = line.Position(s, POSITION_MASK);
    const back = WGS84.Inverse(foot.lat2!, foot.lon2!, f.lat, f.lon, INVERSE_MASK);
    const d = back.s12!;
    if (d < best) best = d;
    const next = Math.min(length, Math.max(0, s + d * Math.cos((back.azi1! - foot.azi2!) * DEG)));
    const step = next - s;
    if (Math.abs(step) < 1e-4 || step * step < 1e-9 * d) break;
    s = next;
  }
  return best;
}

/** Far points: decide and start in the azimuthal equidistant frame at P (two Inverse solutions). */
function farSegmentDistance(
  f: LocalFrame,
  ll: ArrayLike<number>,
  q: number,
  cache: SegmentCache,
): number {
  const ia = WGS84.Inverse(f.lat, f.lon, ll[q + 1]!, ll[q]!, INVERSE_MASK);
  const ib = WGS84.Inverse(f.lat, f.lon, ll[q + 3]!, ll[q + 2]!, INVERSE_MASK);
  const sa = ia.s12!;
  const sb = ib.s12!;
  const best = Math.min(sa, sb);
  const ax = sa * Math.sin(ia.azi1! * DEG);
  const ay = sa * Math.cos(ia.azi1! * DEG);
  const dx = sb * Math.sin(ib.azi1! * DEG) - ax;
  const dy = sb * Math.cos(ib.azi1! * DEG) - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 < 1e-6) return best;
  const t = -(ax * dx + ay * dy) / len2;
  if (t <= 0 || t >= 1) return best;
  return refine(f, cache.line(), t, best);
}

/** The plain routine's cache: nothing memoised. */
export function freshCache(f: LocalFrame, ll: ArrayLike<number>, q: number): SegmentCache {
  return {
    vertex: (which) => vertexDistance(f, ll[q + 2 * which]!, ll[q + 2 * which + 1]!),
    line: () => WGS84.InverseLine(ll[q + 1]!, ll[q]!, ll[q + 3]!, ll[q + 2]!, LINE_CAPS),
  };
}
