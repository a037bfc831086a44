import { useAtlas } from '../state/store.ts';
import type { Lang } from '../state/url.ts';
import { STRINGS, type StringKey } from './strings.ts';

export type Params = Record<string, string | number>;

/** A number as the language writes it (grouping, decimals): 12,345.6 in both en and zh. */
export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
    maximumFractionDigits,
  }).format(n);
}

/** A string of the chosen language with `{name}` filled (numbers formatted for the language). */
export function translate(lang: Lang, key: StringKey, params?: Params): string {
  const text = STRINGS[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    if (v === undefined) return all;
    return typeof v === 'number' ? formatNumber(v, lang, 2) : v;
  });
}

/**
 * The key for a count: `${key}One` when `n` is 1 in English (Intl.PluralRules), else
 * `${key}Other`; Chinese has one form (its `One` and `Other` strings are the same).
 */
export function pluralKey(lang: Lang, n: number, one: StringKey, other: StringKey): StringKey {
  return new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en-US').select(n) === 'one' ? one : other;
}

/** The UI strings in the chosen language; `{name}` placeholders filled from `params`. */
export function useT(): (key: StringKey, params?: Params) => string {
  const lang = useAtlas((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}

/** A bilingual pair in the chosen language, falling back to the other one. */
export function pick(
  lang: 'zh' | 'en',
  zh: string | null | undefined,
  en: string | null | undefined,
) {
  return (lang === 'zh' ? zh || en : en || zh) ?? '';
}
