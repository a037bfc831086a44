import { useMemo } from 'react';
import { type Basis, type ScoreRow, scorecard } from '../../core/green/scorecard.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { useGreen } from '../state/green-store.ts';
import { useAtlas } from '../state/store.ts';

const fmt = (row: ScoreRow, v: number | null) => {
  if (v === null) return '—';
  return row.indicator === 'park_green_per_capita'
    ? `${v.toFixed(2)} m²`
    : `${(v * 100).toFixed(2)} %`;
};

function basisText(b: Basis, t: (k: StringKey) => string): string {
  switch (b.kind) {
    case 'coverage':
      return t(
        b.denominator === 'region' ? 'basisCoverageRegion' : 'basisCoverageResidential',
      ).replace('{rule}', b.rule);
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

/** The scorecard of the one chosen city: computed value, national thresholds, rating, published. */
export function Scorecard() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const cityIds = useAtlas((s) => s.filters.cities);
  const boundaries = useAtlas((s) => s.data?.boundaries);
  const rule = useAtlas((s) => s.coverageRule);
  const { coverage, standards, published } = useGreen();
  const cityId = cityIds.length === 1 ? (cityIds[0] as string) : null;

  const rows = useMemo(() => {
    if (!cityId || !coverage || !rule) return null;
    const c = coverage.cities.find((x) => String(x.id) === cityId);
    const b = boundaries?.features.find((f) => f.properties.id === cityId)?.properties;
    if (!c || !b) return null;
    return scorecard(
      {
        city_id: cityId,
        area_m2: c.area_m2,
        green_m2: coverage.green_m2[cityId] ?? 0,
        coverage: c.share,
        rule,
        denominator: coverage.denominator,
        population: b.population,
        population_year: b.population_year,
      },
      standards?.thresholds ?? [],
      published?.published ?? [],
    );
  }, [cityId, coverage, boundaries, rule, standards, published]);

  return (
    <div className="scorecard" data-testid="scorecard">
      <h3>{t('scorecard')}</h3>
      {!cityId && <p className="note">{t('scorecardPick')}</p>}
      {rows && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('scorecardIndicator')}</th>
                <th scope="col">{t('scorecardValue')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.indicator} data-testid={`score-${r.indicator}`} data-rating={r.rating}>
                  <th scope="row">
                    {t(`ind_${r.indicator}` as StringKey)}
                    <span className="basis">{basisText(r.basis, t)}</span>
                    <ul className="thresholds">
                      {r.thresholds.map((th) => (
                        <li key={th.standard_en} title={`${th.source} (${th.confidence})`}>
                          {lang === 'zh' ? th.standard_zh : th.standard_en} {th.op}{' '}
                          {r.indicator === 'park_green_per_capita'
                            ? `${th.value} m²`
                            : `${th.value * 100} %`}
                          {th.met === null ? '' : th.met ? ' ✓' : ' ✗'}
                        </li>
                      ))}
                    </ul>
                    <span className="published">
                      {t('scorecardPublished')}:{' '}
                      {r.published.length === 0
                        ? t('scorecardNone')
                        : r.published.map((p) => (
                            <a
                              key={`${p.year}-${p.value}`}
                              href={p.source}
                              target="_blank"
                              rel="noreferrer"
                              title={lang === 'zh' ? p.scope_zh : p.scope_en}
                            >
                              {fmt(r, p.value)} ({p.year ?? '?'}){' '}
                            </a>
                          ))}
                    </span>
                  </th>
                  <td>
                    <span
                      className={`rating ${r.rating.replace('/', '')}`}
                      title={t(`rating_${r.rating}` as StringKey)}
                    >
                      {fmt(r, r.value)}
                    </span>
                    <span className="rating-text">{t(`rating_${r.rating}` as StringKey)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t('scorecardCaveat')}</p>
        </>
      )}
    </div>
  );
}
