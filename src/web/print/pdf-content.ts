/**
 * The PDF's words and figures, in the UI's language, from what the app already computed: a
 * city's figures (the worker's cityFigures, as in the City figures panel), a drawn region's
 * results (as in the Regions panel), and the city's scorecard (core/green/scorecard.ts, worded
 * as Scorecard.tsx words it).
 */
import { canRate } from '../../core/green/completeness.ts';
import type { PdfContent } from '../../core/print/pdf-layout.ts';
import type { RegionResult } from '../../core/workspace/results.ts';
import type { CityFigures } from '../../worker/api.ts';
import { printLabel } from '../i18n/print-strings.ts';
import { ruleInWords, thresholdInWords } from '../i18n/rule-words.ts';
import {
  CATEGORY_LABELS,
  INVESTMENT_TOTAL_LABELS,
  publicLabel,
  type StringKey,
} from '../i18n/strings.ts';
import { formatNumber, pick, translate } from '../i18n/useT.ts';
import { cityScorecard } from '../state/city-scorecard.ts';
import { useGreen } from '../state/green-store.ts';
import { useAtlas } from '../state/store.ts';
import type { Lang } from '../state/url.ts';
import { formatArea, formatInvestment } from '../ui/format.ts';
import { basisText, fmt, ratingText } from '../ui/Scorecard.tsx';

const pct = (share: number) => `${(share * 100).toFixed(2)} %`;

/** A city's figures as the City figures panel shows them, plus its park coverage when computed. */
export function cityFigurePairs(f: CityFigures, lang: Lang): Array<[string, string]> {
  const t = (k: StringKey) => translate(lang, k);
  const pairs: Array<[string, string]> = [
    [t('figuresArea'), formatArea(f.area_m2, lang)],
    [t('figuresProjects'), String(f.count)],
    [t('figuresGreen'), f.green_m2 > 0 ? formatArea(f.green_m2, lang) : '—'],
    [
      t('totalsInvestment'),
      `${formatInvestment(f.investment_cny, lang)} (${INVESTMENT_TOTAL_LABELS.floorTitle[lang]})`,
    ],
    [t('figuresShare'), pct(f.green_share)],
    [t('wsUnknown'), String(f.investment_unknown)],
  ];
  const cov = useGreen.getState().coverage?.cities.find((c) => String(c.id) === f.id);
  if (cov && cov.share !== null) pairs.push([printLabel('pdfCoverage', lang), pct(cov.share)]);
  return pairs;
}

/** A drawn region's results, labelled and formatted as the Regions panel shows them. */
export function regionFigurePairs(
  r: RegionResult,
  lang: Lang,
  rule: string,
): Array<[string, string]> {
  const t = (k: StringKey) => translate(lang, k);
  const share = (x: number) => `${formatNumber(x * 100, lang, 2)} %`;
  const byCat = Object.entries(r.byCategory)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([c, n]) =>
        `${CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS]?.[lang] ?? c} ${formatNumber(n, lang)}`,
    )
    .join(', ');
  const pairs: Array<[string, string]> = [
    [t('wsArea'), formatArea(r.area_m2, lang)],
    [t('wsCount'), formatNumber(r.count, lang)],
    [t('wsGreen'), formatArea(r.green_m2, lang)],
    [t('wsInvest'), formatInvestment(r.investment_cny, lang)],
    [t('wsGreenShare'), share(r.green_share)],
    [t('wsUnknown'), formatNumber(r.investment_unknown, lang)],
    [t('wsCoverage'), `${share(r.coverage_share)} (${ruleInWords(rule, lang)})`],
  ];
  if (byCat) pairs.push([t('wsByCategory'), byCat]);
  return pairs;
}

/** The chosen city's scorecard rows in words, or null when coverage has not been computed. */
export function scorecardContent(cityId: string, lang: Lang): PdfContent['scorecard'] {
  const { data, coverageRule } = useAtlas.getState();
  const city = data?.catalog.cities.find((c) => c.id === cityId);
  const rows = cityScorecard(cityId, data, coverageRule, useGreen.getState());
  if (!rows) return null;
  const greenData = city?.green_data ?? null;
  const t = (k: StringKey) => translate(lang, k);
  const rated = greenData !== null && canRate(greenData.status);
  const cityName = city ? pick(lang, city.name_zh, city.name_en) : cityId;
  const notes: string[] = [];
  if (!rated) {
    notes.push(publicLabel('greenDataTitle', lang, { city: cityName }));
    if (greenData?.missing)
      notes.push(`${publicLabel('greenDataMissing', lang)}: ${greenData.missing[lang]}`);
    notes.push(t('scorecardCaveat'));
  }
  return {
    heading: t('scorecard'),
    columns: [
      t('scorecardIndicator'),
      publicLabel('scorecardPublishedFirst', lang),
      publicLabel(rated ? 'scorecardComputedHere' : 'scorecardComputedIncomplete', lang),
    ],
    rows: rows.map((r) => ({
      indicator: `${t(`ind_${r.indicator}` as StringKey)}`,
      thresholds: [
        basisText(r.basis, t, lang),
        ...r.thresholds.map(
          (th) =>
            `${pick(lang, th.plain_zh ?? th.standard_zh, th.plain_en ?? th.standard_en)}: ${thresholdInWords(th, r.indicator === 'park_green_per_capita' ? 'm2' : 'share', lang)}${th.met === null ? '' : th.met ? ' ✓' : ' ×'}`,
        ),
      ],
      published:
        r.published.length === 0
          ? t('scorecardNone')
          : r.published.map((p) => `${fmt(r, p.value)} (${p.year ?? '?'})`).join('; '),
      computed: fmt(r, r.value),
      rating: ratingText(r, t, lang),
    })),
    notes,
  };
}
