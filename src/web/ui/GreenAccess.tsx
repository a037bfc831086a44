import { useMemo, useState } from 'react';
import {
  parseCoverageRule,
  ruleLabel,
  WALK_MAX_M,
  WALK_MIN_M,
} from '../../core/analytics/coverage-rule.ts';
import { WALK_M_PER_MIN } from '../../core/green/access.ts';
import { reasonIn } from '../i18n/reason-in.ts';
import { confidenceLabel, publicLabel } from '../i18n/strings.ts';
import { pick, useT } from '../i18n/useT.ts';
import { useGreen } from '../state/green-store.ts';
import { useAtlas } from '../state/store.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { formatArea } from './format.ts';
import { GreenDetail } from './GreenDetail.tsx';
import { Scorecard } from './Scorecard.tsx';
import { sourceIn } from './source-text.ts';

const CUSTOM = 'custom';

/** Named places a user can ask about: city seats and projects with a known site. */
function usePlaces() {
  const data = useAtlas((s) => s.data);
  const lang = useAtlas((s) => s.lang);
  return useMemo(() => {
    const out: Array<{ key: string; label: string; lon: number; lat: number }> = [];
    for (const c of data?.catalog.cities ?? []) {
      out.push({
        key: `city/${c.id}`,
        label: pick(lang, c.name_zh, c.name_en),
        lon: c.seat[0],
        lat: c.seat[1],
      });
    }
    // Projects with a known site (exact or approximate), not those placed at a city's seat.
    for (const r of data?.initiatives ?? []) {
      if (r.location_precision === 'city') continue;
      out.push({
        key: `initiative/${r.id}`,
        label: pick(lang, r.name_zh, r.name_en),
        lon: r.lon,
        lat: r.lat,
      });
    }
    return out;
  }, [data, lang]);
}

