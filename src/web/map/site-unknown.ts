/**
 * Projects whose sources name only their city (location_precision 'city') have no site: instead
 * of one point each piled on the city's seat, the map shows ONE marker per city with their count,
 * which opens their list. Display only: the data, exports and analytics keep every row as it is.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Initiative } from '../../core/ledger/model.ts';

export interface SiteUnknownGroup {
  city_id: string;
  /** The projects' ids, in ledger order. */
  ids: string[];
}

/** The rows with a city-only location, grouped by city (cities in order of first appearance). */
export function groupSiteUnknown(
  rows: readonly Pick<Initiative, 'id' | 'city_id' | 'location_precision'>[],
): SiteUnknownGroup[] {
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    if (r.location_precision !== 'city') continue;
    const g = groups.get(r.city_id);
    if (g) g.push(r.id);
    else groups.set(r.city_id, [r.id]);
  }
  return [...groups].map(([city_id, ids]) => ({ city_id, ids }));
}

export interface SiteUnknownProps {
  /** The city id (the feature's id too, for hover state). */
  id: string;
  count: number;
  /** "34 projects, site not known" in each language, for the map's label. */
  label_en: string;
  label_zh: string;
}

/**
 * One point per city that has such projects, at the city's seat (the layer draws it offset from
 * the seat so the city's name stays readable). A city without a seat in the catalogue is left out.
 */
export function siteUnknownMarkers(
  groups: readonly SiteUnknownGroup[],
  seats: ReadonlyMap<string, readonly [number, number]>,
  label: (lang: 'en' | 'zh', n: number) => string,
): FeatureCollection<Point, SiteUnknownProps> {
  const features: FeatureCollection<Point, SiteUnknownProps>['features'] = [];
  for (const g of groups) {
    const seat = seats.get(g.city_id);
    if (!seat) continue;
    features.push({
      type: 'Feature',
      id: g.city_id,
      geometry: { type: 'Point', coordinates: [seat[0], seat[1]] },
      properties: {
        id: g.city_id,
        count: g.ids.length,
        label_en: label('en', g.ids.length),
        label_zh: label('zh', g.ids.length),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
