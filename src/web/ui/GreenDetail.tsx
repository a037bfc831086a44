import { parseNumber } from '../../core/common/number.ts';
import { useT } from '../i18n/useT.ts';
import { useGreen } from '../state/green-store.ts';
import { useAtlas } from '../state/store.ts';
import { formatArea } from './format.ts';

/** For the one chosen city: distance-to-park distribution, largest gaps, and a what-if park. */
export function GreenDetail() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const flyTo = useAtlas((s) => s.flyTo);
  const coverage = useGreen((s) => s.coverage);
  const { detail, detailStatus, whatIfOn, newParkArea, newPark } = useGreen();
  if (!detail) {
    return detailStatus === 'busy' ? (
      <p className="busy" role="status">
        {t('greenBusy')}
      </p>
    ) : null;
  }
  const before = coverage?.cities.find((c) => String(c.id) === detail.id)?.share;
  return (
    <div className="green-detail" data-testid="green-detail">
      <figure className="chart" data-testid="distance-chart">
        <figcaption>{t('distTitle')}</figcaption>
        {detail.bands.map((b) => (
          <div className="bar-row" key={b.metres}>
            <span className="bar-label">{t('distWithin').replace('{m}', String(b.metres))}</span>
            <span className="bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, b.share * 100)}%` }} />
            </span>
            <span className="bar-value">{(b.share * 100).toFixed(1)} %</span>
          </div>
        ))}
        <p className="note">{t('distNote')}</p>
      </figure>

      <h3>{t('gapTitle')}</h3>
      <ol className="gaps" data-testid="gaps">
        {detail.gaps.map((g) => (
          <li key={`${g.centre[0]},${g.centre[1]}`}>
            <button
              type="button"
              className="link"
              onClick={() => flyTo({ bbox: g.bbox, maxZoom: 14 })}
            >
              ≈ {formatArea(g.area_m2, lang)}
            </button>
          </li>
        ))}
      </ol>
      <p className="note">{t('gapNote')}</p>

      <h3>{t('whatIf')}</h3>
      <label className="check">
        <input
          type="checkbox"
          data-testid="what-if-toggle"
          checked={whatIfOn}
          onChange={(e) => useGreen.setState({ whatIfOn: e.target.checked })}
        />
        {t('whatIfHint')}
      </label>
      <label className="field">
        {t('whatIfArea')}
        <input
          type="number"
          min={1000}
          step={1000}
          value={newParkArea}
          onChange={(e) => {
            const area = parseNumber(e.target.value);
            if (area !== null && area > 0) {
              useGreen.setState((s) => ({
                newParkArea: area,
                newPark: s.newPark ? { ...s.newPark, area_m2: area } : null,
              }));
            }
          }}
        />
      </label>
      {newPark && detail.newPark && detailStatus !== 'busy' && (
        <p className="answer yes" data-testid="what-if-result">
          {t('whatIfResult')}: {before !== undefined && `${(before * 100).toFixed(2)} % → `}
          <strong data-testid="what-if-share" data-share={detail.share} data-before={before}>
            {(detail.share * 100).toFixed(2)} %
          </strong>{' '}
          <button
            type="button"
            className="link"
            onClick={() => useGreen.setState({ newPark: null })}
          >
            {t('whatIfClear')}
          </button>
        </p>
      )}
    </div>
  );
}
