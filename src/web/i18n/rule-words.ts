import { parseCoverageRule } from '../../core/analytics/coverage-rule.ts';
import type { Threshold } from '../../core/green/model.ts';
import { publicLabel } from './strings.ts';

/** A coverage rule in plain words ("within 500 m of a park"), never its key (`gbt50563`). */
export function ruleInWords(rule: string, lang: 'en' | 'zh'): string {
  const r = parseCoverageRule(rule);
  if ('error' in r) return rule;
  if (r.ok.kind === 'walk') {
    return publicLabel('ruleWalk', lang, { m: r.ok.metres.toLocaleString('en-US') });
  }
  return publicLabel(r.ok.historicDistrict ? 'ruleBySizeHistoric' : 'ruleBySize', lang);
}

/** A threshold in plain words: "at least 90 %", "more than 8 m²" (never `>=`). */
export function thresholdInWords(
  t: Pick<Threshold, 'op' | 'value'>,
  unit: 'share' | 'm2',
  lang: 'en' | 'zh',
): string {
  const value =
    unit === 'share'
      ? `${Number((t.value * 100).toFixed(2))} %`
      : `${t.value.toLocaleString('en-US')} m²`;
  return `${publicLabel(t.op === '>=' ? 'atLeast' : 'moreThan', lang)} ${value}`;
}
