/**
 * Service radii of parks under a coverage rule. The rules, their text form and their valid
 * ranges are in coverage-rule.ts (the one parser).
 */
import { type CoverageRule, ruleLabel } from './coverage-rule.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A park's service radius (m) under a rule, or why it does not qualify. */
export function serviceRadius(
  rule: CoverageRule,
  areaM2: number,
): { radius: number } | { reason: string } {
  if (rule.kind === 'walk') {
    const min = rule.minAreaM2 ?? 0;
    if (areaM2 < min) return { reason: `area ${fmt(areaM2)} m² is below ${fmt(min)} m²` };
    return { radius: rule.metres };
  }
  if (areaM2 >= 5000) return { radius: 500 };
  const min = rule.historicDistrict ? 1000 : 2000;
  if (areaM2 >= min) return { radius: 300 };
  return {
    reason: `area ${fmt(areaM2)} m² is below the ${fmt(min)} m² minimum of ${ruleLabel(rule)}`,
  };
}
