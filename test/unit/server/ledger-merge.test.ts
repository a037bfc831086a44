/**
 * The per-field three-way merge against hand-made cases (expected results worked out by hand from
 * the rule: apply where only I changed, keep theirs where only they changed, conflict where both
 * changed to different values).
 */
import { describe, expect, it } from 'vitest';
import {
  mergeFields,
  type RecordedChange,
  rowAtVersion,
  sameValue,
} from '../../../server/ledger/merge.ts';

const base = { name_en: 'Canal park', status: 'planned', start_year: 2020, investment_cny: null };

describe('mergeFields', () => {
  it('applies my change when nobody else changed the field', () => {
    const r = mergeFields(base, base, { status: 'completed' });
    expect(r).toEqual({ apply: { status: 'completed' }, conflicts: [] });
  });

  it('lets two people who changed different fields both land', () => {
    const theirs = { ...base, name_en: 'Grand Canal park' };
    const r = mergeFields(base, theirs, { status: 'under_construction' });
    expect(r).toEqual({ apply: { status: 'under_construction' }, conflicts: [] });
  });

  it('reports a field both changed to different values, and writes nothing for it', () => {
    const theirs = { ...base, status: 'completed' };
    const r = mergeFields(base, theirs, { status: 'under_construction', start_year: 2021 });
    expect(r).toEqual({ apply: { start_year: 2021 }, conflicts: ['status'] });
  });

  it('is not a conflict when both made the same change', () => {
    const theirs = { ...base, status: 'completed' };
    expect(mergeFields(base, theirs, { status: 'completed' })).toEqual({
      apply: {},
      conflicts: [],
    });
  });

  it('keeps their value when I send the field unchanged from my base (a full row resent)', () => {
    const theirs = { ...base, name_en: 'Grand Canal park' };
    const r = mergeFields(base, theirs, { ...base, start_year: 2022 });
    expect(r).toEqual({ apply: { start_year: 2022 }, conflicts: [] });
  });

  it('treats null as a value: setting a figure someone cleared is a conflict', () => {
    const b = { investment_cny: 5e8 };
    const theirs = { investment_cny: null };
    expect(mergeFields(b, theirs, { investment_cny: 6e8 }).conflicts).toEqual(['investment_cny']);
    expect(mergeFields(b, b, { investment_cny: null })).toEqual({
      apply: { investment_cny: null },
      conflicts: [],
    });
  });

  it('sorts conflicts and ignores undefined fields', () => {
    const theirs = { ...base, status: 'completed', name_en: 'X' };
    const r = mergeFields(base, theirs, {
      status: 'ongoing_programme',
      name_en: 'Y',
      start_year: undefined,
    });
    expect(r).toEqual({ apply: {}, conflicts: ['name_en', 'status'] });
  });
});

describe('rowAtVersion', () => {
  it('rebuilds an older version from the changes after it', () => {
    // v1: status planned, name A. v2: status -> under_construction. v3: name A -> B, status -> completed.
    const now = { name_en: 'B', status: 'completed', lat: 39.9 };
    const changes: RecordedChange[] = [
      { version: 2, fields: { status: { from: 'planned', to: 'under_construction' } } },
      {
        version: 3,
        fields: {
          name_en: { from: 'A', to: 'B' },
          status: { from: 'under_construction', to: 'completed' },
        },
      },
    ];
    expect(rowAtVersion(now, 1, changes)).toEqual({ name_en: 'A', status: 'planned', lat: 39.9 });
    expect(rowAtVersion(now, 2, changes)).toEqual({
      name_en: 'A',
      status: 'under_construction',
      lat: 39.9,
    });
    expect(rowAtVersion(now, 3, changes)).toEqual(now);
  });

  it('with the merge: a stale edit of a different field lands, of the same field conflicts', () => {
    const now = { name_en: 'B', status: 'planned' };
    const changes = [{ version: 2, fields: { name_en: { from: 'A', to: 'B' } } }];
    const b = rowAtVersion(now, 1, changes);
    expect(mergeFields(b, now, { status: 'completed' }).apply).toEqual({ status: 'completed' });
    expect(mergeFields(b, now, { name_en: 'C' }).conflicts).toEqual(['name_en']);
  });
});

describe('sameValue', () => {
  it('compares stored values', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue('', null)).toBe(false);
    expect(sameValue(116.6514, 116.6514)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
  });
});
