import { parseNumber } from '../../core/common/number.ts';
import { isFiltered } from '../../core/ledger/filters.ts';
import { CATEGORIES, type Category, STATUSES, type Status } from '../../core/ledger/model.ts';
import { CATEGORY_LABELS, STATUS_LABELS } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';
import { CATEGORY_STYLE } from '../map/palette.ts';
import { useAtlas } from '../state/store.ts';

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

/** Investment inputs are in the language's usual unit: 亿元 in Chinese, million CNY in English. */
const UNIT = { zh: 1e8, en: 1e6 } as const;

export function Filters() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const f = useAtlas((s) => s.filters);
  const set = useAtlas((s) => s.setFilters);
  const reset = useAtlas((s) => s.resetFilters);
  const unit = UNIT[lang];
  const inUnit = (yuan: number | null) => (yuan === null ? '' : String(yuan / unit));

  return (
    <section className="panel filters" aria-labelledby="filters-h" data-testid="filters">
      <div className="panel-head">
        <h2 id="filters-h">{t('filters')}</h2>
        <button type="button" className="link" disabled={!isFiltered(f)} onClick={reset}>
          {t('clearFilters')}
        </button>
      </div>
      <label className="field">
        <span>{t('search')}</span>
        <input
          type="search"
          data-testid="filter-text"
          placeholder={t('searchPlaceholder')}
          value={f.text}
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>{t('category')}</legend>
        <div className="chips">
          {CATEGORIES.map((c: Category) => (
            <label key={c} className="chip">
              <input
                type="checkbox"
                data-testid={`filter-category-${c}`}
                checked={f.categories.includes(c)}
                onChange={() => set({ categories: toggle(f.categories, c) })}
              />
              <span className="swatch" style={{ background: CATEGORY_STYLE[c].color }} />
              {CATEGORY_LABELS[c][lang]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('status')}</legend>
        <div className="chips">
          {STATUSES.map((s: Status) => (
            <label key={s} className="chip">
              <input
                type="checkbox"
                data-testid={`filter-status-${s}`}
                checked={f.statuses.includes(s)}
                onChange={() => set({ statuses: toggle(f.statuses, s) })}
              />
              {STATUS_LABELS[s][lang]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="range">
        <legend>{t('years')}</legend>
        <input
          type="number"
          aria-label={`${t('years')} ${t('yearFrom')}`}
          data-testid="filter-year-from"
          placeholder={t('yearFrom')}
          min={1949}
          max={2100}
          value={f.yearFrom ?? ''}
          onChange={(e) => set({ yearFrom: parseNumber(e.target.value) })}
        />
        <span>–</span>
        <input
          type="number"
          aria-label={`${t('years')} ${t('yearTo')}`}
          data-testid="filter-year-to"
          placeholder={t('yearTo')}
          min={1949}
          max={2100}
          value={f.yearTo ?? ''}
          onChange={(e) => set({ yearTo: parseNumber(e.target.value) })}
        />
      </fieldset>
      <fieldset className="range">
        <legend>
          {t('investment')} ({t('investmentUnit')})
        </legend>
        <input
          type="number"
          aria-label={`${t('investment')} ${t('investMin')}`}
          data-testid="filter-invest-min"
          placeholder={t('investMin')}
          min={0}
          value={inUnit(f.investMin)}
          onChange={(e) => {
            const v = parseNumber(e.target.value);
            set({ investMin: v === null ? null : v * unit });
          }}
        />
        <span>–</span>
        <input
          type="number"
          aria-label={`${t('investment')} ${t('investMax')}`}
          data-testid="filter-invest-max"
          placeholder={t('investMax')}
          min={0}
          value={inUnit(f.investMax)}
          onChange={(e) => {
            const v = parseNumber(e.target.value);
            set({ investMax: v === null ? null : v * unit });
          }}
        />
        <label className="inline">
          <input
            type="checkbox"
            data-testid="filter-keep-unknown"
            checked={f.keepUnknownInvestment}
            onChange={(e) => set({ keepUnknownInvestment: e.target.checked })}
          />
          {t('keepUnknown')}
        </label>
      </fieldset>
    </section>
  );
}
