/**
 * The area engine behind coverage and green share: for one region, the ellipsoidal areas of
 *   D = base ∩ ∪mask            (the denominator: the region, or residential land inside it)
 *   C = D ∩ ∪covers             (the covered part: park buffers, or green polygons)
 * and, for weighted polygons w (population densities), Σ w·area(P ∩ D) and Σ w·area(P ∩ C).
 *
 * Never a global union: the region's bbox is split as a quadtree. At each node every layer is
 * clipped to the node's rectangle (Sutherland–Hodgman, linear time), a member that covers the whole
 * rectangle short-cuts its layer, and a node becomes a leaf once it holds at most `maxPerLeaf`
 * members and `maxLeafVertices` vertices (or when a split stopped reducing them). A leaf
 * is measured by the slab sweep of `sweep.ts`: exact areas of the boolean combination without
 * building polygons, so no clipper can fail or slow down there. Leaves partition the region and the
 * sweep's areas (straight lon/lat edges) are additive, so the leaves add up exactly.
 *
 * Denominator layers are first densified along their geodesics (edges <= 500 m), so straight and
 * geodesic edges agree to ~4 mm and D adds up to the GeographicLib area of the region to ~1e-7.
 * The covered polygons themselves (option `collect`, for drawing) come from polyclip-ts per leaf.
 */
import type { Position } from 'geojson';
import {
  bboxesIntersect,
  clipToBBox,
  intersectAll,
  planarArea,
  unionAll,
  vertexCount,
} from './clip.ts';
import { densify } from './densify.ts';
import { sweepAreas } from './sweep.ts';
import type { BBox, MultiPolygonCoords } from './types.ts';
import { bboxOf } from './validate.ts';

export interface WeightedPolygon {
  coords: MultiPolygonCoords;
  /** Weight per m² (e.g. population / area). */
  weight: number;
}

export interface OverlayInput {
  base: MultiPolygonCoords;
  /** When given, D = base ∩ ∪mask (an empty list means D is empty). */
  mask?: ReadonlyArray<MultiPolygonCoords> | null;
  covers: ReadonlyArray<MultiPolygonCoords>;
  weighted?: ReadonlyArray<WeightedPolygon>;
}

export interface OverlayOptions {
  /** Largest number of mask + cover + weighted members a leaf may hold (default 16). */
  maxPerLeaf?: number;
  /** Largest vertex count a leaf may hold (default 4000). */
  maxLeafVertices?: number;
  /** Depth limit of the quadtree (default 18). */
  maxDepth?: number;
  /** Collect the covered pieces (C) as a multipolygon. */
  collect?: boolean;
}

export interface OverlayResult {
  denominator_m2: number;
  covered_m2: number;
  weighted: number;
  weightedCovered: number;
  leaves: number;
  /** With `collect`: the covered pieces (drawing only; areas come from the sweep). */
  covered?: MultiPolygonCoords;
  /** With `collect`: true when polyclip-ts failed on some leaf, whose pieces are missing. */
  geometryIncomplete?: boolean;
}

interface Member {
  coords: MultiPolygonCoords;
  bbox: BBox;
}

interface WeightedMember extends Member {
  weight: number;
}

interface Node {
  bbox: BBox;
  base: MultiPolygonCoords;
  mask: Member[] | null;
  covers: Member[];
  coverFull: boolean;
  weighted: WeightedMember[];
  depth: number;
  /** Members of the parent node (splitting must reduce them to be worth it). */
  parentMembers: number;
}

const member = (coords: MultiPolygonCoords): Member => ({ coords, bbox: bboxOf(coords) });

function clipMembers<T extends Member>(list: ReadonlyArray<T>, b: BBox, eps: number): T[] {
  const out: T[] = [];
  for (const m of list) {
    if (!bboxesIntersect(m.bbox, b)) continue;
    const coords = clipToBBox(m.coords, b, eps);
    if (coords.length > 0) out.push({ ...m, coords, bbox: bboxOf(coords) });
  }
  return out;
}

function snap(coords: MultiPolygonCoords): MultiPolygonCoords {
  const s = (v: number) => Math.round(v * 1e9) / 1e9;
  return coords.map((p) => p.map((r) => r.map((q): Position => [s(q[0]!), s(q[1]!)])));
}

/** The covered part of a leaf as polygons (polyclip-ts; only for drawing). */
function coveredPieces(node: Node): MultiPolygonCoords {
  const run = (prep: (c: MultiPolygonCoords) => MultiPolygonCoords) => {
    const base = prep(node.base);
    const d = node.mask
      ? intersectAll([base, unionAll(node.mask.map((m) => prep(m.coords)))])
      : base;
    if (node.coverFull) return d;
    return intersectAll([d, unionAll(node.covers.map((m) => prep(m.coords)))]);
  };
  try {
    return run((c) => c);
  } catch {
    return run(snap);
  }
}

