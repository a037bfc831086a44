import { describe, expect, it } from 'vitest';
import { diffLedger, rowChanges } from '../../src/core/ledger/diff.ts';
import type { Initiative } from '../../src/core/ledger/model.ts';

const base: Initiative = {
  id: 'a-park',
  name_zh: '甲公园',
  name_en: 'A Park',
  city_id: 'tongzhou',
  category: 'green_space',
  status: 'planned',
  start_year: 2020,
  end_year: null,
  investment_cny: 246000000,
  investment_qualifier: 'exact',
  lon: 116.7,
  lat: 39.9,
  location_precision: 'city',
  source: '001_6782f79395f3aab1.txt',
  confidence: 'stated',
  description: '',
};
const row = (patch: Partial<Initiative>): Initiative => ({ ...base, ...patch });

describe('diffLedger (a ledger file as an update)', () => {
  it('sorts rows into new, changed (with the changed columns), unchanged and missing', () => {
    const current = [
      row({ id: 'a' }),
      row({ id: 'b' }),
      row({ id: 'c', end_year: 2025 }),
      row({ id: 'gone' }),
    ];
    const incoming = [
      row({ id: 'a' }),
      row({ id: 'b', lon: 116.71, location_precision: 'exact' }),
      row({ id: 'c', end_year: null }),
      row({ id: 'new-one', name_en: 'New' }),
    ];
    const d = diffLedger(current, incoming);
    expect(d.added.map((r) => r.id)).toEqual(['new-one']);
    expect(d.unchanged.map((r) => r.id)).toEqual(['a']);
    expect(d.missing.map((r) => r.id)).toEqual(['gone']);
    expect(d.changed.map((c) => [c.id, c.fields])).toEqual([
      ['b', ['lon', 'location_precision']],
      ['c', ['end_year']],
    ]);
    expect(d.changed[0]?.before.lon).toBe(116.7);
    expect(d.changed[0]?.after.lon).toBe(116.71);
  });

  it('compares values exactly: null is not 0 or blank, a description with one more space changes', () => {
    expect(rowChanges(row({ investment_cny: null, investment_qualifier: null }), row({}))).toEqual([
      'investment_cny',
      'investment_qualifier',
    ]);
    expect(rowChanges(row({ description: 'x' }), row({ description: 'x ' }))).toEqual([
      'description',
    ]);
    expect(rowChanges(row({}), row({}))).toEqual([]);
  });

  it('an empty file leaves every current row missing; an empty ledger makes every row new', () => {
    expect(diffLedger([row({ id: 'x' })], []).missing).toHaveLength(1);
    const d = diffLedger([], [row({ id: 'x' }), row({ id: 'y' })]);
    expect(d.added).toHaveLength(2);
    expect(d.changed).toHaveLength(0);
  });
});
