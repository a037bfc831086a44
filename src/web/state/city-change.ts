import type { AtlasData } from '../../core/ledger/load.ts';
import type { Selection } from './url.ts';

/** Whether two city filters name the same cities (order does not matter). */
export function sameCities(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((c) => set.has(c));
}

/** The city a selected project, park or boundary belongs to (null when it cannot be found). */
export function selectionCity(sel: Selection, data: AtlasData | null): string | null {
  if (!data) return null;
  if (sel.kind === 'initiative') {
    return data.initiatives.find((r) => r.id === sel.id)?.city_id ?? null;
  }
  if (sel.kind === 'green') {
    return data.green?.features.find((f) => f.properties.id === sel.id)?.properties.city_id ?? null;
  }
  return sel.id;
}

/**
 * After the city filter changes, does the selection still belong on screen? Only when it lies in
 * one of the cities now chosen (any city when none is chosen); a project, park or boundary of the
 * previous city is dropped with its details.
 */
export function selectionSurvivesCityChange(
  sel: Selection | null,
  cities: readonly string[],
  data: AtlasData | null,
): boolean {
  if (!sel) return false;
  const city = selectionCity(sel, data);
  if (city === null) return false;
  return cities.length === 0 || cities.includes(city);
}

/**
 * A link's city filter against the catalogue: the ids it has, and those it does not (a
 * programme's id such as `xpcc`, a typo, a city since removed), each in the link's order. A
 * filter on an unknown id would show no project at all under "All cities".
 */
export function splitKnownCities(
  ids: readonly string[],
  catalogCities: readonly { id: string }[],
): { known: string[]; unknown: string[] } {
  const has = new Set(catalogCities.map((c) => c.id));
  return { known: ids.filter((id) => has.has(id)), unknown: ids.filter((id) => !has.has(id)) };
}
