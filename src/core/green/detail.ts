/**
 * One city's green-access detail: coverage under a rule, the share of the city within 300 / 500 /
 * 800 / 1,000 m of any park, the largest gaps, and "what if" a new park were added.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { parkCoverage } from '../analytics/index.ts';
import type { FeaturesInput, MultiPolygonCoords } from '../analytics/types.ts';
import { type GapPatch, gapPatches } from './gaps.ts';

export const DISTANCE_BANDS = [300, 500, 800, 1000] as const;

export interface NewPark {
  lon: number;
  lat: number;
  area_m2: number;
}

export interface CityDetail {
  id: string;
  rule: string;
  share: number;
  covered_m2: number;
  bands: Array<{ metres: number; share: number }>;
  gaps: GapPatch[];
  newPark: Feature<Polygon> | null;
}

const M_PER_DEG_LAT = 111_132;

/** A square park of (about) the given area centred on the point, as a what-if shape. */
export function squarePark(p: NewPark): Feature<Polygon> {
  const half = Math.sqrt(p.area_m2) / 2;
  const dLat = half / M_PER_DEG_LAT;
  const dLon = half / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180));
  return {
    type: 'Feature',
    id: 'what-if',
    properties: { id: 'what-if' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [p.lon - dLon, p.lat - dLat],
          [p.lon + dLon, p.lat - dLat],
          [p.lon + dLon, p.lat + dLat],
          [p.lon - dLon, p.lat + dLat],
          [p.lon - dLon, p.lat - dLat],
        ],
      ],
    },
  };
}

export function cityDetail(
  boundaries: FeatureCollection,
  green: FeatureCollection,
  cityId: string,
  rule: string,
  newPark: NewPark | null = null,
  topGaps = 6,
): CityDetail | null {
  const region = boundaries.features.find((f) => String(f.id ?? f.properties?.id) === cityId);
  if (!region) return null;
  const park = newPark ? squarePark(newPark) : null;
  const parks = (park ? [...green.features, park] : green.features) as FeaturesInput;
  const regions = [region] as FeaturesInput;
  const main = parkCoverage(regions, parks, { rule, includeGeometry: true });
  const r = main.regions[0];
  const bands = DISTANCE_BANDS.map((metres) => ({
    metres,
    share: parkCoverage(regions, parks, { rule: `walk:${metres}` }).regions[0]?.share ?? 0,
  }));
  const geom = region.geometry;
  const regionCoords: MultiPolygonCoords =
    geom.type === 'Polygon'
      ? [geom.coordinates]
      : geom.type === 'MultiPolygon'
        ? geom.coordinates
        : [];
  return {
    id: cityId,
    rule,
    share: r?.share ?? 0,
    covered_m2: r?.covered_m2 ?? 0,
    bands,
    gaps: gapPatches(regionCoords, main.geometry?.[0] ?? []).slice(0, topGaps),
    newPark: park,
  };
}
