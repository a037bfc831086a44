import { describe, expect, it } from 'vitest';
import { parseNumber, toNumber } from '../../../src/core/common/number.ts';

describe('parseNumber (the one number parser)', () => {
  it.each([
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['-1,234,567.25', -1234567.25],
    ['1e3', 1000],
    ['2.5E-4', 0.00025],
    ['-0.5', -0.5],
    [' 12 ', 12],
    ['+3.', 3],
    ['.5', 0.5],
    ['0', 0],
    ['\u3000７\u00a0', 7],
    ['１２３', 123],
    ['－１．５', -1.5],
    ['１，２３４', 1234],
    ['\u22125', -5],
  ])('%j -> %d', (text, want) => {
    expect(parseNumber(text)).toBe(want);
  });

  it.each([
    '',
    '   ',
    'abc',
    '1,23',
    '12,34',
    '1,2345',
    ',123',
    '1,234,56',
    '1 234',
    '1.234,5',
    'n/a',
    '12亿',
    '¥5',
    '50%',
    '0x10',
    '1_000',
    'Infinity',
    'NaN',
    '1e999',
    '--1',
    '1e',
    '.',
  ])('%j -> null', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('reads a decimal comma only when asked', () => {
    expect(parseNumber('1,23')).toBeNull();
    expect(parseNumber('1,23', { decimalComma: true })).toBe(1.23);
    expect(parseNumber('116,397', { decimalComma: true })).toBe(116.397);
    expect(parseNumber('-39,9', { decimalComma: true })).toBe(-39.9);
    // With a decimal comma, "1,234" is one and a bit, not a thousand.
    expect(parseNumber('1,234', { decimalComma: true })).toBe(1.234);
    expect(parseNumber('116.397', { decimalComma: true })).toBe(116.397);
    expect(parseNumber('1,234,567', { decimalComma: true })).toBeNull();
    expect(parseNumber('abc', { decimalComma: true })).toBeNull();
  });

  it('toNumber: finite numbers pass, strings are parsed, everything else is missing', () => {
    expect(toNumber(5)).toBe(5);
    expect(toNumber(-0.5)).toBe(-0.5);
    expect(toNumber('1,234')).toBe(1234);
    expect(toNumber(Number.NaN)).toBeNull();
    expect(toNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toNumber(true)).toBeNull();
    expect(toNumber(null)).toBeNull();
    expect(toNumber(undefined)).toBeNull();
    expect(toNumber({})).toBeNull();
    expect(['1', 'x', 2].map(toNumber)).toEqual([1, null, 2]);
  });
});
