/**
 * Park service-radius coverage (公园绿地服务半径覆盖率) of each region: the share of the
 * denominator (residential land inside the region when a residential layer is given, else the
 * region) lying within the service radius of a qualifying park, measured from the park's edge.
 *
 * 1. Parks are validated (invalid ones skipped with the reason, self-intersecting ones repaired),
 *    their ellipsoidal area decides the radius (`service-radius.ts`), and each qualifying park near
 *    a region is buffered geodesically (`buffer.ts`).
 * 2. Per region, the buffers, residential parcels and population polygons whose bboxes meet the
 *    region go to the quadtree overlay engine (`overlay.ts`): no global union.
 * 3. Population: polygons are area-weighted (value × covered share of the polygon's area, inside
 *    the denominator); points count when inside the denominator, and as covered when also inside
 *    a buffer. `population` is the population of the denominator area.
 */
import { type MessageCode, type MessageParams, say } from '../common/messages.ts';
import { multiPolygonArea } from './area.ts';
import { geodesicBuffer } from './buffer.ts';
import { type CoverageRule, coverageRule, DEFAULT_RULE, ruleLabel } from './coverage-rule.ts';
import { expandBBox, indexItems, itemsAt, itemsNear } from './item-index.ts';
import { type OverlayOptions, overlayAreas, type WeightedPolygon } from './overlay.ts';
import { PreparedPolygon } from './point-in-polygon.ts';
import { PointIndex } from './point-index.ts';
import { serviceRadius } from './service-radius.ts';
import { invalidPointRows } from './totals.ts';
import type {
  BBox,
  FeatureId,
  FeatureIssue,
  FeaturesInput,
  IdOptions,
  MultiPolygonCoords,
  PointSet,
  SkippedRow,
} from './types.ts';
import { bboxOf, type PolygonalItem, readPolygonal } from './validate.ts';
import { fieldReader, rowOf, toNumber } from './values.ts';

export type PopulationInput =
  | { polygons: FeaturesInput; field: string }
  | { points: PointSet; field: string; index?: PointIndex };

export interface CoverageOptions extends IdOptions {
  /** `gbt50563` (default), `gbt50563:historic`, `walk:METRES`, or a parsed rule. */
  rule?: CoverageRule | string;
  /** Id field of the parks (same id rule as regions). */
  parkIdField?: string;
  /** Residential land: the denominator becomes residential land inside each region. */
  residential?: FeaturesInput;
  population?: PopulationInput;
  /** Segments per quarter circle of the buffers' round corners (default 16). */
  steps?: number;
  /** Repair self-intersecting polygons (default true); when false they are skipped. */
  repair?: boolean;
  /** Also return the covered part of each region's denominator (for drawing). */
  includeGeometry?: boolean;
  overlay?: OverlayOptions;
}

/** One region's result: exactly the contract's fields. */
export interface CoverageRegion {
  id: FeatureId;
  area_m2: number;
  denominator_m2: number;
  covered_m2: number;
  share: number;
  population: number | null;
  population_covered: number | null;
}

/** A valid park: its area and radius, or why it does not qualify. */
export interface ParkUse {
  feature: number;
  id: FeatureId;
  area_m2: number;
  radius_m: number | null;
  reason?: string;
  /** The reason's code and values (common/messages.ts), for the app's Chinese. */
  code?: MessageCode;
  params?: MessageParams;
}

export interface CoverageResult {
  regions: CoverageRegion[];
  rule: string;
  denominator: 'residential' | 'region';
  parks: ParkUse[];
  skipped: {
    regions: FeatureIssue[];
    parks: FeatureIssue[];
    residential: FeatureIssue[];
    population: Array<FeatureIssue | SkippedRow>;
  };
  repaired: { regions: FeatureIssue[]; parks: FeatureIssue[]; residential: FeatureIssue[] };
  /** Covered part of each region's denominator, parallel to `regions` (with includeGeometry). */
  geometry?: MultiPolygonCoords[];
}

interface Buffered {
  coords: MultiPolygonCoords;
  bbox: BBox;
}

const preparedCache = new WeakMap<object, PreparedPolygon>();
/** The PreparedPolygon of a polygon item, built on first use. */
const prepared = (item: { coords: MultiPolygonCoords }): PreparedPolygon => {
  let pp = preparedCache.get(item);
  if (!pp) {
    pp = new PreparedPolygon(item.coords);
    preparedCache.set(item, pp);
  }
  return pp;
};

