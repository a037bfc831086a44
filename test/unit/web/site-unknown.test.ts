import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../src/core/ledger/model.ts';
import { initiativePoints } from '../../../src/web/map/features.ts';
import { groupSiteUnknown, siteUnknownMarkers } from '../../../src/web/map/site-unknown.ts';
import { siteUnknownText } from '../../../src/web/ui/SiteUnknownList.tsx';

const row = (
  id: string,
  city_id: string,
  p: Initiative['location_precision'],
  lon = 120,
  lat = 32,
) =>
  ({
    id,
    city_id,
    location_precision: p,
    lon,
    lat,
    name_zh: id,
    name_en: id,
    category: 'transport',
    status: 'planned',
  }) as Initiative;

const rows = [
  row('t1', 'taixing', 'city'),
  row('j1', 'jiyuan', 'city', 112.6, 35.07),
  row('t2', 'taixing', 'exact', 120.01, 32.15),
  row('t3', 'taixing', 'city'),
  row('t4', 'taixing', 'approximate', 120.02, 32.17),
];

describe('projects whose site is not known', () => {
  it('are grouped by city, in ledger order; sited projects are not', () => {
    expect(groupSiteUnknown(rows)).toEqual([
      { city_id: 'taixing', ids: ['t1', 't3'] },
      { city_id: 'jiyuan', ids: ['j1'] },
    ]);
  });

  it('become one marker per city at its seat, with the count and its words', () => {
    const seats = new Map<string, [number, number]>([
      ['taixing', [120.0289, 32.1589]],
      ['jiyuan', [112.6019, 35.0669]],
    ]);
    const fc = siteUnknownMarkers(groupSiteUnknown(rows), seats, siteUnknownText);
    expect(fc.features.map((f) => [f.properties, f.geometry.coordinates])).toEqual([
      [
        {
          id: 'taixing',
          count: 2,
          label_en: '2 projects, site not known',
          label_zh: '2 个项目，具体位置未知',
        },
        [120.0289, 32.1589],
      ],
      [
        {
          id: 'jiyuan',
          count: 1,
          label_en: '1 project, site not known',
          label_zh: '1 个项目，具体位置未知',
        },
        [112.6019, 35.0669],
      ],
    ]);
  });

  it('a city with no seat in the catalogue gets no marker', () => {
    expect(siteUnknownMarkers(groupSiteUnknown(rows), new Map(), siteUnknownText).features).toEqual(
      [],
    );
  });

  it('are not points on the map: only projects with a site are (never fanned on rings)', () => {
    const fc = initiativePoints(rows);
    expect(fc.features.map((f) => f.properties.id)).toEqual(['t2', 't4']);
    expect(fc.features.every((f) => !f.properties.fanned)).toBe(true);
  });

  it('34 in both languages', () => {
    expect(siteUnknownText('en', 34)).toBe('34 projects, site not known');
    expect(siteUnknownText('zh', 34)).toBe('34 个项目，具体位置未知');
    expect(siteUnknownText('en', 1234)).toBe('1,234 projects, site not known');
  });
});
