/**
 * Exact areas of boolean combinations of polygons by a vertical slab sweep, without building any
 * polygon: used for the overlay engine's leaves instead of a polygon clipper.
 *
 * Quantities (for a denominator D = base ∩ ∪mask and covers C):
 *   area(D), area(D ∩ ∪C), Σ w·area(P_w ∩ D), Σ w·area(P_w ∩ D ∩ ∪C)
 * Method: every vertex x and every edge-edge crossing x splits the plane into slabs in which no
 * two edges cross. In a slab the edges are ordered by their y at the slab's middle and swept
 * upward, tracking each polygon's even-odd inside state, so every quantity f is constant between
 * consecutive edges. By Green's theorem ∫∫ f dA = Σ_edges (f_below − f_above)·∫ G(y(x)) dx, with
 * G(φ) = b²·F(φ) the ellipsoidal area between the equator and φ per radian of longitude, each
 * edge integral taken by 3-point Gauss–Legendre along the edge. Only edges where f changes are
 * integrated. Edges are straight in lon/lat (as in `straightEdgeArea`), which makes the result
 * exact for them and additive across any partition.
 *
 * Degenerate input is harmless: vertical edges carry no area, coincident edges bound zero-width
 * bands, zero-width "bridges" left by rectangle clipping cancel. A crossing whose x is rounded
 * shifts the order of two edges over a sub-ulp width only.
 */
import { WGS84_A, WGS84_F } from './geodesic.ts';
import type { MultiPolygonCoords } from './types.ts';

export interface SweepInput {
  base: MultiPolygonCoords;
  /** D = base ∩ ∪mask when given (null: D = base). */
  mask: ReadonlyArray<MultiPolygonCoords> | null;
  covers: ReadonlyArray<MultiPolygonCoords>;
  /** Treat D as fully covered. */
  coverFull: boolean;
  weighted: ReadonlyArray<{ coords: MultiPolygonCoords; weight: number }>;
}

export interface SweepAreas {
  denominator: number;
  covered: number;
  weighted: number;
  weightedCovered: number;
}

const DEG = Math.PI / 180;
const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);
const B2 = (WGS84_A * (1 - WGS84_F)) ** 2;
const GL_T = [0.5 - Math.sqrt(15) / 10, 0.5, 0.5 + Math.sqrt(15) / 10];
const GL_W = [5 / 18, 8 / 18, 5 / 18];

function strip(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return B2 * (s / (2 * (1 - E2 * s * s)) + Math.log((1 + E * s) / (1 - E * s)) / (4 * E));
}

/** Owner roles. */
const BASE = 0;
const MASK = 1;
const COVER = 2;
const WEIGHTED = 3;
type Role = typeof BASE | typeof MASK | typeof COVER | typeof WEIGHTED;

