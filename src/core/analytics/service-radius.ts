/**
 * Service-radius rules for park coverage (see /work/shared/reference/standards.md).
 *
 * - `gbt50563` (GB/T 50563 / the 2021 urban health examination indicator): a park of >= 5,000 m²
 *   serves 500 m from its edge, 2,000-5,000 m² serves 300 m, smaller parks do not qualify. Area is
 *   the park's own ellipsoidal area. Option `historicDistrict` (text `gbt50563:historic`, off by
 *   default, a widely cited but unconfirmed reading): parks of >= 1,000 m² serve 300 m.
 * - `walk:METRES`: every park serves METRES from its edge (straight line, e.g. walk:500 for the
 *   10-minute life circle), optionally only parks of at least `minAreaM2`.
 */
export type CoverageRule =
  | { kind: 'gbt50563'; historicDistrict?: boolean }
  | { kind: 'walk'; metres: number; minAreaM2?: number };

export const DEFAULT_RULE: CoverageRule = { kind: 'gbt50563' };

/** Parses `gbt50563`, `gbt50563:historic` or `walk:METRES`; throws with the accepted forms. */
export function parseCoverageRule(text: string): CoverageRule {
  const t = text.trim().toLowerCase();
  if (t === 'gbt50563') return { kind: 'gbt50563' };
  if (t === 'gbt50563:historic') return { kind: 'gbt50563', historicDistrict: true };
  const walk = /^walk:(\d+(?:\.\d+)?)$/.exec(t);
  if (walk) {
    const metres = Number(walk[1]);
    if (metres > 0 && metres <= 100_000) return { kind: 'walk', metres };
  }
  throw new Error(
    `unknown coverage rule "${text}": use gbt50563, gbt50563:historic or walk:METRES (0 < METRES <= 100000)`,
  );
}

/** The rule as text (the inverse of parseCoverageRule). */
export function ruleLabel(rule: CoverageRule): string {
  if (rule.kind === 'walk') return `walk:${rule.metres}`;
  return rule.historicDistrict ? 'gbt50563:historic' : 'gbt50563';
}

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
