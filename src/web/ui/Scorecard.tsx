import { useMemo } from 'react';
import { canRate } from '../../core/green/completeness.ts';
import type { Basis, ScoreRow } from '../../core/green/scorecard.ts';
import type { GreenData } from '../../core/ledger/model.ts';
import { ruleInWords, thresholdInWords } from '../i18n/rule-words.ts';
import { confidenceLabel, publicLabel, type StringKey } from '../i18n/strings.ts';
import { pick, useT } from '../i18n/useT.ts';
import { cityScorecard } from '../state/city-scorecard.ts';
import { useGreen } from '../state/green-store.ts';
import { useAtlas } from '../state/store.ts';
import './scorecard.css';
import { sourceIn } from './source-text.ts';

type Lang = 'en' | 'zh';

export const fmt = (row: ScoreRow, v: number | null) => {
  if (v === null) return '—';
  return row.indicator === 'park_green_per_capita'
    ? `${v.toFixed(2)} m²`
    : `${(v * 100).toFixed(2)} %`;
};

const isUrl = (s: string) => /^https?:\/\//.test(s);

export function basisText(b: Basis, t: (k: StringKey) => string, lang: Lang): string {
  switch (b.kind) {
    case 'coverage':
      return t(
        b.denominator === 'region' ? 'basisCoverageRegion' : 'basisCoverageResidential',
      ).replace('{rule}', ruleInWords(b.rule, lang));
    case 'per_capita':
      return t('basisPerCapita')
        .replace('{pop}', b.population.toLocaleString('en-US'))
        .replace('{year}', b.year === null ? '?' : String(b.year));
    case 'no_population':
      return t('basisNoPopulation');
    case 'green_share':
      return t('basisGreenShare');
  }
}

export function ratingText(r: ScoreRow, t: (k: StringKey) => string, lang: Lang): string {
  return r.rating === 'insufficient'
    ? publicLabel('rating_insufficient', lang)
    : t(`rating_${r.rating}` as StringKey);
}

/** Where the city's park data falls short, what is missing and how to add it (never a rating). */
function GreenDataNote({ data, city, lang }: { data: GreenData; city: string; lang: Lang }) {
  const rated = canRate(data.status);
  return (
    <div
      className={`green-data-note ${rated ? 'complete' : 'incomplete'}`}
      role="note"
      data-testid="green-data-note"
      data-status={data.status}
    >
      <strong>
        {rated
          ? publicLabel('greenDataComplete', lang)
          : publicLabel('greenDataTitle', lang, { city })}
      </strong>
      <p>{publicLabel(`greenData_${data.status}`, lang)}</p>
      {data.missing && (
        <p data-testid="green-data-missing">
          <b>{publicLabel('greenDataMissing', lang)}:</b> {data.missing[lang]}
        </p>
      )}
      {data.how_to_add && (
        <p data-testid="green-data-how">
          <b>{publicLabel('greenDataHowToAdd', lang)}:</b> {data.how_to_add[lang]}
        </p>
      )}
      <p className="sources">
        {publicLabel('greenDataSources', lang)}:{' '}
        {data.sources.map((s, i) => (
          <span key={s}>
            {i > 0 && ' · '}
            {isUrl(s) ? (
              <a href={s} target="_blank" rel="noreferrer">
                {new URL(s).hostname}
              </a>
            ) : (
              s
            )}
          </span>
        ))}
      </p>
    </div>
  );
}

/**
 * The scorecard of the one chosen city: the figures published for it first, then what is
 * computed here, beside the national thresholds in plain words. A city whose park layer is
 * incomplete is not rated: the card says what is missing and how to add it.
 */
export function Scorecard() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const cityIds = useAtlas((s) => s.filters.cities);
  const data = useAtlas((s) => s.data);
  const cities = data?.catalog.cities;
  const rule = useAtlas((s) => s.coverageRule);
  const { coverage, standards, published } = useGreen();
  const cityId = cityIds.length === 1 ? (cityIds[0] as string) : null;
  const city = cities?.find((c) => c.id === cityId);
  const greenData = city?.green_data ?? null;

  const rows = useMemo(
    () => (cityId ? cityScorecard(cityId, data, rule, { coverage, standards, published }) : null),
    [cityId, data, rule, coverage, standards, published],
  );
  const rated = greenData !== null && canRate(greenData.status);
  const cityName = city ? pick(lang, city.name_zh, city.name_en) : (cityId ?? '');

  return (
    <div className="scorecard" data-testid="scorecard" data-green-data={greenData?.status ?? ''}>
      <h3>{t('scorecard')}</h3>
      {!cityId && <p className="note">{t('scorecardPick')}</p>}
      {rows && greenData && <GreenDataNote data={greenData} city={cityName} lang={lang} />}
      {rows && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('scorecardIndicator')}</th>
                <th scope="col">{publicLabel('scorecardPublishedFirst', lang)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.indicator} data-testid={`score-${r.indicator}`} data-rating={r.rating}>
                  <th scope="row">
                    {t(`ind_${r.indicator}` as StringKey)}
                    <span className="basis">{basisText(r.basis, t, lang)}</span>
                    <ul className="thresholds">
                      {r.thresholds.map((th) => (
                        <li
                          key={th.standard_en}
                          title={`${lang === 'zh' ? th.standard_zh : th.standard_en} · ${sourceIn(th, lang)} (${confidenceLabel(th.confidence, lang)})`}
                        >
                          {pick(lang, th.plain_zh ?? th.standard_zh, th.plain_en ?? th.standard_en)}
                          :{' '}
                          {thresholdInWords(
                            th,
                            r.indicator === 'park_green_per_capita' ? 'm2' : 'share',
                            lang,
                          )}
                          {th.met === null ? '' : th.met ? ' ✓' : ' ✗'}
                        </li>
                      ))}
                    </ul>
                  </th>
                  <td>
                    <span className="published-figures" data-testid="score-published">
                      {r.published.length === 0
                        ? t('scorecardNone')
                        : r.published.map((p) => (
                            <a
                              key={`${p.year}-${p.value}`}
                              className="published-figure"
                              href={p.source}
                              target="_blank"
                              rel="noreferrer"
                              title={`${lang === 'zh' ? p.scope_zh : p.scope_en} · ${p.source} (${confidenceLabel(p.confidence, lang)})`}
                            >
                              {fmt(r, p.value)} ({p.year ?? '?'})
                            </a>
                          ))}
                    </span>
                    <span className="computed-label">
                      {publicLabel(
                        rated ? 'scorecardComputedHere' : 'scorecardComputedIncomplete',
                        lang,
                      )}
                    </span>
                    <span
                      className={`rating ${r.rating.replace('/', '')}`}
                      title={ratingText(r, t, lang)}
                      data-testid="score-computed"
                    >
                      {fmt(r, r.value)}
                    </span>
                    <span className="rating-text" data-testid="score-rating">
                      {ratingText(r, t, lang)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!rated && <p className="note">{t('scorecardCaveat')}</p>}
        </>
      )}
    </div>
  );
}
