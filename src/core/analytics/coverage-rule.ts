/**
 * THE coverage-rule parser: the core, the URL (`cov=`), the app's custom-distance input and the
 * CLI's `--rule` all read rule text here, so a rule one accepts the others accept too.
 *
 * Rules (see reference/standards.md, data/standards.json):
 * - `gbt50563` (GB/T 50563 / the 2021 urban health examination indicator): a park of >= 5,000 m²
 *   serves 500 m from its edge, 2,000-5,000 m² serves 300 m, smaller parks do not qualify.
 * - `gbt50563:historic` (off by default, a widely cited but unconfirmed reading): parks of
 *   >= 1,000 m² serve 300 m.
 * - `walk:METRES`: every park serves METRES from its edge (straight line), with
 *   WALK_MIN_M <= METRES <= WALK_MAX_M. The life-circle rules of GB 50180-2018 use 300, 500 and
 *   1,000 m; 50 m is the smallest distance the map can show at city scale, and 5,000 m (an hour's
 *   walk) the largest that is still a walk. METRES is read by THE number parser.
 * Case and surrounding white space are ignored. `ruleLabel` writes the canonical text back.
 */
import { parseNumber } from '../common/number.ts';

export type CoverageRule =
  | { kind: 'gbt50563'; historicDistrict?: boolean }
  | { kind: 'walk'; metres: number; minAreaM2?: number };

export const DEFAULT_RULE: CoverageRule = { kind: 'gbt50563' };

/** The accepted range of a walking distance, in metres (inclusive). */
export const WALK_MIN_M = 50;
export const WALK_MAX_M = 5000;

export type CoverageRuleResult = { ok: CoverageRule } | { error: string };

const ACCEPTED = `use gbt50563, gbt50563:historic or walk:METRES (${WALK_MIN_M} <= METRES <= ${WALK_MAX_M})`;

/** Parses rule text; never throws. */
export function parseCoverageRule(text: string): CoverageRuleResult {
  const t = text.trim().toLowerCase();
  if (t === 'gbt50563') return { ok: { kind: 'gbt50563' } };
  if (t === 'gbt50563:historic') return { ok: { kind: 'gbt50563', historicDistrict: true } };
  if (t.startsWith('walk:')) {
    const metres = parseNumber(t.slice(5));
    if (metres !== null && metres >= WALK_MIN_M && metres <= WALK_MAX_M) {
      return { ok: { kind: 'walk', metres } };
    }
    if (metres !== null) {
      return { error: `coverage rule "${text}": ${metres} m is out of range: ${ACCEPTED}` };
    }
  }
  return { error: `unknown coverage rule "${text}": ${ACCEPTED}` };
}

/** Parses rule text; throws an Error with the accepted forms when it is not a rule. */
export function coverageRule(text: string): CoverageRule {
  const r = parseCoverageRule(text);
  if ('error' in r) throw new Error(r.error);
  return r.ok;
}

/** A valid rule's canonical text, or null (e.g. for a URL value: invalid means off). */
export function canonicalRule(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const r = parseCoverageRule(text);
  return 'ok' in r ? ruleLabel(r.ok) : null;
}

/** The rule as text (the inverse of parseCoverageRule). */
export function ruleLabel(rule: CoverageRule): string {
  if (rule.kind === 'walk') return `walk:${rule.metres}`;
  return rule.historicDistrict ? 'gbt50563:historic' : 'gbt50563';
}
