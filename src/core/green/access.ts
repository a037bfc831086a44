/**
 * Green access for the public: park service-area coverage per city (with the covered area as
 * geometry, for the map) and "is this place covered?" for one point. Pure; runs in the worker.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import {
  type CoverageOptions,
  type CoverageRegion,
  coverageRule,
  geometryArea,
  nearest,
  parkCoverage,
  serviceRadius,
} from '../analytics/index.ts';
import type { FeaturesInput } from '../analytics/types.ts';
import { nest, type Said, say } from '../common/messages.ts';
import { toNumber } from '../common/number.ts';
import type { Problem } from '../common/problem.ts';
import type { PopulationLayer } from '../ledger/validate.ts';

/** Optional layers that refine coverage: residential land (denominator), population. */
export interface CoverageLayers {
  residential?: FeatureCollection | null;
  population?: PopulationLayer | null;
}

function populationInput(p: PopulationLayer): CoverageOptions['population'] {
  if (p.kind === 'polygons')
    return { polygons: p.features.features as FeaturesInput, field: p.field };
  const n = p.features.features.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  const counts = new Float64Array(n);
  p.features.features.forEach((f, i) => {
    const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : [Number.NaN, Number.NaN];
    lons[i] = c[0] as number;
    lats[i] = c[1] as number;
    counts[i] = toNumber((f.properties as Record<string, unknown> | null)?.[p.field]) ?? Number.NaN;
  });
  return { points: { lons, lats, columns: { [p.field]: counts } }, field: p.field };
}

export interface CityCoverage {
  cities: CoverageRegion[];
  /** The covered part of each city (one MultiPolygon feature per city id). */
  covered: FeatureCollection<MultiPolygon, { id: string; share: number }>;
  /** What the shares are of: residential land inside each city, or the whole city. */
  denominator: 'residential' | 'region';
  /**
   * Parks skipped (invalid geometry) or repaired (self-intersection), with what was done: coded
   * problems (formatProblem gives the English line, "feature 3, id "bow", geometry: ... (repaired)").
   */
  parkIssues: Problem[];
  /** Parks that qualify under the rule / that do not. */
  qualifying: number;
  notQualifying: number;
  rule: string;
}

export function cityCoverage(
  boundaries: FeatureCollection,
  green: FeatureCollection,
  ids: readonly string[],
  rule: string,
  layers: CoverageLayers = {},
): CityCoverage {
  const wanted = new Set(ids);
  const regions = boundaries.features.filter(
    (f) => wanted.size === 0 || wanted.has(String(f.id ?? f.properties?.id)),
  );
  const res = parkCoverage(regions as FeaturesInput, green.features as FeaturesInput, {
    rule,
    includeGeometry: true,
    ...(layers.residential ? { residential: layers.residential.features as FeaturesInput } : {}),
    ...(layers.population ? { population: populationInput(layers.population) } : {}),
  });
  const covered: Feature<MultiPolygon, { id: string; share: number }>[] = res.regions.map(
    (r, i) => ({
      type: 'Feature',
      id: String(r.id),
      properties: { id: String(r.id), share: r.share },
      geometry: { type: 'MultiPolygon', coordinates: res.geometry?.[i] ?? [] },
    }),
  );
  const qualifying = res.parks.filter((p) => p.radius_m !== null).length;
  return {
    cities: res.regions,
    covered: { type: 'FeatureCollection', features: covered },
    denominator: res.denominator,
    parkIssues: [
      ...res.skipped.parks.map((p) => ({
        ...p,
        field: 'geometry',
        ...say('an_park_skipped', nest('reason', p)),
      })),
      ...res.repaired.parks.map((p) => ({
        ...p,
        field: 'geometry',
        ...say('an_park_repaired', nest('reason', p)),
      })),
    ],
    qualifying,
    notQualifying: res.parks.length - qualifying,
    rule: res.rule,
  };
}

export interface ParkAnswer {
  id: string;
  distance_m: number;
  area_m2: number;
  /** Service distance under the rule; null when the park does not qualify. */
  radius_m: number | null;
  /** Why it does not qualify, in English, and coded (`why`: the app words it in Chinese). */
  reason: string | null;
  why: Said | null;
  /** Within this park's service distance. */
  serves: boolean;
}

export interface PlaceAnswer {
  lon: number;
  lat: number;
  rule: string;
  covered: boolean;
  /** The nearest parks (qualifying or not), nearest first. */
  parks: ParkAnswer[];
}

/** Straight-line walking pace used for the minutes shown (4.8 km/h). */
export const WALK_M_PER_MIN = 80;

export function placeCheck(
  green: FeatureCollection,
  lon: number,
  lat: number,
  ruleText: string,
  k = 3,
): PlaceAnswer {
  const rule = coverageRule(ruleText);
  const byId = new Map(green.features.map((f) => [String(f.id ?? f.properties?.id), f]));
  const hits =
    nearest(
      { lons: Float64Array.of(lon), lats: Float64Array.of(lat), ids: ['place'] },
      green.features as FeaturesInput,
      { k: Math.max(k, 8) },
    ).results[0]?.nearest ?? [];
  const parks: ParkAnswer[] = hits.map((h) => {
    const area = geometryArea(byId.get(String(h.id))?.geometry);
    const r = serviceRadius(rule, area);
    const radius = 'radius' in r ? r.radius : null;
    return {
      id: String(h.id),
      distance_m: h.distance_m,
      area_m2: area,
      radius_m: radius,
      reason: 'reason' in r ? r.reason : null,
      why: 'reason' in r ? r : null,
      serves: radius !== null && h.distance_m <= radius,
    };
  });
  // The answer names the parks that serve the place first, then the nearest others.
  const serving = parks.filter((p) => p.serves);
  const others = parks.filter((p) => !p.serves);
  return {
    lon,
    lat,
    rule: ruleText,
    covered: serving.length > 0,
    parks: [...serving, ...others].slice(0, k),
  };
}
