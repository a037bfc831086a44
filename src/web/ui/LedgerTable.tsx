import { type KeyboardEvent, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { Initiative } from '../../core/ledger/model.ts';
import { CATEGORY_LABELS, PRECISION_LABELS, STATUS_LABELS } from '../i18n/strings.ts';
import { pick, useT } from '../i18n/useT.ts';
import { afterFirstIdle, firstIdleSeen } from '../map/first-map.ts';
import { CATEGORY_STYLE } from '../map/palette.ts';
import { selectFeature } from '../state/actions.ts';
import { useAtlas } from '../state/store.ts';
import { useDeferredFilteredInitiatives } from '../state/useFiltered.ts';
import { formatYears } from './format.ts';
import { formatQualifiedAmount, qualifierTitle } from './investment.tsx';

/**
 * Rows rendered until the map has loaded: a screenful and more. The rest follow at the map's first
 * idle. Laying out all 196 rows (about 1,800 elements, 85 % of the page) ran on the main thread
 * while the first map loaded.
 */
const ROWS_BEFORE_FIRST_MAP = 60;

/** Whether every row may be rendered: false until the map's first idle. */
function useAllRows(): boolean {
  const [all, setAll] = useState(firstIdleSeen);
  useEffect(() => {
    if (all) return;
    let live = true;
    void afterFirstIdle().then(() => {
      if (live) startTransition(() => setAll(true));
    });
    return () => {
      live = false;
    };
  }, [all]);
  return all;
}

type SortKey = 'name' | 'city' | 'category' | 'status' | 'years' | 'investment' | 'precision';

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // unknowns last, whatever the direction
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function LedgerTable() {
  const t = useT();
  const lang = useAtlas((s) => s.lang);
  const total = useAtlas((s) => s.data?.initiatives.length ?? 0);
  const loaded = useAtlas((s) => s.data !== null);
  const cities = useAtlas((s) => s.data?.catalog.cities);
  const selection = useAtlas((s) => s.selection);
  const rows = useDeferredFilteredInitiatives();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'city', dir: 1 });
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const allRows = useAllRows();

  const cityName = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of cities ?? []) m.set(c.id, pick(lang, c.name_zh, c.name_en));
    return m;
  }, [cities, lang]);

  const sorted = useMemo(() => {
    const key = (r: Initiative): string | number | null => {
      switch (sort.key) {
        case 'name':
          return pick(lang, r.name_zh, r.name_en);
        case 'city':
          return cityName.get(r.city_id) ?? r.city_id;
        case 'category':
          return CATEGORY_LABELS[r.category][lang];
        case 'status':
          return STATUS_LABELS[r.status][lang];
        case 'years':
          return r.start_year ?? r.end_year;
        case 'investment':
          return r.investment_cny;
        case 'precision':
          return r.location_precision;
      }
    };
    return [...rows].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) return compare(ka, kb);
      return sort.dir * compare(ka, kb) || compare(a.id, b.id);
    });
  }, [rows, sort, lang, cityName]);

  const selectedId = selection?.kind === 'initiative' ? selection.id : null;
  // Roving tabindex: one row is the table's tab stop (the selected one, else the last one the
  // keyboard was on, else the first); the arrow keys move the selection from row to row.
  const [active, setActive] = useState<string | null>(null);
  const stop =
    [selectedId, active].find((id) => id && sorted.some((r) => r.id === id)) ??
    sorted[0]?.id ??
    null;
  const rowEl = (id: string) =>
    bodyRef.current?.querySelector<HTMLTableRowElement>(`tr[data-id="${CSS.escape(id)}"]`);
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    const i = sorted.findIndex((r) => r.id === id);
    const target: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: sorted.length - 1,
      PageDown: i + 10,
      PageUp: i - 10,
    };
    const to = target[e.key];
    if (to !== undefined) {
      e.preventDefault();
      const next = sorted[Math.min(sorted.length - 1, Math.max(0, to))];
      if (!next) return;
      setActive(next.id);
      selectFeature({ kind: 'initiative', id: next.id }, { fly: true });
      const tr = rowEl(next.id);
      tr?.focus({ preventScroll: true });
      tr?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setActive(id);
      selectFeature({ kind: 'initiative', id }, { fly: true });
    } else if (e.key === 'Escape' && useAtlas.getState().selection) {
      e.preventDefault();
      setActive(id);
      selectFeature(null);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: allRows runs it again once every row is rendered (a deep-linked selection may be past the first rows)
  useEffect(() => {
    if (!selectedId) return;
    const tr = bodyRef.current?.querySelector<HTMLTableRowElement>(
      `tr[data-id="${CSS.escape(selectedId)}"]`,
    );
    tr?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, allRows]);

  const header = (key: SortKey, label: string) => (
    <th
      scope="col"
      aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : 1 }))}
      >
        {label}
        {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <section
      className="ledger"
      aria-labelledby="ledger-h"
      data-testid="ledger"
      data-rows={allRows ? 'all' : 'first'}
    >
      <div className="ledger-head">
        <h2 id="ledger-h">{t('ledger')}</h2>
        <span data-testid="ledger-count">
          {rows.length} / {total}
        </span>
        <span id="ledger-keys" className="visually-hidden">
          {t('ledgerKeys')}
        </span>
      </div>
      <div className="table-scroll">
        <table aria-describedby="ledger-keys">
          <thead>
            <tr>
              {header('name', t('name'))}
              {header('city', t('cityCol'))}
              {header('category', t('category'))}
              {header('status', t('status'))}
              {header('years', t('yearsCol'))}
              {header('investment', t('investmentCol'))}
              {header('precision', t('precisionCol'))}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {(allRows ? sorted : sorted.slice(0, ROWS_BEFORE_FIRST_MAP)).map((r) => (
              <tr
                key={r.id}
                data-id={r.id}
                data-testid="ledger-row"
                aria-selected={r.id === selectedId}
                className={r.id === selectedId ? 'selected' : undefined}
                tabIndex={r.id === stop ? 0 : -1}
                onClick={() => {
                  setActive(r.id);
                  selectFeature({ kind: 'initiative', id: r.id }, { fly: true });
                }}
                onKeyDown={(e) => onRowKey(e, r.id)}
              >
                <td>{pick(lang, r.name_zh, r.name_en)}</td>
                <td>{cityName.get(r.city_id) ?? r.city_id}</td>
                <td>
                  <span className="dot" style={{ background: CATEGORY_STYLE[r.category].color }} />
                  {CATEGORY_LABELS[r.category][lang]}
                </td>
                <td>{STATUS_LABELS[r.status][lang]}</td>
                <td className="num">{formatYears(r.start_year, r.end_year)}</td>
                <td className="num" title={qualifierTitle(r, lang)}>
                  {formatQualifiedAmount(r, lang)}
                </td>
                <td className={`precision-${r.location_precision}`}>
                  {PRECISION_LABELS[r.location_precision][lang]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {loaded && rows.length === 0 && (
          <p className="empty" data-testid="ledger-empty">
            {t('noRows')}
          </p>
        )}
        {!loaded && <p className="empty">{t('loading')}</p>}
      </div>
    </section>
  );
}
