import { CATEGORIES } from '../../core/ledger/model.ts';
import { CATEGORY_LABELS, publicLabel } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { CATEGORY_STYLE, COLORS } from '../map/palette.ts';
import { useAtlas } from '../state/store.ts';
import type { LayerKey } from '../state/url.ts';
import { SiteUnknownButtons } from './SiteUnknownList.tsx';

const LAYER_LABELS: Record<
  LayerKey,
  'layerBoundaries' | 'layerInitiatives' | 'layerGreen' | 'layerLabels'
> = {
  boundaries: 'layerBoundaries',
  initiatives: 'layerInitiatives',
  green: 'layerGreen',
  labels: 'layerLabels',
};

export function LayerToggles() {
  const t = useT();
  const hidden = useAtlas((s) => s.hidden);
  const toggle = useAtlas((s) => s.toggleLayer);
  const online = useAtlas((s) => s.online);
  const setOnline = useAtlas((s) => s.setOnline);
  return (
    <section className="panel" aria-labelledby="layers-h">
      <h2 id="layers-h">{t('layers')}</h2>
      {(Object.keys(LAYER_LABELS) as LayerKey[]).map((k) => (
        <label key={k} className="inline">
          <input
            type="checkbox"
            data-testid={`layer-${k}`}
            checked={!hidden.includes(k)}
            onChange={() => toggle(k)}
          />
          {t(LAYER_LABELS[k])}
        </label>
      ))}
      <label className="inline muted">
        <input
          type="checkbox"
          data-testid="online-basemap"
          checked={online}
          onChange={(e) => setOnline(e.target.checked)}
        />
        {t('onlineBasemap')}
      </label>
    </section>
  );
}

function Mark({ kind, color }: { kind: 'exact' | 'approximate' | 'city'; color: string }) {
  const style = {
    exact: { fill: color, fillOpacity: 1, stroke: '#fff', strokeWidth: 1.5, r: 5.5 },
    approximate: { fill: color, fillOpacity: 0.45, stroke: color, strokeWidth: 2.2, r: 5.5 },
    city: { fill: color, fillOpacity: 0.08, stroke: color, strokeWidth: 2.6, r: 6 },
  }[kind];
  return (
    <svg width="18" height="18" aria-hidden="true">
      <circle cx="9" cy="9" {...style} />
    </svg>
  );
}

export function Legend() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const grey = '#555';
  return (
    <section className="panel legend" aria-labelledby="legend-h" data-testid="legend">
      <h2 id="legend-h">{t('legend')}</h2>
      <ul className="legend-list">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: CATEGORY_STYLE[c].color }}>
              {CATEGORY_STYLE[c].code}
            </span>
            {CATEGORY_LABELS[c][lang]}
          </li>
        ))}
      </ul>
      <ul className="legend-list">
        <li>
          <Mark kind="exact" color={grey} /> {t('legendExact')}
        </li>
        <li>
          <Mark kind="approximate" color={grey} /> {t('legendApprox')}
        </li>
        <li className="legend-site-unknown">
          <svg width="18" height="18" aria-hidden="true">
            <circle cx="9" cy="9" r="7.5" fill="#fff" stroke="#4a4a4a" strokeWidth="2" />
            <text x="9" y="12.5" textAnchor="middle" fontSize="9" fill="#222">
              n
            </text>
          </svg>{' '}
          {publicLabel('legendSiteUnknown', lang)}
          <SiteUnknownButtons />
        </li>
        <li>
          <span className="box" style={{ background: COLORS.green, opacity: 0.6 }} />{' '}
          {t('legendGreen')}
        </li>
        <li>
          <span
            className="box dashed"
            style={{ background: COLORS.greenSchematic, opacity: 0.6 }}
          />{' '}
          {t('legendSchematic')}
        </li>
        <li>
          <span className="box outline" style={{ borderColor: COLORS.boundaryLine }} />{' '}
          {t('legendBoundary')}
        </li>
      </ul>
    </section>
  );
}

export function DataNotes() {
  const t = useT();
  return (
    <details className="panel notes">
      <summary>{t('dataNotes')}</summary>
      <p>{t('dataNotesText')}</p>
    </details>
  );
}
