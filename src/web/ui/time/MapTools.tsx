/**
 * Tools over the map: the timeline (year slider and play) and the measure tool, each opened by
 * its own button. The timeline opens by itself when a year is set (e.g. from a link's `yr=`).
 */
import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { startMeasure, useMeasure } from '../../state/measure-store.ts';
import { useAtlas } from '../../state/store.ts';
import { useTime } from '../../state/time-store.ts';
import { MeasurePanel } from '../measure/MeasurePanel.tsx';
import { TimePanel } from './TimePanel.tsx';
import './map-tools.css';

export function MapTools() {
  const t = useT();
  const yearSet = useAtlas((s) => s.filters.year !== null);
  const loaded = useAtlas((s) => s.data !== null);
  const [timeOpen, setTimeOpen] = useState(yearSet);
  const [measureOpen, setMeasureOpen] = useState(false);
  const measuring = useMeasure((s) => s.kind !== null);
  if (!loaded) return null;
  const showTime = timeOpen || yearSet;
  return (
    <div className="map-tools" data-testid="map-tools">
      <div className="map-tools-buttons">
        <button
          type="button"
          data-testid="time-open"
          aria-expanded={showTime}
          onClick={() => {
            if (showTime) useTime.setState({ playing: false });
            setTimeOpen(!showTime);
          }}
        >
          {t('timeOpen')}
        </button>
        <button
          type="button"
          data-testid="measure-open"
          aria-expanded={measureOpen || measuring}
          onClick={() => {
            if (measureOpen || measuring) startMeasure(null);
            setMeasureOpen(!(measureOpen || measuring));
          }}
        >
          {t('measureOpen')}
        </button>
      </div>
      {showTime && (
        <section className="map-tool" aria-label={t('timeTitle')}>
          <TimePanel />
        </section>
      )}
      {(measureOpen || measuring) && (
        <section className="map-tool" aria-label={t('measureOpen')}>
          <MeasurePanel />
        </section>
      )}
    </div>
  );
}
