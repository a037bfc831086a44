/**
 * Gap finder: the uncovered parts of a region, as connected patches on a grid, largest first.
 *
 * The region's bbox is cut into cells of about `cellMetres` (in lon/lat, so cells in one row are
 * equal); a cell is part of a gap when its centre lies inside the region and outside the covered
 * area. 4-connected gap cells form patches; a patch's area is the sum of its cells' ellipsoidal
 * areas. Approximate by design (to one cell along the edges), and labelled so in the UI.
 */
import { ringArea } from '../analytics/area.ts';
import { PreparedPolygon } from '../analytics/point-in-polygon.ts';
import type { BBox, MultiPolygonCoords } from '../analytics/types.ts';

export interface GapPatch {
  area_m2: number;
  cells: number;
  bbox: BBox;
  /** The gap cell nearest the patch's mean position (always inside the patch). */
  centre: [number, number];
}

const M_PER_DEG_LAT = 111_132;

export function gapPatches(
  region: MultiPolygonCoords,
  covered: MultiPolygonCoords,
  cellMetres = 250,
  maxCells = 400_000,
): GapPatch[] {
  const inRegion = new PreparedPolygon(region);
  if (inRegion.isEmpty) return [];
  const inCovered = new PreparedPolygon(covered);
  const [w, s, e, n] = inRegion.bbox;
  const midLat = (s + n) / 2;
  let dLat = cellMetres / M_PER_DEG_LAT;
  let dLon = cellMetres / (M_PER_DEG_LAT * Math.max(0.05, Math.cos((midLat * Math.PI) / 180)));
  let nx = Math.max(1, Math.ceil((e - w) / dLon));
  let ny = Math.max(1, Math.ceil((n - s) / dLat));
  if (nx * ny > maxCells) {
    const k = Math.sqrt((nx * ny) / maxCells);
    dLat *= k;
    dLon *= k;
    nx = Math.max(1, Math.ceil((e - w) / dLon));
    ny = Math.max(1, Math.ceil((n - s) / dLat));
  }
  const gap = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = s + (j + 0.5) * dLat;
    for (let i = 0; i < nx; i++) {
      const x = w + (i + 0.5) * dLon;
      if (inRegion.contains(x, y) && !inCovered.contains(x, y)) gap[j * nx + i] = 1;
    }
  }
  const rowArea = new Float64Array(ny);
  for (let j = 0; j < ny; j++) {
    const y0 = s + j * dLat;
    rowArea[j] = Math.abs(
      ringArea([
        [w, y0],
        [w + dLon, y0],
        [w + dLon, y0 + dLat],
        [w, y0 + dLat],
        [w, y0],
      ]),
    );
  }
  const seen = new Uint8Array(nx * ny);
  const patches: GapPatch[] = [];
  const stack: number[] = [];
  for (let start = 0; start < gap.length; start++) {
    if (!gap[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    const members: number[] = [];
    let area = 0;
    let sx = 0;
    let sy = 0;
    const bb: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    while (stack.length) {
      const c = stack.pop() as number;
      members.push(c);
      const i = c % nx;
      const j = (c - i) / nx;
      area += rowArea[j] as number;
      sx += i;
      sy += j;
      bb[0] = Math.min(bb[0], w + i * dLon);
      bb[1] = Math.min(bb[1], s + j * dLat);
      bb[2] = Math.max(bb[2], w + (i + 1) * dLon);
      bb[3] = Math.max(bb[3], s + (j + 1) * dLat);
      const next = [
        i > 0 ? c - 1 : -1,
        i < nx - 1 ? c + 1 : -1,
        j > 0 ? c - nx : -1,
        j < ny - 1 ? c + nx : -1,
      ];
      for (const m of next) {
        if (m >= 0 && gap[m] && !seen[m]) {
          seen[m] = 1;
          stack.push(m);
        }
      }
    }
    const mx = sx / members.length;
    const my = sy / members.length;
    let best = members[0] as number;
    let bestD = Infinity;
    for (const c of members) {
      const i = c % nx;
      const d = (i - mx) ** 2 + ((c - i) / nx - my) ** 2;
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    const bi = best % nx;
    const bj = (best - bi) / nx;
    patches.push({
      area_m2: area,
      cells: members.length,
      bbox: bb,
      centre: [w + (bi + 0.5) * dLon, s + (bj + 0.5) * dLat],
    });
  }
  return patches.sort((a, b) => b.area_m2 - a.area_m2);
}
