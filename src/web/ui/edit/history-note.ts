/** A history note in the UI's language: the server's own seed note is translated, others kept. */
import { SEED_HISTORY_NOTE } from '../../../core/ledger/seed-note.ts';
import type { Lang } from '../../state/url.ts';
import { EDIT_STRINGS } from './strings.ts';

export function historyNote(note: string, lang: Lang): string {
  return note === SEED_HISTORY_NOTE ? EDIT_STRINGS[lang].seedNote : note;
}