export function sweepAreas(input: SweepInput): SweepAreas {
  // Edges as x1 < x2 (vertical edges dropped), with their owner polygon.
  const xs1: number[] = [];
  const ys1: number[] = [];
  const xs2: number[] = [];
  const ys2: number[] = [];
  const owner: number[] = [];
  const roles: Role[] = [];
  const weights: number[] = [];
  const addOwner = (coords: MultiPolygonCoords, role: Role, weight: number) => {
    const id = roles.length;
    roles.push(role);
    weights.push(weight);
    for (const polygon of coords) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i]!;
          const b = ring[i + 1]!;
          if (a[0] === b[0]) continue;
          const flip = a[0]! > b[0]!;
          xs1.push(flip ? b[0]! : a[0]!);
          ys1.push(flip ? b[1]! : a[1]!);
          xs2.push(flip ? a[0]! : b[0]!);
          ys2.push(flip ? a[1]! : b[1]!);
          owner.push(id);
        }
      }
    }
  };
  addOwner(input.base, BASE, 0);
  for (const m of input.mask ?? []) addOwner(m, MASK, 0);
  if (!input.coverFull) for (const c of input.covers) addOwner(c, COVER, 0);
  for (const w of input.weighted) addOwner(w.coords, WEIGHTED, w.weight);
  const n = owner.length;
  const result: SweepAreas = { denominator: 0, covered: 0, weighted: 0, weightedCovered: 0 };
  if (n === 0) return result;

  // Events: endpoints and crossings (edges sorted by x1, scanned while x ranges overlap).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs1[a]! - xs1[b]!);
  const events: number[] = [];
  for (let i = 0; i < n; i++) events.push(xs1[i]!, xs2[i]!);
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const [ax, ay, bx, by] = [xs1[i]!, ys1[i]!, xs2[i]!, ys2[i]!];
    const iLo = Math.min(ay, by);
    const iHi = Math.max(ay, by);
    for (let q = p + 1; q < n; q++) {
      const j = order[q]!;
      if (xs1[j]! >= bx) break;
      const [cx, cy, dx, dy] = [xs1[j]!, ys1[j]!, xs2[j]!, ys2[j]!];
      if (Math.max(cy, dy) < iLo || Math.min(cy, dy) > iHi) continue;
      const d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      const d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
      if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) continue;
      const d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
      const d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
      if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) continue;
      if (d1 === d2) continue; // collinear: no single crossing point
      const x = cx + ((dx - cx) * d1) / (d1 - d2);
      if (x > ax && x < bx) events.push(x);
    }
  }
  events.sort((a, b) => a - b);

  const parity = new Uint8Array(roles.length);
  const hasMask = input.mask !== null;
  const active: number[] = [];
  const ym = new Float64Array(n);
  let next = 0;
  for (let e = 0; e + 1 < events.length; e++) {
    const xa = events[e]!;
    const xb = events[e + 1]!;
    if (!(xb > xa)) continue;
    while (next < n && xs1[order[next]!]! <= xa) active.push(order[next++]!);
    let k = 0;
    for (const i of active) if (xs2[i]! > xa) active[k++] = i;
    active.length = k;
    const xm = (xa + xb) / 2;
    const slab: number[] = [];
    for (const i of active) {
      if (xs2[i]! < xb) continue; // ends inside the slab: cannot happen once its x2 is an event
      const t = (xm - xs1[i]!) / (xs2[i]! - xs1[i]!);
      ym[i] = ys1[i]! + t * (ys2[i]! - ys1[i]!);
      slab.push(i);
    }
    if (slab.length < 2) continue;
    slab.sort((a, b) => ym[a]! - ym[b]!);
    parity.fill(0);
    let base = false;
    let masks = 0;
    let covers = 0;
    let weight = 0;
    const ref = strip(ym[slab[0]!]!);
    const width = (xb - xa) * DEG;
    let fD = 0;
    let fC = 0;
    let fW = 0;
    let fWC = 0;
    for (const i of slab) {
      const o = owner[i]!;
      parity[o] = parity[o]! ^ 1;
      const inside = parity[o] === 1;
      const step = inside ? 1 : -1;
      const role = roles[o];
      if (role === BASE) base = inside;
      else if (role === MASK) masks += step;
      else if (role === COVER) covers += step;
      else weight += step * weights[o]!;
      const d = base && (!hasMask || masks > 0) ? 1 : 0;
      const c = d && (input.coverFull || covers > 0) ? 1 : 0;
      const w = d ? weight : 0;
      const wc = c ? weight : 0;
      if (d === fD && c === fC && w === fW && wc === fWC) continue;
      // ∫ (G(y(x)) − G(ref)) dx over the slab, along edge i.
      const x1 = xs1[i]!;
      const slope = (ys2[i]! - ys1[i]!) / (xs2[i]! - x1);
      let g = 0;
      for (let q = 0; q < 3; q++) {
        const x = xa + (xb - xa) * GL_T[q]!;
        g += GL_W[q]! * (strip(ys1[i]! + slope * (x - x1)) - ref);
      }
      g *= width;
      result.denominator += (fD - d) * g;
      result.covered += (fC - c) * g;
      result.weighted += (fW - w) * g;
      result.weightedCovered += (fWC - wc) * g;
      fD = d;
      fC = c;
      fW = w;
      fWC = wc;
    }
  }
  return result;
}
