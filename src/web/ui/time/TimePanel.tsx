/**
 * The year slider and play button ("the map as of year Y", core/time/phase.ts). The year is
 * filters.year: the map, the ledger table, the totals and the URL (`yr=`) follow it through the
 * one filtered-rows pipeline. Big imported point layers follow by their year or date column.
 */
import { useEffect, useMemo } from 'react';
import { filterInitiatives } from '../../../core/ledger/filters.ts';
import type { Initiative } from '../../../core/ledger/model.ts';
import { countNoYear, timelineCounts, yearDomain } from '../../../core/time/ledger-timeline.ts';
import { mergeDomains, playStart, playStep } from '../../../core/time/play.ts';
import { pluralKey, useT } from '../../i18n/useT.ts';
import { useAtlas } from '../../state/store.ts';
import { useTime } from '../../state/time-store.ts';
import { TimeLayers, useLayerDomains } from './TimeLayers.tsx';

const NONE: Initiative[] = [];
/** One year per step while playing. */
export const PLAY_STEP_MS = 1000;

export function TimePanel() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const all = useAtlas((s) => s.data?.initiatives ?? NONE);
  const filters = useAtlas((s) => s.filters);
  const year = filters.year;
  const playing = useTime((s) => s.playing);
  const layerDomains = useLayerDomains();
  const domain = useMemo(() => {
    let d = yearDomain(all);
    for (const ld of layerDomains) d = mergeDomains(d, ld);
    return d;
  }, [all, layerDomains]);
  // The rows the other filters let through: how they stand as of the year, and how many have none.
  const others = useMemo(() => filterInitiatives(all, { ...filters, year: null }), [all, filters]);
  const counts = useMemo(
    () => (year === null ? null : timelineCounts(others, year)),
    [others, year],
  );
  const noYear = useMemo(() => countNoYear(others), [others]);

  useEffect(() => {
    if (!playing || !domain) return;
    const timer = setTimeout(() => {
      // One step from the year shown (rescheduled whenever it changes, also by the slider).
      const next = playStep(year ?? domain[0], domain);
      if (next === null) useTime.setState({ playing: false });
      else useAtlas.getState().setFilters({ year: next });
    }, PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, year, domain]);
  useEffect(() => () => useTime.setState({ playing: false }), []);

  if (!domain) return <p className="muted">{t('timeNoYears')}</p>;
  const togglePlay = () => {
    if (playing) {
      useTime.setState({ playing: false });
      return;
    }
    useAtlas.getState().setFilters({ year: playStart(year, domain) });
    useTime.setState({ playing: true });
  };
  const shown = year ?? domain[1];
  return (
    <div className="time-body" data-testid="time-panel" data-playing={playing}>
      <div className="time-row">
        <button
          type="button"
          className="time-play"
          data-testid="time-play"
          aria-pressed={playing}
          onClick={togglePlay}
        >
          {playing ? `❚❚ ${t('timePause')}` : `▶ ${t('timePlay')}`}
        </button>
        <label htmlFor="time-year">{t('timeYear')}</label>
        <input
          id="time-year"
          type="range"
          data-testid="time-slider"
          min={domain[0]}
          max={domain[1]}
          step={1}
          value={shown}
          aria-valuetext={year === null ? t('timeAll') : String(year)}
          onChange={(e) => useAtlas.getState().setFilters({ year: Number(e.target.value) })}
        />
        <output htmlFor="time-year" data-testid="time-year" className="time-year">
          {year === null ? t('timeAll') : String(year)}
        </output>
      </div>
      {year !== null && (
        <button
          type="button"
          className="linkish"
          data-testid="time-clear"
          onClick={() => {
            useTime.setState({ playing: false });
            useAtlas.getState().setFilters({ year: null });
          }}
        >
          {t('timeShowAll')}
        </button>
      )}
      {counts && year !== null && (
        <p className="time-note" data-testid="time-summary">
          {t('timeAsOf', {
            year: String(year),
            underWay: counts.underWay,
            ended: counts.ended,
            notStarted: counts.notStarted,
          })}
        </p>
      )}
      {noYear > 0 && (
        <p className="time-note" data-testid="time-no-year">
          {t(pluralKey(lang, noYear, 'timeNoYearOne', 'timeNoYearOther'), { n: noYear })}
        </p>
      )}
      <TimeLayers year={year} />
    </div>
  );
}
