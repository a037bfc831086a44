import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  INITIATIVE_COLUMNS,
  initiativesToCsv,
  initiativesToGeoJSON,
} from '../../src/core/ledger/export.ts';
import type { Initiative } from '../../src/core/ledger/model.ts';

const ROWS: readonly Initiative[] = Object.freeze([
  Object.freeze({
    id: 'jiyuan-yuyang-lake-upgrade',
    name_zh: '玉阳湖提升工程',
    name_en: 'Yuyang Lake upgrade, "phase 2"',
    city_id: 'jiyuan',
    category: 'water',
    status: 'completed',
    start_year: 2019,
    end_year: null,
    investment_cny: 246_000_000,
    investment_qualifier: 'exact',
    lon: 112.58,
    lat: 35.09,
    location_precision: 'approximate',
    source: 'https://juduo.cc/travel/423348.html | 001_6782f79395f3aab1.txt',
    confidence: 'stated',
    description: 'Water area +680 mu,\nstorage 715万 m³.',
  }),
  Object.freeze({
    id: 'x-formula',
    name_zh: '=HYPERLINK("http://evil")',
    name_en: '-1+1',
    city_id: 'taixing',
    category: 'transport',
    status: 'planned',
    start_year: null,
    end_year: null,
    investment_cny: null,
    investment_qualifier: null,
    lon: 120.03,
    lat: 32.16,
    location_precision: 'city',
    source: '003_d1727f86196977aa.txt',
    confidence: 'stated',
    description: '',
  }),
]) as readonly Initiative[];

describe('CSV export', () => {
  const csv = initiativesToCsv(ROWS);
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });

  it('starts with a BOM (Excel reads UTF-8 Chinese) and has the ledger columns in order', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parsed.meta.fields).toEqual([...INITIATIVE_COLUMNS]);
  });

  it('round-trips text with commas, quotes and newlines', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]?.name_en).toBe('Yuyang Lake upgrade, "phase 2"');
    expect(parsed.data[0]?.description).toBe('Water area +680 mu,\nstorage 715万 m³.');
    expect(parsed.data[0]?.investment_cny).toBe('246000000');
  });

  it('writes the investment qualifier beside the figure and every source in one cell', () => {
    expect(INITIATIVE_COLUMNS.indexOf('investment_qualifier')).toBe(
      INITIATIVE_COLUMNS.indexOf('investment_cny') + 1,
    );
    expect(parsed.data[0]?.investment_qualifier).toBe('exact');
    expect(parsed.data[1]?.investment_qualifier).toBe('');
    expect(parsed.data[0]?.source).toBe(
      'https://juduo.cc/travel/423348.html | 001_6782f79395f3aab1.txt',
    );
  });

  it('writes unknown values blank, never 0', () => {
    expect(parsed.data[1]?.investment_cny).toBe('');
    expect(parsed.data[1]?.start_year).toBe('');
  });

  it('defuses spreadsheet formulas in text cells', () => {
    expect(parsed.data[1]?.name_zh).toBe(`'=HYPERLINK("http://evil")`);
    expect(parsed.data[1]?.name_en).toBe(`'-1+1`);
  });
});

describe('GeoJSON export', () => {
  it('gives WGS84 points with every field as a property', () => {
    const fc = initiativesToGeoJSON(ROWS);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(2);
    const f = fc.features[0];
    expect(f?.geometry).toEqual({ type: 'Point', coordinates: [112.58, 35.09] });
    expect(f?.id).toBe('jiyuan-yuyang-lake-upgrade');
    expect(f?.properties).toEqual(ROWS[0]);
    expect(fc.features[1]?.properties.investment_cny).toBeNull();
    expect(f?.properties.investment_qualifier).toBe('exact');
    expect(fc.features[1]?.properties.investment_qualifier).toBeNull();
  });
});
