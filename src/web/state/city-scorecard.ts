import { type ScoreRow, scorecard } from '../../core/green/scorecard.ts';
import type { AtlasData } from '../../core/ledger/load.ts';
import type { GreenState } from './green-store.ts';

/**
 * A city's garden-city scorecard from what the app holds: its boundary, its computed park
 * coverage under `rule`, the standards and the published figures. Null while coverage is not
 * computed or the city has no boundary. The one place that assembles the scorecard's input,
 * for the Scorecard panel and the PDF.
 */
export function cityScorecard(
  cityId: string,
  data: AtlasData | null,
  rule: string | null,
  green: Pick<GreenState, 'coverage' | 'standards' | 'published'>,
): ScoreRow[] | null {
  const { coverage, standards, published } = green;
  if (!coverage || !rule) return null;
  const c = coverage.cities.find((x) => String(x.id) === cityId);
  const b = data?.boundaries?.features.find((f) => f.properties.id === cityId)?.properties;
  if (!c || !b) return null;
  const city = data?.catalog.cities.find((x) => x.id === cityId);
  return scorecard(
    {
      city_id: cityId,
      area_m2: c.area_m2,
      green_m2: coverage.green_m2[cityId] ?? 0,
      coverage: c.share,
      rule,
      denominator: coverage.denominator,
      population: b.population,
      population_year: b.population_year,
      // A city missing from the catalogue has no known park data: not rated.
      green_data: city?.green_data?.status ?? 'none',
    },
    standards?.thresholds ?? [],
    published?.published ?? [],
  );
}
