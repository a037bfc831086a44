/**
 * How complete each city's park layer is (catalog.json `green_data`), checked against the layer
 * itself: a city can only claim what its features allow. A scorecard rates a city against the
 * national thresholds only when its layer is complete; an incomplete layer says what is missing.
 */
import type { CityEntry, GeometryQuality, GreenData, GreenDataStatus } from '../ledger/model.ts';

/**
 * The statuses a city's features allow: none without features; schematic when every one is a
 * schematic circle; partial when real outlines and schematic circles are mixed; partial or
 * complete when every one is a real outline (only a source can say nothing is missing).
 */
export function statusesAllowedByLayer(
  qualities: readonly GeometryQuality[],
): readonly GreenDataStatus[] {
  if (qualities.length === 0) return ['none'];
  const schematic = qualities.filter((q) => q === 'schematic').length;
  if (schematic === qualities.length) return ['schematic'];
  if (schematic > 0) return ['partial'];
  return ['partial', 'complete'];
}

export interface GreenDataProblem {
  city_id: string;
  field: string;
  reason: string;
}

/** Each city's `green_data` against the park layer's features of that city. */
export function checkGreenData(
  cities: readonly Pick<CityEntry, 'id' | 'green_data'>[],
  parks: readonly { city_id: string; geometry_quality: GeometryQuality }[],
): GreenDataProblem[] {
  const byCity = new Map<string, GeometryQuality[]>();
  for (const p of parks)
    byCity.set(p.city_id, [...(byCity.get(p.city_id) ?? []), p.geometry_quality]);
  const out: GreenDataProblem[] = [];
  for (const c of cities) {
    const qualities = byCity.get(c.id) ?? [];
    if (c.green_data.parks !== qualities.length) {
      out.push({
        city_id: c.id,
        field: 'green_data.parks',
        reason: `says ${c.green_data.parks} but the park layer has ${qualities.length}: re-assess the city's completeness`,
      });
    }
    const allowed = statusesAllowedByLayer(qualities);
    if (!allowed.includes(c.green_data.status)) {
      const schematic = qualities.filter((q) => q === 'schematic').length;
      out.push({
        city_id: c.id,
        field: 'green_data.status',
        reason: `"${c.green_data.status}" does not fit the park layer (${qualities.length} features, ${schematic} schematic): ${allowed.join(' or ')}`,
      });
    }
  }
  return out;
}

/** A parks layer an administrator published on the atlas server for a city. */
export interface PublishedParks {
  city_id: string;
  layer_id: string;
  features: number;
  updated_by: string;
  updated_at: string;
}

/**
 * The city's completeness once an administrator has published its park layer: the publisher
 * answers for it, so the layer counts as complete and its own record is the source.
 */
export function completenessWithPublished(green: GreenData, published: PublishedParks): GreenData {
  return {
    status: 'complete',
    parks: published.features,
    missing: null,
    how_to_add: null,
    sources: [
      `published layer ${published.layer_id} (${published.updated_by}, ${published.updated_at})`,
      ...green.sources,
    ],
  };
}

/** Only a complete park layer is rated against thresholds. */
export function canRate(status: GreenDataStatus): boolean {
  return status === 'complete';
}
