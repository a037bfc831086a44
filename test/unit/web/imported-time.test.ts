import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { shownAsOf } from '../../../src/core/time/rows-as-of.ts';
import { asOfFilter } from '../../../src/web/map/imported-time.ts';
import { TIME_PROPERTY } from '../../../src/web/workspace/timed-layer-urls.ts';

// The map's filter for a small layer on the timeline must show exactly the features the core's
// rule shows (the list and the counts use the rule; the map uses MapLibre's expression).
const YEARS = Object.freeze([2019, 2020, 2020, Number.NaN, 2023, 1900, 2100]);

function mapShows(year: number): boolean[] {
  const f = featureFilter(asOfFilter(year), 'filter');
  return YEARS.map((y) =>
    f.filter({ zoom: 10 }, {
      type: 1,
      properties: Number.isNaN(y) ? {} : { [TIME_PROPERTY]: y },
    } as unknown as Parameters<typeof f.filter>[1]),
  );
}

describe('a small layer on the timeline: the map filter and the core rule agree', () => {
  it.each([1899, 1900, 2018, 2019, 2020, 2022, 2023, 2099, 2100])('as of %i', (year) => {
    expect(mapShows(year)).toEqual(YEARS.map((y) => shownAsOf(y, year)));
  });
  it('known answer: as of 2020, the 2019, both 2020 and the 1900 features (4 of 7)', () => {
    expect(mapShows(2020)).toEqual([true, true, true, false, false, true, false]);
  });
});
