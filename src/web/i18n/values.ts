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

/**
 * A list of allowed values as zod writes it (`"transport"|"green_space"|...`, a "one of" message
 * names no field) in the language: each known ledger value by its label with the value itself
 * beside it, quoted (what the data file must contain), any other value as written.
 */
export function allowedValuesIn(list: string, lang: 'en' | 'zh'): string {
  const items = list.split('|').map((item) => {
    const raw = item.trim().replace(/^"(.*)"$/, '$1');
    for (const table of Object.values(BY_FIELD)) {
      const label = table[raw]?.[lang];
      if (label && label !== raw)
        return lang === 'zh' ? `${label}（"${raw}"）` : `${label} ("${raw}")`;
    }
    return item.trim();
  });
  return items.join(lang === 'zh' ? '、' : ', ');
}
