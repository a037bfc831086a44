import { describe, expect, it } from 'vitest';
import { ruleInWords, thresholdInWords } from '../../../src/web/i18n/rule-words.ts';

describe('rules and thresholds in plain words', () => {
  it.each([
    ['walk:500', 'en', 'within 500 m of a park'],
    ['walk:1000', 'en', 'within 1,000 m of a park'],
    ['walk:300', 'zh', '距公园 300 m 以内'],
  ] as const)('%s (%s) -> %s', (rule, lang, words) => {
    expect(ruleInWords(rule, lang)).toBe(words);
  });

  it('never shows the rule key or a comparison operator', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const rule of ['gbt50563', 'gbt50563:historic', 'walk:800']) {
        expect(ruleInWords(rule, lang)).not.toMatch(/gbt|50563|>=|<=|walk:/i);
      }
    }
    expect(ruleInWords('gbt50563', 'en')).toContain('500 m from parks of at least 5,000 m²');
  });

  it.each([
    [{ op: '>=', value: 0.9 }, 'share', 'en', 'at least 90 %'],
    [{ op: '>', value: 0.8 }, 'share', 'zh', '高于 80 %'],
    [{ op: '>=', value: 0.43 }, 'share', 'en', 'at least 43 %'],
    [{ op: '>=', value: 14.8 }, 'm2', 'zh', '至少 14.8 m²'],
    [{ op: '>', value: 8 }, 'm2', 'en', 'more than 8 m²'],
  ] as const)('%j %s (%s) -> %s', (t, unit, lang, words) => {
    expect(thresholdInWords(t, unit, lang)).toBe(words);
  });
});
