/**
 * Douglas–Peucker simplification, alone or shared between neighbouring polygons so that a
 * border two rings share is simplified once and stays identical in both.
 */
import type { Position } from 'geojson';
import { keyOf, type Multi, type Ring } from './rings.ts';

/** Douglas–Peucker on an open polyline, endpoints kept; distances with lon scaled by cos φ. */
export function douglasPeucker(line: Position[], tolerance: number): Position[] {
  const n = line.length;
  if (n <= 2) return line;
  const kx = Math.cos((line[0]![1]! * Math.PI) / 180);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const ax = line[a]![0]! * kx;
    const ay = line[a]![1]!;
    const dx = line[b]![0]! * kx - ax;
    const dy = line[b]![1]! - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1;
    let bestD = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = line[i]![0]! * kx - ax;
      const py = line[i]![1]! - ay;
      let d2: number;
      if (len2 === 0) d2 = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        d2 = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      }
      if (d2 > bestD) {
        bestD = d2;
        best = i;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies many polygons together so that borders two rings share are simplified once and
 * stay identical (the idea of TopoJSON arcs): a vertex where the neighbouring vertices differ
 * between the rings that use it is a junction; rings are cut at junctions into arcs, and each
 * arc is simplified in a canonical direction and cached. Needs exactly shared coordinates, which
 * the 1/1024° sources have within one file. The cache ignores the tolerance: an arc keeps the
 * tolerance of the first ring that simplified it (register and simplify the finest layer first).
 */
export class SharedSimplifier {
  private readonly signature = new Map<string, string>();
  private readonly junctions = new Set<string>();
  private readonly arcs = new Map<string, Position[]>();

  /** Record every vertex of closed rings; call for all polygons before simplifying any. */
  register(multi: Multi): void {
    for (const poly of multi) {
      for (const ring of poly) {
        const n = ring.length - 1;
        for (let i = 0; i < n; i++) {
          const k = keyOf(ring[i]!);
          const sig = [keyOf(ring[(i - 1 + n) % n]!), keyOf(ring[(i + 1) % n]!)].sort().join(';');
          const seen = this.signature.get(k);
          if (seen === undefined) this.signature.set(k, sig);
          else if (seen !== sig) this.junctions.add(k);
        }
      }
    }
  }

  /** Is this position a junction (where rings that share it part ways)? */
  isJunction(p: Position): boolean {
    return this.junctions.has(keyOf(p));
  }

  /** A closed ring, simplified arc by arc (closed on return). */
  simplifyRing(ring: Ring, tolerance: number): Ring {
    const n = ring.length - 1;
    const open = ring.slice(0, n);
    let cuts: number[] = [];
    for (let i = 0; i < n; i++) if (this.junctions.has(keyOf(open[i]!))) cuts.push(i);
    if (cuts.length === 0) {
      // An unshared ring (or one shared whole): start at its smallest vertex, deterministically.
      let min = 0;
      for (let i = 1; i < n; i++) {
        const [a, b] = [open[i]!, open[min]!];
        if (a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!)) min = i;
      }
      cuts = [min];
    }
    const out: Ring = [];
    for (let c = 0; c < cuts.length; c++) {
      const from = cuts[c]!;
      const to = cuts[(c + 1) % cuts.length]!;
      const arc: Position[] = [];
      for (let i = from; ; i = (i + 1) % n) {
        arc.push(open[i]!);
        if (arc.length > 1 && i === to) break;
      }
      const simplified = this.simplifyArc(arc, tolerance);
      out.push(...simplified.slice(0, -1));
    }
    out.push(out[0]!);
    return out;
  }

  private simplifyArc(arc: Position[], tolerance: number): Position[] {
    const first = keyOf(arc[0]!);
    const last = keyOf(arc[arc.length - 1]!);
    const reverse =
      first > last ||
      (first === last && arc.length > 2 && keyOf(arc[1]!) > keyOf(arc[arc.length - 2]!));
    const canonical = reverse ? [...arc].reverse() : arc;
    const key = canonical.map(keyOf).join(' ');
    let done = this.arcs.get(key);
    if (!done) {
      done = douglasPeucker(canonical, tolerance);
      this.arcs.set(key, done);
    }
    return reverse ? [...done].reverse() : done;
  }
}
