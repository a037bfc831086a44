import type { Lang } from '../state/url.ts';

/**
 * A standard's or threshold's source as the UI shows it: standards.json's Chinese description
 * (`source_zh`) in the Chinese UI where it has one, else `source` as written.
 */
export function sourceIn(
  entry: { source: string; source_zh?: string | undefined },
  lang: Lang,
): string {
  return lang === 'zh' ? (entry.source_zh ?? entry.source) : entry.source;
}
