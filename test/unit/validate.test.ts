import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  INITIATIVE_FIELDS,
  parseInitiativesCsv,
  validateCatalog,
  validateGreenSpace,
} from '../../src/core/ledger/validate.ts';

const HEADER = INITIATIVE_FIELDS.join(',');
const GOOD =
  'tz-a,绿心,Green Heart,tongzhou,green_space,completed,2018,2020,,,116.719,39.874,exact,https://example.org/a,stated,A park';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const withCell = (field: (typeof INITIATIVE_FIELDS)[number], value: string, row = GOOD) => {
  const cells = row.split(',');
  cells[INITIATIVE_FIELDS.indexOf(field)] = value;
  return cells.join(',');
};
const cities = { cityIds: new Set(['tongzhou']) };

describe('parseInitiativesCsv', () => {
  it('reads a good row with blank investment as null, never 0', () => {
    const r = parseInitiativesCsv(`\uFEFF${csv(GOOD)}\r\n`, cities);
    expect(r.issues).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      id: 'tz-a',
      investment_cny: null,
      lon: 116.719,
      start_year: 2018,
    });
  });

  it.each([
    ['lat', '95', /out of range/],
    ['lon', '', /blank/],
    ['investment_cny', 'n/a', /not a number/],
    ['category', 'parks', /Invalid option/],
    ['location_precision', 'roughly', /Invalid option/],
    ['end_year', '2010', /before start_year/],
    ['name_en', ' ', /empty/],
    ['city_id', 'atlantis', /not in the catalogue/],
  ] as const)(
    'reports a bad %s with row and field, keeps the good rows',
    (field, value, reason) => {
      const r = parseInitiativesCsv(
        csv(GOOD.replace('tz-a', 'tz-b'), withCell(field, value)),
        cities,
      );
      expect(r.rows.map((x) => x.id)).toEqual(['tz-b']);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ file: 'initiatives.csv', row: 2, id: 'tz-a' });
      expect(r.issues[0]?.field).toBe(field === 'end_year' ? 'end_year' : field);
      expect(r.issues[0]?.reason).toMatch(reason);
    },
  );

  it('reads a qualified investment and several sources', () => {
    let row = withCell('investment_cny', '40000000');
    row = withCell('investment_qualifier', 'at_least', row);
    row = withCell('source', '003_d1727f86196977aa.txt | https://example.org/b', row);
    row = withCell('status', 'not_stated', row);
    const r = parseInitiativesCsv(csv(row), cities);
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      investment_cny: 40_000_000,
      investment_qualifier: 'at_least',
      status: 'not_stated',
      source: '003_d1727f86196977aa.txt | https://example.org/b',
    });
  });

  it.each([
    [['investment_cny', '60000000', 'investment_qualifier'], /required when investment_cny is set/],
    [['investment_qualifier', 'exact'], /must be blank when investment_cny is blank/],
    [['investment_qualifier', 'maybe'], /must be one of exact, at_least, about, target/],
    [['source', 'Beijing Daily'], /neither a seed file name/],
    [['source', 'https://example.org/a | 12_abc.txt'], /"12_abc\.txt" is neither/],
    [['source', 'https://example.org/a | https://example.org/a'], /same source twice/],
  ] as const)('reports %j on the row and field', (cellEdit, reason) => {
    const [field, value] = cellEdit;
    const reported = cellEdit[2] ?? field;
    const r = parseInitiativesCsv(csv(withCell(field, value)), cities);
    expect(r.rows).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 1, id: 'tz-a', field: reported });
    expect(r.issues[0]?.reason).toMatch(reason);
  });

  it('names a missing column and loads nothing (fatal)', () => {
    const r = parseInitiativesCsv(csv(GOOD).replace(',lat,', ',latitude,'));
    expect(r.fatal).toBe(true);
    expect(r.issues).toMatchObject([
      { file: 'initiatives.csv', field: 'lat', reason: 'column is missing from the header' },
    ]);
  });

  it('rejects duplicate ids and rows with too many cells', () => {
    const r = parseInitiativesCsv(csv(GOOD, GOOD, `${GOOD.replace('tz-a', 'tz-c')},extra`));
    expect(r.rows).toHaveLength(1);
    expect(r.issues.map((i) => [i.row, i.field])).toEqual([
      [2, 'id'],
      [3, '(row)'],
    ]);
  });

  it('formats an issue with file, row, line, id and field', () => {
    expect(
      formatIssue({ file: 'x.csv', row: 4, id: 'a', field: 'lat', reason: 'is out of range' }),
    ).toBe('x.csv (row 4, line 5, id "a", lat): is out of range');
  });
});

const square = [
  [
    [116, 39],
    [116.01, 39],
    [116.01, 39.01],
    [116, 39.01],
    [116, 39],
  ],
];
const greenProps = {
  id: 'g1',
  name_zh: '公园',
  name_en: 'Park',
  city_id: 'tongzhou',
  kind: 'community_park',
  opened_year: 2019,
  stated_area_m2: 1000,
  source: 'https://example.org',
  confidence: 'stated',
  geometry_quality: 'schematic',
  note: '',
};
const feature = (props: object, coords = square) => ({
  type: 'Feature',
  properties: { ...greenProps, ...props },
  geometry: { type: 'Polygon', coordinates: coords },
});

describe('validateGreenSpace', () => {
  it('rejects a non-collection as a whole', () => {
    expect(validateGreenSpace({ type: 'Feature' }).value).toBeNull();
  });

  it('skips bad features by index and field and keeps the rest', () => {
    const open = [square[0]?.slice(0, 4) ?? []];
    const r = validateGreenSpace(
      {
        type: 'FeatureCollection',
        features: [feature({}), feature({ id: 'g2', kind: 'lawn' }), feature({ id: 'g3' }, open)],
      },
      { cityIds: new Set(['tongzhou']) },
    );
    expect(r.value?.features.map((f) => f.id)).toEqual(['g1']);
    expect(r.issues.map((i) => [i.feature, i.field])).toEqual([
      [1, 'properties.kind'],
      [2, 'geometry.coordinates.0'],
    ]);
  });
});

describe('validateCatalog', () => {
  it('reports a city whose programme does not exist', () => {
    const r = validateCatalog({
      version: 1,
      programmes: [{ id: 'p', name_zh: '甲', name_en: 'P', seed: 's.txt' }],
      cities: [
        {
          id: 'c',
          name_zh: '乙',
          name_en: 'C',
          programme_id: 'q',
          seat: [116, 39],
          seat_source: 'https://example.org',
          seat_confidence: 'stated',
          green_data: {
            status: 'none',
            parks: 0,
            missing: { en: 'No parks', zh: '无公园' },
            how_to_add: { en: 'Publish a park layer', zh: '发布公园图层' },
            sources: ['data/green_space.geojson'],
          },
        },
      ],
      layers: [{ id: 'l', file: 'x.csv', kind: 'initiatives', title_zh: '丙', title_en: 'L' }],
    });
    expect(r.value).not.toBeNull();
    expect(r.issues).toEqual([
      expect.objectContaining({ field: 'cities.0.programme_id', reason: '"q" is not a programme' }),
    ]);
  });
});
