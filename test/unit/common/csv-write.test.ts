import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defuseCell, writeCsv } from '../../../src/core/common/csv-write.ts';
import { initiativesToCsv } from '../../../src/core/ledger/export.ts';
import type { Initiative } from '../../../src/core/ledger/model.ts';
import { resultsToCsv } from '../../../src/core/workspace/export.ts';
import type { Region } from '../../../src/core/workspace/model.ts';
import type { RegionResult } from '../../../src/core/workspace/results.ts';

const HYPERLINK = '=HYPERLINK("http://x","y")';
/** Every formula trigger (OWASP CSV injection list): = + - @ TAB CR, and a multi-line cell. */
const HOSTILE = [HYPERLINK, '+1+2', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '=1\n2', '-A1'];

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** A cell is inert when a spreadsheet would not run it: it does not start with a trigger. */
const inert = (cell: string) => !/^[=+\-@\t\r]/.test(cell) || /^[+-]?\d[\d,]*\.?\d*$/.test(cell);

describe('writeCsv (the one CSV writer)', () => {
  it('defuses every formula trigger, including past a line break', () => {
    const csv = writeCsv(
      ['a'],
      HOSTILE.map((h) => [h]),
      { bom: false },
    );
    const cells = parse(csv)
      .slice(1)
      .map((r) => r[0]);
    expect(cells).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(HOSTILE.map(defuseCell)).toEqual(HOSTILE.map((h) => `'${h}`));
  });

  it('leaves numbers, numbers as text and blanks alone', () => {
    const csv = writeCsv(
      ['n', 't', 'blank'],
      [
        [-5, '-5', null],
        [1234.5, '+1.5e3', undefined],
        [Number.NaN, '-1,234', ''],
      ],
      { bom: false, newline: '\n' },
    );
    expect(csv).toBe('n,t,blank\n-5,-5,\n1234.5,+1.5e3,\n,"-1,234",\n');
  });

  it('writes a BOM and CRLF by default, as Excel expects', () => {
    expect(writeCsv(['a', 'b'], [['x', 1]])).toBe('\uFEFFa,b\r\nx,1\r\n');
  });
});

describe('both exports defuse every cell', () => {
  it('region results: an imported category, status or region name comes out inert', () => {
    const regions: Region[] = [
      {
        id: 'r1',
        name: '@evil',
        shape: 'polygon',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
      },
    ];
    const results: RegionResult[] = [
      {
        id: 'r1',
        area_m2: 12.34,
        count: 2,
        byCategory: { [HYPERLINK]: 1, park: 1 },
        byStatus: { '+cmd': 2 },
        investment_cny: -5,
        investment_unknown: 0,
        green_m2: 0,
        green_share: 0,
        coverage_share: 0.5,
      },
    ];
    const rows = parse(resultsToCsv(regions, results));
    for (const cell of rows.flat()) expect(inert(cell), cell).toBe(true);
    const row = rows[1]!;
    expect(row[0]).toBe("'@evil");
    // The map of categories is one cell; it starts with the hostile key, so it is defused.
    expect(row[4]).toBe(`'${HYPERLINK}:1; park:1`);
    expect(row[5]).toBe("'+cmd:2");
    expect(row[6]).toBe('-5');
  });

  it('ledger: every text column is defused', () => {
    const row = {
      id: '=id',
      name_zh: '+zh',
      name_en: '-en',
      city_id: '@city',
      category: '=cat',
      status: '=st',
      start_year: -5,
      end_year: null,
      investment_cny: null,
      investment_qualifier: null,
      lon: 116.4,
      lat: 39.9,
      location_precision: '=p',
      source: '\t=src',
      confidence: '=c',
      description: HYPERLINK,
    } as unknown as Initiative;
    const rows = parse(initiativesToCsv([row]));
    for (const cell of rows.flat()) expect(inert(cell), cell).toBe(true);
    expect(rows[1]).toContain(`'${HYPERLINK}`);
    expect(rows[1]).toContain('-5');
  });
});
