/**
 * The measure tool's panel: distance or area, the live figure (geodesic, core/measure/measure.ts)
 * in a chosen or automatic unit, for an area also in 亩 and 公顷, and clear / finish / stop.
 */
import { useMemo } from 'react';
import { measure } from '../../../core/measure/measure.ts';
import {
  AREA_UNITS,
  type AreaUnit,
  autoAreaUnit,
  autoLengthUnit,
  displayDecimals,
  LENGTH_UNITS,
  type LengthUnit,
  toArea,
  toLength,
} from '../../../core/measure/units.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { formatNumber, useT } from '../../i18n/useT.ts';
import {
  clearMeasure,
  finishMeasure,
  startMeasure,
  useMeasure,
} from '../../state/measure-store.ts';
import { useAtlas } from '../../state/store.ts';

const UNIT_KEY: Record<LengthUnit | AreaUnit, StringKey> = {
  m: 'unitM',
  km: 'unitKm',
  m2: 'unitM2',
  km2: 'unitKm2',
  mu: 'unitMu',
  ha: 'unitHa',
};

export function MeasurePanel() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const { kind, points, hover, done, lengthUnit, areaUnit } = useMeasure();
  const result = useMemo(() => {
    if (!kind) return null;
    return measure(kind, done || !hover ? points : [...points, hover]);
  }, [kind, points, hover, done]);

  const show = (value: number, unit: LengthUnit | AreaUnit, isArea: boolean) => {
    const v = isArea ? toArea(value, unit as AreaUnit) : toLength(value, unit as LengthUnit);
    return `${formatNumber(v, lang, displayDecimals(v))} ${t(UNIT_KEY[unit])}`;
  };

  const kindButton = (k: 'distance' | 'area', key: StringKey) => (
    <button
      type="button"
      data-testid={`measure-${k}`}
      aria-pressed={kind === k}
      onClick={() => startMeasure(kind === k ? null : k)}
    >
      {t(key)}
    </button>
  );

  const isArea = kind === 'area';
  const unit = isArea ? areaUnit : lengthUnit;
  const auto =
    result && (isArea ? autoAreaUnit(result.squareMetres ?? 0) : autoLengthUnit(result.metres));
  const chosen = unit === 'auto' ? auto : unit;
  return (
    <div className="measure-body" data-testid="measure-panel">
      <div className="time-row">
        {kindButton('distance', 'measureDistance')}
        {kindButton('area', 'measureArea')}
      </div>
      {kind && result && chosen && (
        <>
          <p className="time-note">{t('measureHint')}</p>
          <p className="measure-value" aria-live="polite">
            <strong data-testid="measure-value" data-points={points.length} data-done={done}>
              {isArea
                ? result.squareMetres === null
                  ? '—'
                  : show(result.squareMetres, chosen, true)
                : show(result.metres, chosen, false)}
            </strong>{' '}
            <label>
              <span className="visually-hidden">{t('measureUnit')}</span>
              <select
                data-testid="measure-unit"
                aria-label={t('measureUnit')}
                value={unit}
                onChange={(e) =>
                  useMeasure.setState(
                    isArea
                      ? { areaUnit: e.target.value as AreaUnit | 'auto' }
                      : { lengthUnit: e.target.value as LengthUnit | 'auto' },
                  )
                }
              >
                <option value="auto">{t('measureAuto')}</option>
                {(isArea ? AREA_UNITS : LENGTH_UNITS).map((u) => (
                  <option key={u} value={u}>
                    {t(UNIT_KEY[u])}
                  </option>
                ))}
              </select>
            </label>
          </p>
          {isArea && result.squareMetres !== null && (
            <p className="time-note" data-testid="measure-area-cn">
              = {show(result.squareMetres, 'mu', true)} = {show(result.squareMetres, 'ha', true)} ·{' '}
              {t('measurePerimeter', {
                value: show(result.metres, autoLengthUnit(result.metres), false),
              })}
            </p>
          )}
          <p className="time-note muted">
            {t('measurePoints', { n: points.length })} · {t('measureGeodesic')}
          </p>
          <div className="time-row">
            <button
              type="button"
              data-testid="measure-finish"
              disabled={done}
              onClick={finishMeasure}
            >
              {t('measureFinish')}
            </button>
            <button type="button" data-testid="measure-clear" onClick={clearMeasure}>
              {t('measureClear')}
            </button>
            <button type="button" data-testid="measure-close" onClick={() => startMeasure(null)}>
              {t('measureClose')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
