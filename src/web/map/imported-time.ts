/**
 * A GeoJSON layer's features as of a year, as a MapLibre filter: the year of each feature is the
 * one the core read (baked in as `__t` by workspace/timed-layer-urls.ts), and the comparison is
 * core/time/rows-as-of.ts's shownAsOf (its year is Y or earlier; a feature without a year is never
 * shown while a year is set). test/e2e/time-layers.e2e.ts checks the map draws the features the
 * row list and the counts name.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { TIME_PROPERTY } from '../workspace/timed-layer-urls.ts';

/** Above any year: a feature without one compares as never reached. */
const NO_YEAR = 1e9;

export function asOfFilter(year: number): ExpressionSpecification {
  return ['<=', ['coalesce', ['get', TIME_PROPERTY], NO_YEAR], year];
}
