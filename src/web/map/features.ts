import type { FeatureCollection, Point } from 'geojson';
import type { Initiative } from '../../core/ledger/model.ts';
import { phaseAt, type TimelinePhase } from '../../core/time/phase.ts';
import { fanOut } from './fan-out.ts';

export interface InitiativePointProps {
  id: string;
  name_zh: string;
  name_en: string;
  category: string;
  status: string;
  location_precision: string;
  city_id: string;
  /** True when the display position was fanned out from a shared location. */
  fanned: boolean;
  /** Where it stands as of the timeline's year (core/time/phase.ts); 'all' with time off. */
  phase: TimelinePhase | 'all';
}

/**
 * The map's point source for the filtered ledger (display positions, slim properties): projects
 * with a site (exact or approximate). Those known only by their city are not points: they are
 * counted on one marker per city (site-unknown.ts).
 */
export function initiativePoints(
  rows: readonly Initiative[],
  year: number | null = null,
): FeatureCollection<Point, InitiativePointProps> {
  const sited = rows.filter((r) => r.location_precision !== 'city');
  const pos = fanOut(sited);
  return {
    type: 'FeatureCollection',
    features: sited.map((r) => {
      const p = pos.get(r.id) ?? [r.lon, r.lat];
      return {
        type: 'Feature',
        id: r.id,
        geometry: { type: 'Point', coordinates: p },
        properties: {
          id: r.id,
          name_zh: r.name_zh,
          name_en: r.name_en,
          category: r.category,
          status: r.status,
          location_precision: r.location_precision,
          city_id: r.city_id,
          fanned: p[0] !== r.lon || p[1] !== r.lat,
          phase: year === null ? 'all' : phaseAt(r.start_year, r.end_year, year),
        },
      };
    }),
  };
}
