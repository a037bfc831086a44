/**
 * Service radii of parks under a coverage rule. The rules, their text form and their valid
 * ranges are in coverage-rule.ts (the one parser).
 */
import { type Said, say } from '../common/messages.ts';
import { type CoverageRule, ruleLabel } from './coverage-rule.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A park's service radius (m) under a rule, or why it does not qualify (coded: a Said). */
export function serviceRadius(rule: CoverageRule, areaM2: number): { radius: number } | Said {
  if (rule.kind === 'walk') {
    const min = rule.minAreaM2 ?? 0;
    if (areaM2 < min) return say('an_area_below', { area: fmt(areaM2), min: fmt(min) });
    return { radius: rule.metres };
  }
  if (areaM2 >= 5000) return { radius: 500 };
  const min = rule.historicDistrict ? 1000 : 2000;
  if (areaM2 >= min) return { radius: 300 };
  return say('an_area_below_rule', { area: fmt(areaM2), min: fmt(min), rule: ruleLabel(rule) });
}
