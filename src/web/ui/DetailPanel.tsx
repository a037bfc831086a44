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
import type { Lang } from '../state/url.ts';
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

/**
 * Clears the selection; with `refocus`, the keyboard lands on the ledger row of the project that
 * was open (when the ledger shows it), not on the page's start.
 */
function closeDetails(refocus: boolean): void {
  const sel = useAtlas.getState().selection;
  selectFeature(null);
  if (!refocus || sel?.kind !== 'initiative') return;
  requestAnimationFrame(() => {
    const tr = document.querySelector<HTMLElement>(
      `[data-testid="ledger-row"][data-id="${CSS.escape(sel.id)}"]`,
    );
    if (tr?.offsetParent) tr.focus({ preventScroll: true });
  });
}

/** The name in the other language, marked as that language (screen readers, the e2e check). */
function OtherName({ lang, zh, en }: { lang: Lang; zh: string | null; en: string | null }) {
  return lang === 'zh' ? <span lang="en">{en}</span> : <span lang="zh-CN">{zh}</span>;
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
        <Row label={t('otherName')}>
          <OtherName lang={lang} zh={r.name_zh} en={r.name_en} />
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
        <Row label={t('description')}>
          {/* The ledger's descriptions are written in English (data, not UI). */}
          <span lang="en">{r.description}</span>
        </Row>
        <Row label={t('source')} testid="detail-source">
          <Sources source={r.source} />
        </Row>
        <Row label={t('idLabel')}>
          <code>{r.id}</code>
        </Row>
      </dl>
    );
  } else if (detail.kind === 'green') {
    const p = detail.f.properties;
    title = pick(lang, p.name_zh, p.name_en);
    body = (
      <dl>
        <Row label={t('otherName')}>
          <OtherName lang={lang} zh={p.name_zh} en={p.name_en} />
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
        {p.note && (
          <Row label={t('description')}>
            <span lang="en">{p.note}</span>
          </Row>
        )}
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
        <Row label={t('otherName')}>
          <OtherName lang={lang} zh={p.name_zh} en={p.name_en} />
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
        <Row label={t('datumNote')}>
          <span lang="en">{p.datum_note}</span>
        </Row>
        <Row label={t('source')} testid="detail-source">
          <Source source={p.source} />
        </Row>
      </dl>
    );
  }
  return (
    <aside
      className="detail"
      aria-labelledby="detail-h"
      data-testid="detail-panel"
      onKeyDown={(e) => {
        // Esc closes the details from anywhere inside them (a dialog of its own handles it first).
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        closeDetails(true);
      }}
    >
      <div className="panel-head">
        <h2 id="detail-h" data-testid="detail-title">
          {title}
        </h2>
        <button
          type="button"
          className="close"
          aria-label={t('close')}
          data-testid="detail-close"
          onClick={() => closeDetails(true)}
        >
          ×
        </button>
      </div>
      {body}
      {detail.kind === 'initiative' && <EditDetails row={detail.row} />}
    </aside>
  );
}
