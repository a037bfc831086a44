import { useAtlas } from '../state/store.ts';
import { STRINGS, type StringKey } from './strings.ts';

/** The UI strings in the chosen language. */
export function useT(): (key: StringKey) => string {
  const lang = useAtlas((s) => s.lang);
  return (key) => STRINGS[lang][key];
}

/** A bilingual pair in the chosen language, falling back to the other one. */
export function pick(
  lang: 'zh' | 'en',
  zh: string | null | undefined,
  en: string | null | undefined,
) {
  return (lang === 'zh' ? zh || en : en || zh) ?? '';
}
