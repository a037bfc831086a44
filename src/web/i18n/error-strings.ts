/**
 * Sentences for errors whose own text comes from a library, the worker or the browser (an
 * Error.message, in English): the Chinese UI says what failed in Chinese and keeps the raw text
 * only as a detail (ErrorNote, rawDetail); the English UI shows the raw text as before.
 */
import type { Lang } from '../state/url.ts';

const ERROR_STRINGS = {
  details: { en: 'Details', zh: '详情' },
  regionResults: { en: 'The region results could not be computed.', zh: '无法计算区域结果。' },
  coverage: { en: 'Coverage could not be computed.', zh: '无法计算绿地覆盖情况。' },
  place: { en: 'This place could not be checked.', zh: '无法查询该地点。' },
  figures: { en: 'The figures could not be computed.', zh: '无法计算各城市数据。' },
  thematic: { en: 'The thematic map could not be computed.', zh: '无法计算专题图。' },
  load: { en: 'The atlas data could not be loaded.', zh: '无法加载地图集数据。' },
} as const;

export type ErrorKey = keyof typeof ERROR_STRINGS;

export function errorLabel(key: ErrorKey, lang: Lang): string {
  return ERROR_STRINGS[key][lang];
}
