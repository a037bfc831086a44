/** Per-query memo of the nearest-edge search (edge-index.ts). */
import { WGS84 } from './geodesic.ts';
import {
  type GeodesicLine,
  LINE_CAPS,
  type LocalFrame,
  type SegmentCache,
  vertexDistance,
} from './segment-distance.ts';

/** Memoises, for one query, vertex distances and (across queries) the geodesic of each edge. */
export class QueryCache implements SegmentCache {
  segment = 0;
  stamp = 0;
  /** A vertex farther than this (in a straight line) cannot change the answer: not measured. */
  limit = Infinity;
  constructor(
    private readonly index: {
      frame: LocalFrame;
      verts: Uint32Array;
      vertexLL: Float64Array;
      vertexD: Float64Array;
      vertexStamp: Uint32Array;
      ll: Float64Array;
      xyz: Float64Array;
      lines: Array<GeodesicLine | undefined> | null;
    },
  ) {}

  vertex(which: 0 | 1): number {
    const x = this.index;
    const v = x.verts[2 * this.segment + which]!;
    if (x.vertexStamp[v] === this.stamp) return x.vertexD[v]!;
    // The straight 3-D distance is a lower bound: past the limit the value cannot matter, and
    // Infinity (never the answer) stands in for it.
    const o = 6 * this.segment + 3 * which;
    const p = x.frame.p;
    const dx = x.xyz[o]! - p[0]!;
    const dy = x.xyz[o + 1]! - p[1]!;
    const dz = x.xyz[o + 2]! - p[2]!;
    if (Math.sqrt(dx * dx + dy * dy + dz * dz) - 1e-6 > this.limit) return Infinity;
    const d = vertexDistance(x.frame, x.vertexLL[2 * v]!, x.vertexLL[2 * v + 1]!);
    x.vertexD[v] = d;
    x.vertexStamp[v] = this.stamp;
    return d;
  }

  line(): GeodesicLine {
    const { ll, lines } = this.index;
    const i = this.segment;
    const cached = lines?.[i];
    if (cached) return cached;
    const q = 4 * i;
    const line = WGS84.InverseLine(ll[q + 1]!, ll[q]!, ll[q + 3]!, ll[q + 2]!, LINE_CAPS);
    if (lines) lines[i] = line;
    return line;
  }
}
