/**
 * A ledger value as the UI shows it: the keys of a category, status, location precision,
 * investment qualifier or confidence by their label in the language (history, conflicts); any
 * other value as written.
 */
import {
  CATEGORY_LABELS,
  CONFIDENCE_LABELS,
  type Pair,
  PRECISION_LABELS,
  QUALIFIER_LABELS,
  STATUS_LABELS,
} from './strings.ts';

const BY_FIELD: Record<string, Record<string, Pair>> = {
  category: CATEGORY_LABELS,
  status: STATUS_LABELS,
  location_precision: PRECISION_LABELS,
  investment_qualifier: QUALIFIER_LABELS,
  confidence: CONFIDENCE_LABELS,
};

export function valueLabel(field: string, value: unknown, lang: 'en' | 'zh'): unknown {
  if (typeof value !== 'string') return value;
  return BY_FIELD[field]?.[value]?.[lang] ?? value;
}
