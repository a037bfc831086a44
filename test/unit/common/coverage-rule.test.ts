import { describe, expect, it } from 'vitest';
import {
  canonicalRule,
  coverageRule,
  parseCoverageRule,
  ruleLabel,
  WALK_MAX_M,
  WALK_MIN_M,
} from '../../../src/core/analytics/coverage-rule.ts';
import { parseUrlState } from '../../../src/web/state/url.ts';

describe('parseCoverageRule (the one rule parser)', () => {
  it('accepts the rules, case and white space ignored', () => {
    expect(parseCoverageRule('walk:500')).toEqual({ ok: { kind: 'walk', metres: 500 } });
    expect(parseCoverageRule('gbt50563')).toEqual({ ok: { kind: 'gbt50563' } });
    expect(parseCoverageRule(' GBT50563:Historic ')).toEqual({
      ok: { kind: 'gbt50563', historicDistrict: true },
    });
    expect(parseCoverageRule('walk:50')).toEqual({ ok: { kind: 'walk', metres: 50 } });
    expect(parseCoverageRule('walk:5000')).toEqual({ ok: { kind: 'walk', metres: 5000 } });
    expect(parseCoverageRule('walk:2,500')).toEqual({ ok: { kind: 'walk', metres: 2500 } });
    expect(WALK_MIN_M).toBe(50);
    expect(WALK_MAX_M).toBe(5000);
  });

  it.each([
    'walk:0',
    'walk:200000',
    'walk:49',
    'walk:5001',
    'walk:-500',
    'walk:',
    'walk:abc',
    'junk',
    '',
    'gbt50563:x',
  ])('refuses %j with the accepted forms', (text) => {
    const r = parseCoverageRule(text);
    expect('error' in r && r.error).toContain('walk:METRES (50 <= METRES <= 5000)');
    expect(() => coverageRule(text)).toThrow(/gbt50563, gbt50563:historic or walk:METRES/);
  });

  it('canonical text round-trips', () => {
    expect(canonicalRule('WALK:500.0')).toBe('walk:500');
    expect(canonicalRule('walk:0')).toBeNull();
    expect(canonicalRule(null)).toBeNull();
    expect(ruleLabel(coverageRule('gbt50563:historic'))).toBe('gbt50563:historic');
  });

  it('a link with an invalid rule shows coverage off instead of failing in the core', () => {
    expect(parseUrlState('?cov=walk:0').coverage).toBeNull();
    expect(parseUrlState('?cov=walk:200000').coverage).toBeNull();
    expect(parseUrlState('?cov=junk').coverage).toBeNull();
    expect(parseUrlState('?cov=walk:500').coverage).toBe('walk:500');
    expect(parseUrlState('?cov=gbt50563:historic').coverage).toBe('gbt50563:historic');
  });
});