/** Ellipsoidal areas of D and D ∩ ∪covers (see the file comment). */
export function overlayAreas(input: OverlayInput, options: OverlayOptions = {}): OverlayResult {
  const maxPerLeaf = options.maxPerLeaf ?? 16;
  const maxLeafVertices = options.maxLeafVertices ?? 4000;
  const maxDepth = options.maxDepth ?? 18;
  const result: OverlayResult = {
    denominator_m2: 0,
    covered_m2: 0,
    weighted: 0,
    weightedCovered: 0,
    leaves: 0,
  };
  const collected: MultiPolygonCoords = [];
  if (input.base.length === 0) return options.collect ? { ...result, covered: [] } : result;
  // Long edges of the denominator layers get vertices on their geodesics (a no-op for inputs
  // read by readPolygonal), so the node cut lines split them where the area code expects.
  const base = densify(input.base);
  const root: Node = {
    bbox: bboxOf(base),
    base,
    mask: input.mask ? input.mask.filter((m) => m.length > 0).map((m) => member(densify(m))) : null,
    covers: input.covers.filter((c) => c.length > 0).map(member),
    coverFull: false,
    weighted: (input.weighted ?? [])
      .filter((w) => w.coords.length > 0 && w.weight !== 0)
      .map((w) => ({ ...member(densify(w.coords)), weight: w.weight })),
    depth: 0,
    parentMembers: Number.POSITIVE_INFINITY,
  };
  const rootArea = (root.bbox[2] - root.bbox[0]) * (root.bbox[3] - root.bbox[1]);
  const eps = rootArea * 1e-16;

  const leaf = (node: Node): void => {
    const areas = sweepAreas({
      base: node.base,
      mask: node.mask ? node.mask.map((m) => m.coords) : null,
      covers: node.covers.map((m) => m.coords),
      coverFull: node.coverFull,
      weighted: node.weighted,
    });
    result.denominator_m2 += areas.denominator;
    result.covered_m2 += Math.max(0, areas.covered);
    result.weighted += areas.weighted;
    result.weightedCovered += areas.weightedCovered;
    result.leaves++;
    if (options.collect && areas.covered > 0) {
      try {
        collected.push(...coveredPieces(node));
      } catch {
        result.geometryIncomplete = true;
      }
    }
  };

  const visit = (node: Node): void => {
    if (node.base.length === 0) return;
    if (node.mask && node.mask.length === 0) return;
    const [x0, y0, x1, y1] = node.bbox;
    const rect = (x1 - x0) * (y1 - y0);
    const full = (m: Member) => planarArea(m.coords) >= rect * (1 - 1e-9);
    if (node.mask?.some(full)) node.mask = null;
    if (!node.coverFull && node.covers.some(full)) {
      node.coverFull = true;
      node.covers = [];
    }
    const members = (node.mask?.length ?? 0) + node.covers.length + node.weighted.length;
    let vertices = vertexCount(node.base);
    for (const m of node.mask ?? []) vertices += vertexCount(m.coords);
    for (const m of node.covers) vertices += vertexCount(m.coords);
    for (const m of node.weighted) vertices += vertexCount(m.coords);
    // A leaf when small enough, or when the last split did not reduce the members (a point where
    // many buffers overlap cannot be split away) and the vertices are not too many.
    const fewVertices = vertices <= maxLeafVertices;
    const small = fewVertices && (members <= maxPerLeaf || members >= node.parentMembers);
    if (small || node.depth >= maxDepth) {
      leaf(node);
      return;
    }
    const mx = (x0 + x1) / 2;
    const my = (y0 + y1) / 2;
    const quads: BBox[] = [
      [x0, y0, mx, my],
      [mx, y0, x1, my],
      [x0, my, mx, y1],
      [mx, my, x1, y1],
    ];
    for (const q of quads) {
      const base = clipToBBox(node.base, q, eps);
      if (base.length === 0) continue;
      visit({
        bbox: q,
        base,
        mask: node.mask ? clipMembers(node.mask, q, eps) : null,
        covers: node.coverFull ? [] : clipMembers(node.covers, q, eps),
        coverFull: node.coverFull,
        weighted: clipMembers(node.weighted, q, eps),
        depth: node.depth + 1,
        parentMembers: members,
      });
    }
  };

  visit(root);
  return options.collect ? { ...result, covered: collected } : result;
}
