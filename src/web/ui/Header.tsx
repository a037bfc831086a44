import { useEffect, useState } from 'react';
import { useNarrow } from '../app/useNarrow.ts';
import { pick, useT } from '../i18n/useT.ts';
import { PrintButton } from '../print/PrintDialog.tsx';
import { focusCity } from '../state/actions.ts';
import { useAtlas } from '../state/store.ts';
import { AccountBar } from './edit/AccountBar.tsx';

/** The picker's value while the filter holds several cities (only a link sets that). */
const SOME_CITIES = '__several';

export function Header() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const setLang = useAtlas((s) => s.setLang);
  const catalog = useAtlas((s) => s.data?.catalog);
  const cities = useAtlas((s) => s.filters.cities);
  // A link may filter on several cities: the picker says so rather than "All cities".
  const current = cities.length === 1 ? cities[0] : cities.length > 1 ? SOME_CITIES : '';
  const narrow = useNarrow();
  const [menu, setMenu] = useState(false);
  useEffect(() => {
    if (!menu) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenu(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menu]);
  return (
    <header className="header">
      <div className="brand">
        <h1 title={t('appTitle')}>{t('appTitle')}</h1>
        {!narrow && <span className="subtitle">{t('appSubtitle')}</span>}
      </div>
      <label className="city-picker">
        <span className={narrow ? 'visually-hidden' : undefined}>{t('city')}</span>
        <select
          data-testid="city-picker"
          value={current}
          disabled={!catalog}
          onChange={(e) => focusCity(e.target.value || null)}
        >
          <option value="">{t('allCities')}</option>
          {cities.length > 1 && (
            <option value={SOME_CITIES} disabled>
              {t('someCities', { n: cities.length })}
            </option>
          )}
          {catalog?.programmes.map((p) => (
            <optgroup key={p.id} label={pick(lang, p.name_zh, p.name_en)}>
              {catalog.cities
                .filter((c) => c.programme_id === p.id)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {pick(lang, c.name_zh, c.name_en)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      {narrow ? (
        <div className="header-menu">
          <button
            type="button"
            className="menu-button"
            data-testid="header-menu"
            aria-expanded={menu}
            aria-controls="header-menu-panel"
            aria-label={t('menu')}
            title={t('menu')}
            onClick={() => setMenu((m) => !m)}
          >
            ⋯
          </button>
          <div id="header-menu-panel" className="menu-panel" hidden={!menu}>
            <p className="subtitle">{t('appSubtitle')}</p>
            <PrintButton />
            <AccountBar />
          </div>
        </div>
      ) : (
        <>
          <PrintButton />
          <AccountBar />
        </>
      )}
      <button
        type="button"
        className="lang-toggle"
        data-testid="lang-toggle"
        aria-label={t('language')}
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      >
        {t('switchLang')}
      </button>
    </header>
  );
}
