import type { ReactNode } from 'react';
import { geometryArea } from '../../core/analytics/area.ts';
import {
  CATEGORY_LABELS,
  CONFIDENCE_LABELS,
  GREEN_KIND_LABELS,
  PRECISION_LABELS,
  QUALIFIER_LABELS,
  QUALITY_LABELS,
  STATUS_LABELS,
} from '../i18n/strings.ts';
import { pick, useT } from '../i18n/useT.ts';
import { selectFeature } from '../state/actions.ts';
import { useAtlas } from '../state/store.ts';
import { EditDetails } from './edit/EditDetails.tsx';
import { formatArea, formatYears } from './format.ts';
import { formatQualifiedInvestment, qualifierTitle, Source, Sources } from './investment.tsx';

function Row({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </>
  );
}

function useDetail() {
  const selection = useAtlas((s) => s.selection);
  const data = useAtlas((s) => s.data);
  if (!selection || !data) return null;
  if (selection.kind === 'initiative') {
    const row = data.initiatives.find((r) => r.id === selection.id);
    return row ? ({ kind: 'initiative', row } as const) : null;
  }
  if (selection.kind === 'green') {
    const f = data.green?.features.find((g) => g.properties.id === selection.id);
    return f ? ({ kind: 'green', f } as const) : null;
  }
  const f = data.boundaries?.features.find((b) => b.properties.id === selection.id);
  return f ? ({ kind: 'boundary', f } as const) : null;
}

export function DetailPanel() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const cities = useAtlas((s) => s.data?.catalog.cities);
  const detail = useDetail();
  if (!detail) return null;
  const cityName = (id: string) => {
    const c = cities?.find((x) => x.id === id);
    return c ? pick(lang, c.name_zh, c.name_en) : id;
  };
  let title = '';
  let body: ReactNode = null;
  if (detail.kind === 'initiative') {
    const r = detail.row;
    title = pick(lang, r.name_zh, r.name_en);
    body = (
      <dl>
        <Row label={lang === 'zh' ? 'English' : '中文'}>
          {lang === 'zh' ? r.name_en : r.name_zh}
        </Row>
        <Row label={t('cityCol')}>{cityName(r.city_id)}</Row>
        <Row label={t('category')}>{CATEGORY_LABELS[r.category][lang]}</Row>
        <Row label={t('status')}>{STATUS_LABELS[r.status][lang]}</Row>
        <Row label={t('yearsCol')}>{formatYears(r.start_year, r.end_year)}</Row>
        <Row label={t('investment')} testid="detail-investment">
          <span title={qualifierTitle(r, lang)}>{formatQualifiedInvestment(r, lang)}</span>
          {r.investment_qualifier && r.investment_qualifier !== 'exact' && (
            <span className="muted" data-testid="detail-investment-qualifier">
              {' '}
              ({QUALIFIER_LABELS[r.investment_qualifier][lang]})
            </span>
          )}
        </Row>
        <Row label={t('precision')} testid="detail-precision">
          <span className={`precision-${r.location_precision}`}>
            {PRECISION_LABELS[r.location_precision][lang]}
          </span>{' '}
          <span className="muted">
            ({r.lat.toFixed(5)}, {r.lon.toFixed(5)})
          </span>
        </Row>
        <Row label={t('confidence')}>{CONFIDENCE_LABELS[r.confidence][lang]}</Row>
        <Row label={t('description')}>{r.description}</Row>
        <Row label={t('source')} testid="detail-source">
          <Sources source={r.source} />
        </Row>
        <Row label="ID">
          <code>{r.id}</code>
        </Row>
      </dl>
    );
  } else if (detail.kind === 'green') {
    const p = detail.f.properties;
    title = pick(lang, p.name_zh, p.name_en);
    body = (
      <dl>
        <Row label={lang === 'zh' ? 'English' : '中文'}>
          {lang === 'zh' ? p.name_en : p.name_zh}
        </Row>
        <Row label={t('cityCol')}>{cityName(p.city_id)}</Row>
        <Row label={t('kind')}>{GREEN_KIND_LABELS[p.kind][lang]}</Row>
        <Row label={t('opened')}>{p.opened_year ?? t('unknown')}</Row>
        <Row label={t('computedArea')} testid="detail-area">
          {formatArea(geometryArea(detail.f.geometry), lang)}
        </Row>
        <Row label={t('statedArea')}>
          {p.stated_area_m2 === null ? t('unknown') : formatArea(p.stated_area_m2, lang)}
        </Row>
        <Row label={t('geometryQuality')} testid="detail-quality">
          {QUALITY_LABELS[p.geometry_quality][lang]}
        </Row>
        <Row label={t('confidence')}>{CONFIDENCE_LABELS[p.confidence][lang]}</Row>
        {p.note && <Row label={t('description')}>{p.note}</Row>}
        <Row label={t('source')} testid="detail-source">
          <Source source={p.source} />
        </Row>
      </dl>
    );
  } else {
    const p = detail.f.properties;
    title = pick(lang, p.name_zh, p.name_en);
    body = (
      <dl>
        <Row label={lang === 'zh' ? 'English' : '中文'}>
          {lang === 'zh' ? p.name_en : p.name_zh}
        </Row>
        <Row label={t('adminCode')}>{p.admin_code ?? t('unknown')}</Row>
        <Row label={t('computedArea')} testid="detail-area">
          {formatArea(geometryArea(detail.f.geometry), lang)}
        </Row>
        <Row label={t('population')}>
          {p.population === null ? (
            t('unknown')
          ) : (
            <>
              {p.population.toLocaleString('en-US')} ({p.population_year}){' '}
              {p.population_source && <Source source={p.population_source} />}
            </>
          )}
        </Row>
        <Row label={t('datumNote')}>{p.datum_note}</Row>
        <Row label={t('source')} testid="detail-source">
          <Source source={p.source} />
        </Row>
      </dl>
    );
  }
  return (
    <aside className="detail" aria-labelledby="detail-h" data-testid="detail-panel">
      <div className="panel-head">
        <h2 id="detail-h" data-testid="detail-title">
          {title}
        </h2>
        <button
          type="button"
          className="close"
          aria-label={t('close')}
          data-testid="detail-close"
          onClick={() => selectFeature(null)}
        >
          ×
        </button>
      </div>
      {body}
      {detail.kind === 'initiative' && <EditDetails row={detail.row} />}
    </aside>
  );
}
