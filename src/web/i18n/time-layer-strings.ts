import type { Lang } from '../state/url.ts';
import type { Pair } from './strings.ts';
import { formatNumber } from './useT.ts';

/**
 * Imported layers on the timeline (issue 12): a GeoJSON layer's features (points, lines or
 * polygons) and what follows the year (the row list, region results). Numbers are formatted for
 * the language by timeLayerLabel.
 */
export const TIME_LAYER_LABELS = {
  featuresShown: {
    en: '{shown} of {total} features by {year}.',
    zh: '截至 {year} 年：{shown} / {total} 个要素。',
  },
  pointsMissingOne: {
    en: '1 point has no {column} and is not on the timeline.',
    zh: '1 个点没有“{column}”，不在时间轴上。',
  },
  featuresMissingOne: {
    en: '1 feature has no {column} and is not on the timeline.',
    zh: '1 个要素没有“{column}”，不在时间轴上。',
  },
  featuresMissing: {
    en: '{n} features have no {column} and are not on the timeline.',
    zh: '{n} 个要素没有“{column}”，不在时间轴上。',
  },
  featuresNone: {
    en: '{name}: no year or date property (numbers 1900-2100 or ISO dates); all its features are shown.',
    zh: '{name}：没有年份或日期属性（1900–2100 的数字或 ISO 日期），显示全部要素。',
  },
  listAsOf: { en: 'as of {year}', zh: '截至 {year} 年' },
  resultsAsOf: {
    en: 'Points of {name} as of {year} (by {column}).',
    zh: '{name} 截至 {year} 年的点（按“{column}”）。',
  },
} satisfies Record<string, Pair>;

/** A label of TIME_LAYER_LABELS in the language; numbers formatted for it, years as written. */
export function timeLayerLabel(
  key: keyof typeof TIME_LAYER_LABELS,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return TIME_LAYER_LABELS[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    if (v === undefined) return all;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}
