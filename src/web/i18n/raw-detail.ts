/**
 * A raw error text (a library's or the browser's English) as a notice detail: shown in the
 * Chinese UI, where the notice's sentence no longer quotes it; nothing in English, whose sentence
 * still does (Notices leaves out empty details).
 */
import type { LocalText } from '../state/store.ts';

export function rawDetail(raw: string): LocalText {
  return (lang) => (lang === 'zh' ? raw : '');
}
