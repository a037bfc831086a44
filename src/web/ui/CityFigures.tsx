import { useMemo } from 'react';
import { useCityFigures } from '../app/useCityFigures.ts';
import { INVESTMENT_TOTAL_LABELS } from '../i18n/strings.ts';
import { pick, useT } from '../i18n/useT.ts';
import { useAtlas } from '../state/store.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { formatArea, formatInvestment } from './format.ts';

/** Area, mapped green area and share, and filtered projects per city, from the worker. */
export function CityFigures() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const catalog = useAtlas((s) => s.data?.catalog);
  const { status, cities, error } = useCityFigures();
  const order = useMemo(() => new Map((catalog?.cities ?? []).map((c, i) => [c.id, i])), [catalog]);
  const rows = useMemo(
    () => [...cities].sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999)),
    [cities, order],
  );
  const nameOf = (id: string) => {
    const c = catalog?.cities.find((x) => x.id === id);
    // Short form: the parenthetical part of a name (e.g. the programme) is left out here.
    return c ? pick(lang, c.name_zh, c.name_en).replace(/\s*[(（].*[)）]\s*$/, '') : id;
  };
  return (
    <section
      className="panel figures"
      aria-labelledby="figures-h"
      data-testid="city-figures"
      data-status={status}
    >
      <h2 id="figures-h">
        {t('figures')}
        {status === 'busy' && (
          <span className="busy" role="status">
            {t('figuresBusy')}
          </span>
        )}
      </h2>
      {error && (
        <ErrorNote what="figures" raw={error}>
          {t('figuresError')}: {error}
        </ErrorNote>
      )}
      {status === 'done' && rows.length === 0 && <p className="muted">{t('figuresNone')}</p>}
      {rows.length > 0 && (
        <div className="results-scroll">
          <table className="figures-table">
            <thead>
              <tr>
                <th scope="col">{t('city')}</th>
                <th scope="col">{t('figuresArea')}</th>
                <th scope="col">{t('figuresGreen')}</th>
                <th scope="col">{t('figuresShare')}</th>
                <th scope="col">{t('figuresProjects')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid={`figures-${c.id}`}>
                  <th scope="row">{nameOf(c.id)}</th>
                  <td data-testid="fig-area">{formatArea(c.area_m2, lang)}</td>
                  <td data-testid="fig-green">
                    {c.green_m2 > 0 ? formatArea(c.green_m2, lang) : '—'}
                  </td>
                  <td data-testid="fig-share">{(c.green_share * 100).toFixed(2)} %</td>
                  <td
                    title={`${t('totalsInvestment')}: ${formatInvestment(c.investment_cny, lang)} (${INVESTMENT_TOTAL_LABELS.floorTitle[lang]}); ${t('wsUnknown')}: ${c.investment_unknown}`}
                  >
                    {c.count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="note">{t('figuresNote')}</p>
    </section>
  );
}
