import { useEffect, useMemo, useRef } from 'react';
import { publicLabel, STATUS_LABELS } from '../i18n/strings.ts';
import { pick } from '../i18n/useT.ts';
import { CATEGORY_STYLE } from '../map/palette.ts';
import { groupSiteUnknown, type SiteUnknownGroup } from '../map/site-unknown.ts';
import { selectFeature } from '../state/actions.ts';
import { openSiteUnknown, useSiteUnknown } from '../state/site-unknown-store.ts';
import { useAtlas } from '../state/store.ts';
import { useDeferredFilteredInitiatives } from '../state/useFiltered.ts';
import './site-unknown.css';

/** The filtered ledger's projects with no known site, one group per city. */
export function useSiteUnknownGroups(): SiteUnknownGroup[] {
  const rows = useDeferredFilteredInitiatives();
  return useMemo(() => groupSiteUnknown(rows), [rows]);
}

/** "34 projects, site not known" in the language. */
export function siteUnknownText(lang: 'en' | 'zh', n: number): string {
  return n === 1
    ? publicLabel('siteUnknownOne', lang)
    : publicLabel('siteUnknownOther', lang, { n: n.toLocaleString('en-US') });
}

function useCityName() {
  const lang = useAtlas((s) => s.lang);
  const cities = useAtlas((s) => s.data?.catalog.cities);
  return (id: string) => {
    const c = cities?.find((x) => x.id === id);
    return c ? pick(lang, c.name_zh, c.name_en).replace(/\s*[(（].*[)）]\s*$/, '') : id;
  };
}

/**
 * The keyboard's way to the same lists as the map's markers: one button per city with projects
 * whose site is not known (shown in the legend).
 */
export function SiteUnknownButtons() {
  const lang = useAtlas((s) => s.lang);
  const groups = useSiteUnknownGroups();
  const cityName = useCityName();
  if (groups.length === 0) return null;
  return (
    <div className="site-unknown-open" data-testid="site-unknown-buttons">
      {groups.map((g) => (
        <button
          type="button"
          key={g.city_id}
          data-testid={`site-unknown-open-${g.city_id}`}
          aria-label={publicLabel('siteUnknownTitle', lang, {
            city: cityName(g.city_id),
            n: g.ids.length,
          })}
          onClick={() => openSiteUnknown(g.city_id)}
        >
          {cityName(g.city_id)} {g.ids.length}
        </button>
      ))}
    </div>
  );
}

/** The open list: the city's projects with no known site; picking one opens its details. */
export function SiteUnknownList() {
  const lang = useAtlas((s) => s.lang);
  const city = useSiteUnknown((s) => s.city);
  const cities = useAtlas((s) => s.filters.cities);
  const selection = useAtlas((s) => s.selection);
  const all = useAtlas((s) => s.data?.initiatives);
  const groups = useSiteUnknownGroups();
  const cityName = useCityName();
  const heading = useRef<HTMLHeadingElement>(null);
  const group = groups.find((g) => g.city_id === city);

  // A list belongs to the city it was opened for: another choice of city closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the city filter changes
  useEffect(() => {
    openSiteUnknown(null);
  }, [cities]);

  useEffect(() => {
    if (city) heading.current?.focus();
  }, [city]);

  const rows = useMemo(() => {
    if (!group || !all) return [];
    const byId = new Map(all.map((r) => [r.id, r]));
    return group.ids.flatMap((id) => byId.get(id) ?? []);
  }, [group, all]);

  if (!city || !group) return null;
  const title = publicLabel('siteUnknownTitle', lang, {
    city: cityName(city),
    n: group.ids.length,
  });
  return (
    <section
      className="site-unknown-list"
      aria-labelledby="site-unknown-h"
      data-testid="site-unknown-list"
      data-city={city}
      onKeyDown={(e) => {
        if (e.key === 'Escape') openSiteUnknown(null);
      }}
    >
      <div className="panel-head">
        <h2 id="site-unknown-h" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button
          type="button"
          className="close"
          aria-label={publicLabel('siteUnknownClose', lang)}
          data-testid="site-unknown-close"
          onClick={() => openSiteUnknown(null)}
        >
          ×
        </button>
      </div>
      <p className="note">{publicLabel('siteUnknownNote', lang)}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              data-testid="site-unknown-item"
              data-id={r.id}
              aria-current={selection?.kind === 'initiative' && selection.id === r.id}
              onClick={() => selectFeature({ kind: 'initiative', id: r.id })}
            >
              <span
                className="dot"
                aria-hidden="true"
                style={{ background: CATEGORY_STYLE[r.category].color }}
              />
              <span>{pick(lang, r.name_zh, r.name_en)}</span>
              <span className="status">{STATUS_LABELS[r.status][lang]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
