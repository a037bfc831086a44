/**
 * Green-space area inside each region and its share of the region's area. Green polygons are
 * unioned within the region (overlaps count once) by the quadtree overlay engine (`overlay.ts`);
 * all areas are ellipsoidal.
 */
import { multiPolygonArea } from './area.ts';
import { indexItems, itemsNear } from './item-index.ts';
import { type OverlayOptions, overlayAreas } from './overlay.ts';
import type { FeatureId, FeatureIssue, FeaturesInput, IdOptions } from './types.ts';
import { type PolygonalItem, readPolygonal } from './validate.ts';

export interface GreenShareOptions extends IdOptions {
  /** Repair self-intersecting polygons (default true); when false they are skipped. */
  repair?: boolean;
  overlay?: OverlayOptions;
}

export interface GreenShareRegion {
  id: FeatureId;
  area_m2: number;
  green_m2: number;
  /** green_m2 / area_m2, 0..1 (0 for a region of zero area). */
  share: number;
}

export interface GreenShareResult {
  regions: GreenShareRegion[];
  skipped: { regions: FeatureIssue[]; green: FeatureIssue[] };
  repaired: { regions: FeatureIssue[]; green: FeatureIssue[] };
}

export function greenShare(
  regions: FeaturesInput,
  green: FeaturesInput,
  options: GreenShareOptions = {},
): GreenShareResult {
  const repair = options.repair ?? true;
  const r = readPolygonal(regions, {
    ...(options.idField !== undefined ? { idField: options.idField } : {}),
    repair,
  });
  // Green polygons are densified like the region, so long edges follow their geodesics.
  const g = readPolygonal(green, { repair, densifyMetres: 500 });
  const tree = indexItems(g.items);
  const out = r.items.map((region) => {
    const near: PolygonalItem[] = itemsNear(tree, g.items, region.bbox);
    const res = overlayAreas(
      { base: region.coords, covers: near.map((it) => it.coords) },
      options.overlay,
    );
    const area = multiPolygonArea(region.coords);
    const green_m2 = Math.min(res.covered_m2, area);
    return { id: region.id, area_m2: area, green_m2, share: area > 0 ? green_m2 / area : 0 };
  });
  return {
    regions: out,
    skipped: { regions: r.skipped, green: g.skipped },
    repaired: { regions: r.repaired, green: g.repaired },
  };
}
