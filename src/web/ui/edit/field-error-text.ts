/**
 * A field error of the API (a 422's `errors`) as one line in the UI's language: the row it names
 * in a batch, the column's label, the reason. English is the server's words as before
 * ("tz-1: lat: is out of range ..."); Chinese is worded from the error's code and params.
 */
import type { FieldError } from '../../api/client.ts';
import { reasonZh } from '../../i18n/problems.ts';
import type { Lang } from '../../state/url.ts';
import { COLUMN_LABELS } from './strings.ts';

export function fieldErrorText(x: FieldError, lang: Lang): string {
  if (lang === 'en') return `${x.field}: ${x.reason}`;
  const label = COLUMN_LABELS[x.field]?.zh ?? x.field;
  const coded = reasonZh(x.code, x.params);
  if (coded === null) return `${label}：${x.reason}`;
  const where =
    x.id !== undefined ? `${x.id}：` : x.row !== undefined ? `第 ${x.row + 1} 行：` : '';
  return `${where}${label}：${coded}`;
}