export function parkCoverage(
  regions: FeaturesInput,
  parks: FeaturesInput,
  options: CoverageOptions = {},
): CoverageResult {
  const rule =
    typeof options.rule === 'string' ? coverageRule(options.rule) : (options.rule ?? DEFAULT_RULE);
  const repair = options.repair ?? true;
  const idOpt = (f?: string) => ({ ...(f !== undefined ? { idField: f } : {}), repair });
  const r = readPolygonal(regions, idOpt(options.idField));
  const p = readPolygonal(parks, idOpt(options.parkIdField));
  const regionTree = indexItems(r.items);

  // 1. Parks: area, radius, buffer (only near a region).
  const parkUses: ParkUse[] = [];
  const buffers: Buffered[] = [];
  for (const park of p.items) {
    const area = multiPolygonArea(park.coords);
    const radius = serviceRadius(rule, area);
    if ('reason' in radius) {
      parkUses.push({
        feature: park.index,
        id: park.id,
        area_m2: area,
        radius_m: null,
        ...radius,
      });
      continue;
    }
    parkUses.push({ feature: park.index, id: park.id, area_m2: area, radius_m: radius.radius });
    if (itemsNear(regionTree, r.items, expandBBox(park.bbox, radius.radius)).length === 0) continue;
    const coords = geodesicBuffer(park.coords, radius.radius, {
      ...(options.steps !== undefined ? { steps: options.steps } : {}),
    });
    if (coords.length > 0) buffers.push({ coords, bbox: bboxOf(coords) });
  }
  const bufferTree = indexItems(buffers);

  // Residential land.
  const res = options.residential ? readPolygonal(options.residential, { repair }) : null;
  const resTree = res ? indexItems(res.items) : null;

  // Population.
  const pop = options.population;
  const popSkipped: Array<FeatureIssue | SkippedRow> = [];
  let popPolygons: Array<PolygonalItem & { weight: number }> = [];
  let popPoints: {
    points: PointSet;
    index: PointIndex;
    value: (i: number) => number | null;
  } | null = null;
  if (pop && 'polygons' in pop) {
    const read = readPolygonal(pop.polygons, { repair });
    popSkipped.push(...read.skipped);
    popPolygons = read.items.flatMap((it) => {
      const value = toNumber(it.properties[pop.field]);
      const area = multiPolygonArea(it.coords);
      if (value === null || area <= 0) {
        const why =
          value === null ? say('an_field_not_numeric', { field: pop.field }) : say('an_zero_area');
        popSkipped.push({ feature: it.index, id: it.id, ...why });
        return [];
      }
      return [{ ...it, weight: value / area }];
    });
  } else if (pop) {
    const index = pop.index ?? PointIndex.build(pop.points.lons, pop.points.lats);
    popSkipped.push(...invalidPointRows(pop.points, index));
    const read = fieldReader(pop.points, pop.field);
    const values = new Float64Array(pop.points.lons.length);
    for (let i = 0; i < values.length; i++) {
      const v = toNumber(read(i));
      values[i] = v ?? Number.NaN;
    }
    for (const i of index.rows) {
      if (Number.isNaN(values[i]!)) {
        popSkipped.push({
          row: rowOf(pop.points, i),
          ...say('an_field_not_numeric', { field: pop.field }),
        });
      }
    }
    popPoints = {
      points: pop.points,
      index,
      value: (i) => (Number.isNaN(values[i]!) ? null : values[i]!),
    };
  }
  const popTree = indexItems(popPolygons);

  // 2. Per region.
  const geometry: MultiPolygonCoords[] = [];
  const out: CoverageRegion[] = r.items.map((region) => {
    const nearRes = res ? itemsNear(resTree, res.items, region.bbox) : null;
    const weighted: WeightedPolygon[] = itemsNear(popTree, popPolygons, region.bbox).map((it) => ({
      coords: it.coords,
      weight: it.weight,
    }));
    const overlay = overlayAreas(
      {
        base: region.coords,
        mask: nearRes ? nearRes.map((it) => it.coords) : null,
        covers: itemsNear(bufferTree, buffers, region.bbox).map((b) => b.coords),
        weighted,
      },
      { ...options.overlay, collect: options.includeGeometry ?? false },
    );
    if (options.includeGeometry) geometry.push(overlay.covered ?? []);
    let population: number | null = null;
    let populationCovered: number | null = null;
    if (pop && 'polygons' in pop) {
      population = overlay.weighted;
      populationCovered = overlay.weightedCovered;
    } else if (popPoints) {
      population = 0;
      populationCovered = 0;
      const shape = new PreparedPolygon(region.coords);
      for (const i of popPoints.index.range(region.bbox)) {
        const v = popPoints.value(i);
        if (v === null) continue;
        const lon = popPoints.points.lons[i]!;
        const lat = popPoints.points.lats[i]!;
        if (!shape.contains(lon, lat)) continue;
        if (res) {
          const inRes = itemsAt(resTree, res.items, lon, lat).some((it) =>
            prepared(it).contains(lon, lat),
          );
          if (!inRes) continue;
        }
        population += v;
        if (itemsAt(bufferTree, buffers, lon, lat).some((b) => prepared(b).contains(lon, lat))) {
          populationCovered += v;
        }
      }
    }
    const den = overlay.denominator_m2;
    const covered = Math.min(overlay.covered_m2, den);
    return {
      id: region.id,
      area_m2: multiPolygonArea(region.coords),
      denominator_m2: den,
      covered_m2: covered,
      share: den > 0 ? covered / den : 0,
      population,
      population_covered: populationCovered,
    };
  });

  const result: CoverageResult = {
    regions: out,
    rule: ruleLabel(rule),
    denominator: res ? 'residential' : 'region',
    parks: parkUses,
    skipped: {
      regions: r.skipped,
      parks: p.skipped,
      residential: res?.skipped ?? [],
      population: popSkipped,
    },
    repaired: { regions: r.repaired, parks: p.repaired, residential: res?.repaired ?? [] },
  };
  if (options.includeGeometry) result.geometry = geometry;
  return result;
}
