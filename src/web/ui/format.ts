import type { Lang } from '../state/url.ts';

/** Yuan -> 亿元 (100 million) with up to 2 decimals. */
export function formatYi(yuan: number): string {
  const yi = yuan / 1e8;
  return yi.toLocaleString('en-US', { maximumFractionDigits: yi < 1 ? 3 : 2 });
}

export function formatInvestment(yuan: number | null, lang: Lang): string {
  if (yuan === null) return lang === 'zh' ? '未公布' : 'not stated';
  return lang === 'zh' ? `${formatYi(yuan)} 亿元` : `CNY ${formatMillion(yuan)} m`;
}

/** Yuan -> millions, for English. */
export function formatMillion(yuan: number): string {
  const m = yuan / 1e6;
  return m.toLocaleString('en-US', { maximumFractionDigits: m < 10 ? 2 : 0 });
}

/** A table cell amount in the language's usual unit (亿元 / CNY million). */
export function formatAmount(yuan: number | null, lang: Lang): string {
  if (yuan === null) return '—';
  return lang === 'zh' ? formatYi(yuan) : formatMillion(yuan);
}

export function formatYears(start: number | null, end: number | null): string {
  if (start === null && end === null) return '–';
  if (start === end || end === null) return `${start}`;
  if (start === null) return `–${end}`;
  return `${start}–${end}`;
}

export function formatArea(m2: number, lang: Lang): string {
  if (m2 >= 1e6) return `${(m2 / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} km²`;
  if (m2 >= 1e4) {
    const ha = (m2 / 1e4).toLocaleString('en-US', { maximumFractionDigits: 1 });
    return lang === 'zh' ? `${ha} 公顷` : `${ha} ha`;
  }
  return `${Math.round(m2).toLocaleString('en-US')} m²`;
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}