/** Green access: the coverage view, "is this place covered?", coverage by city, scorecard. */
export function GreenAccess() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const rule = useAtlas((s) => s.coverageRule);
  const setRule = useAtlas((s) => s.setCoverageRule);
  const setPlace = useAtlas((s) => s.setPlace);
  const catalog = useAtlas((s) => s.data?.catalog);
  const greenNames = useAtlas((s) => s.data?.green);
  const { standards, status, error, coverage, answer, answerError } = useGreen();
  const places = usePlaces();
  const rules = standards?.rules ?? [];
  const known = rules.find((r) => r.rule === rule);
  const [custom, setCustom] = useState<string>(rule && !known ? rule.replace(/^walk:/, '') : '');
  const [lastRule, setLastRule] = useState<string>(rule ?? 'gbt50563');
  const selected = rule === null ? '' : known ? known.id : CUSTOM;

  const cityName = (id: string) => {
    const c = catalog?.cities.find((x) => x.id === id);
    return c ? pick(lang, c.name_zh, c.name_en).replace(/\s*[(（].*[)）]\s*$/, '') : id;
  };
  const parkName = (id: string) => {
    const f = greenNames?.features.find((x) => x.properties.id === id);
    return f ? pick(lang, f.properties.name_zh, f.properties.name_en) : id;
  };

  return (
    <section className="panel green-access" aria-labelledby="green-h" data-testid="green-access">
      <h2 id="green-h">{t('green')}</h2>
      <label className="check">
        <input
          type="checkbox"
          data-testid="coverage-toggle"
          checked={rule !== null}
          onChange={(e) => setRule(e.target.checked ? lastRule : null)}
        />
        {t('greenShow')}
      </label>
      {rule !== null && (
        <>
          <label className="field">
            {t('greenRule')}
            <select
              data-testid="coverage-rule"
              data-rule={rule}
              value={selected}
              onChange={(e) => {
                const id = e.target.value;
                const next =
                  id === CUSTOM ? `walk:${custom || '800'}` : rules.find((r) => r.id === id)?.rule;
                if (id === CUSTOM && !custom) setCustom('800');
                if (next) {
                  setRule(next);
                  setLastRule(next);
                }
              }}
            >
              {rules.map((r) => (
                <option key={r.id} value={r.id} title={r.standard ?? sourceIn(r, lang)}>
                  {lang === 'zh' ? r.name_zh : r.name_en}
                </option>
              ))}
              <option value={CUSTOM}>{t('greenCustomOption')}</option>
            </select>
          </label>
          {known && (
            <p className="note rule-source" data-testid="rule-source">
              {publicLabel('ruleFrom', lang)}:{' '}
              {/* The standard's code, and its source in the UI's language where standards.json has it. */}
              <span
                lang={known.standard || !known.source_zh ? 'en' : lang}
                title={`${sourceIn(known, lang)} (${confidenceLabel(known.confidence, lang)})`}
              >
                {known.standard ?? sourceIn(known, lang)}
              </span>
            </p>
          )}
          {selected === CUSTOM && (
            <label className="field">
              {t('greenCustom')}
              <input
                type="number"
                min={WALK_MIN_M}
                max={WALK_MAX_M}
                step={50}
                value={custom}
                data-testid="coverage-custom"
                onChange={(e) => {
                  setCustom(e.target.value);
                  // THE rule parser: out-of-range distances are not applied (the input shows them).
                  const parsed = parseCoverageRule(`walk:${e.target.value}`);
                  if ('ok' in parsed) {
                    const next = ruleLabel(parsed.ok);
                    setRule(next);
                    setLastRule(next);
                  }
                }}
              />
            </label>
          )}
          <div className="coverage-legend">
            <span className="swatch covered" /> {t('greenLegendCovered')}
            <br />
            <span className="swatch gap" /> {t('greenLegendGap')}
          </div>
          {status === 'busy' && (
            <p className="busy" role="status">
              {t('greenBusy')}
            </p>
          )}
          {error && (
            <ErrorNote what="coverage" raw={error}>
              {error}
            </ErrorNote>
          )}

          <p className="note">{t('greenHint')}</p>
          <select
            aria-label={t('greenPlace')}
            data-testid="place-pick"
            value=""
            onChange={(e) => {
              const p = places.find((x) => x.key === e.target.value);
              if (p) setPlace({ lon: p.lon, lat: p.lat });
            }}
          >
            <option value="">{t('greenPlacePick')}</option>
            {places.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
          {answerError && (
            <ErrorNote what="place" raw={answerError}>
              {answerError}
            </ErrorNote>
          )}
          {answer && (
            <div
              className={`answer ${answer.covered ? 'yes' : 'no'}`}
              data-testid="place-answer"
              data-rule={answer.rule}
              data-lon={answer.lon}
              data-lat={answer.lat}
              aria-live="polite"
            >
              <strong data-testid="place-verdict">
                {answer.covered ? t('greenCovered') : t('greenNotCovered')}
              </strong>{' '}
              <span className="muted">
                ({answer.lat.toFixed(4)}, {answer.lon.toFixed(4)})
              </span>
              {answer.parks.length === 0 && <p>{t('greenNoParks')}</p>}
              <ul>
                {answer.parks.map((p) => (
                  <li key={p.id} data-testid="place-park">
                    {parkName(p.id)}:{' '}
                    <strong>{Math.round(p.distance_m).toLocaleString('en-US')} m</strong> (~
                    {Math.max(1, Math.round(p.distance_m / WALK_M_PER_MIN))} {t('greenWalk')}),{' '}
                    {p.radius_m !== null ? (
                      <span>
                        {t('greenServes')} {p.radius_m} m{p.serves ? ' ✓' : ''}
                      </span>
                    ) : (
                      <span
                        className="muted"
                        data-testid="park-why"
                        title={p.why ? reasonIn(p.why, lang) : (p.reason ?? '')}
                      >
                        {t('greenNoQualify')} ({formatArea(p.area_m2, lang)})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              <p className="note">{t('greenWalkNote')}</p>
            </div>
          )}

          {coverage && coverage.cities.length > 0 && (
            <figure className="chart" data-testid="coverage-chart">
              <figcaption>
                {t('greenByCity')} · {coverage.qualifying} {t('greenParksUsed')}
              </figcaption>
              {[...coverage.cities]
                .sort((a, b) => b.share - a.share)
                .map((c) => (
                  <div className="bar-row" key={String(c.id)} data-testid={`coverage-${c.id}`}>
                    <span className="bar-label">{cityName(String(c.id))}</span>
                    <span className="bar" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, c.share * 100)}%` }} />
                    </span>
                    <span className="bar-value" data-testid="coverage-share">
                      {(c.share * 100).toFixed(1)} %
                    </span>
                    {c.population !== null && c.population_covered !== null && (
                      <span className="bar-pop">
                        {Math.round(c.population_covered).toLocaleString('en-US')} /{' '}
                        {Math.round(c.population).toLocaleString('en-US')} {t('greenPopulation')}
                      </span>
                    )}
                  </div>
                ))}
              <p className="note">
                {t(
                  coverage.denominator === 'residential'
                    ? 'greenDenominatorResidential'
                    : 'greenDenominator',
                )}
              </p>
            </figure>
          )}
          <Scorecard />
          <GreenDetail />
        </>
      )}
    </section>
  );
}
