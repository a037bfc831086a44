import type { Initiative } from '../../core/ledger/model.ts';
import { splitSources } from '../../core/ledger/model.ts';
import { QUALIFIER_LABELS, QUALIFIER_PREFIX } from '../i18n/strings.ts';
import type { Lang } from '../state/url.ts';
import { formatAmount, formatInvestment, isUrl } from './format.ts';

type Money = Pick<Initiative, 'investment_cny' | 'investment_qualifier'>;

/** "≥ 0.4 亿元", "约 4.5 亿元", "target/leveraged CNY 20,000 m": never a bare bound or target. */
export function formatQualifiedInvestment(r: Money, lang: Lang): string {
  const text = formatInvestment(r.investment_cny, lang);
  if (r.investment_cny === null || r.investment_qualifier === null) return text;
  return `${QUALIFIER_PREFIX[r.investment_qualifier][lang]}${text}`;
}

/** The same for a table cell (unit in the column header). */
export function formatQualifiedAmount(r: Money, lang: Lang): string {
  const text = formatAmount(r.investment_cny, lang);
  if (r.investment_cny === null || r.investment_qualifier === null) return text;
  return `${QUALIFIER_PREFIX[r.investment_qualifier][lang]}${text}`;
}

/** Tooltip naming how the source states the figure. */
export function qualifierTitle(r: Money, lang: Lang): string | undefined {
  return r.investment_qualifier ? QUALIFIER_LABELS[r.investment_qualifier][lang] : undefined;
}

/** One citation: a link when it is a URL, plain text (a seed file name) otherwise. */
export function Source({ source }: { source: string }) {
  if (!isUrl(source)) return <code>{source}</code>;
  return (
    <a href={source} target="_blank" rel="noopener noreferrer">
      {source}
    </a>
  );
}

/** A ledger `source` cell with several sources ("a | b"): one citation per line, as text. */
export function Sources({ source }: { source: string }) {
  const parts = splitSources(source);
  if (parts.length <= 1) return <Source source={source} />;
  return (
    <ol className="sources">
      {parts.map((s) => (
        <li key={s}>
          <Source source={s} />
        </li>
      ))}
    </ol>
  );
}
