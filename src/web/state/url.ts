import { canonicalRule } from '../../core/analytics/coverage-rule.ts';
import { parseNumber } from '../../core/common/number.ts';
import { EMPTY_FILTERS, type LedgerFilters } from '../../core/ledger/filters.ts';
import { CATEGORIES, type Category, STATUSES, type Status } from '../../core/ledger/model.ts';

/** Everything a shared link restores. Serialised in one place: here. */
export interface UrlState {
  view: { lon: number; lat: number; zoom: number } | null;
  filters: LedgerFilters;
  selection: Selection | null;
  lang: Lang | null;
  hidden: LayerKey[];
  /** The park-coverage rule shown on the map (`gbt50563`, `walk:500`...), null when off. */
  coverage: string | null;
  /** The analyst's regions, encoded (workspace/model.ts encodeRegions); null when none. */
  regions: string | null;
}

export type Lang = 'zh' | 'en';
export const LAYER_KEYS = ['boundaries', 'initiatives', 'green', 'labels'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
export const SELECTION_KINDS = ['initiative', 'green', 'boundary'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export interface Selection {
  kind: SelectionKind;
  id: string;
}

const round = (n: number, d: number) => Number(n.toFixed(d));

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const out = raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return [...new Set(out)];
}

function num(raw: string | undefined): number | null {
  return raw === undefined ? null : parseNumber(raw);
}

function range(raw: string | null): [number | null, number | null] {
  if (!raw) return [null, null];
  const m = /^(-?[\d.e+]*)~(-?[\d.e+]*)$/i.exec(raw);
  if (!m) return [null, null];
  return [num(m[1]), num(m[2])];
}

function rangeString(a: number | null, b: number | null): string | null {
  if (a === null && b === null) return null;
  return `${a ?? ''}~${b ?? ''}`;
}

/** The timeline's year (`yr=2020`): a whole year 1000-2999, else time off. */
function timelineYear(raw: string | null): number | null {
  return raw && /^[12]\d{3}$/.test(raw) ? Number(raw) : null;
}

/** Parses a query string (with or without the leading `?`); unknown or malformed values are dropped. */
export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  let view: UrlState['view'] = null;
  const v = p
    .get('v')
    ?.split(',')
    .map((x) => parseNumber(x));
  if (v && v.length === 3 && v.every((x) => x !== null)) {
    const [lon, lat, zoom] = v as [number, number, number];
    if (Math.abs(lon) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22) {
      view = { lon, lat, zoom };
    }
  }
  const [yearFrom, yearTo] = range(p.get('y'));
  const [investMin, investMax] = range(p.get('inv'));
  const cities = (p.get('city') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9_-]{1,64}$/.test(s));
  const filters: LedgerFilters = {
    ...EMPTY_FILTERS,
    cities: [...new Set(cities)],
    categories: list<Category>(p.get('cat'), CATEGORIES),
    statuses: list<Status>(p.get('st'), STATUSES),
    yearFrom,
    yearTo,
    investMin,
    investMax,
    keepUnknownInvestment: p.get('unk') !== '0',
    text: (p.get('q') ?? '').slice(0, 200),
    year: timelineYear(p.get('yr')),
  };
  let selection: Selection | null = null;
  const sel = p.get('sel');
  const slash = sel?.indexOf('/') ?? -1;
  if (sel && slash > 0) {
    const kind = sel.slice(0, slash);
    const id = sel.slice(slash + 1);
    if ((SELECTION_KINDS as readonly string[]).includes(kind) && id.length > 0) {
      selection = { kind: kind as SelectionKind, id };
    }
  }
  const langRaw = p.get('lang');
  const lang: Lang | null = langRaw === 'zh' || langRaw === 'en' ? langRaw : null;
  return {
    view,
    filters,
    selection,
    lang,
    hidden: list<LayerKey>(p.get('hide'), LAYER_KEYS),
    // THE rule parser (core/analytics/coverage-rule.ts): an invalid rule means off, canonical text.
    coverage: canonicalRule(p.get('cov')),
    regions: /^[A-Za-z0-9_-]{1,4000}$/.test(p.get('rg') ?? '') ? p.get('rg') : null,
  };
}

/** Serialises to a query string (leading `?`, or '' when there is nothing to say). Stable order. */
export function serializeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.view) {
    p.set('v', `${round(s.view.lon, 4)},${round(s.view.lat, 4)},${round(s.view.zoom, 2)}`);
  }
  const f = s.filters;
  if (f.cities.length) p.set('city', f.cities.join(','));
  if (f.categories.length) p.set('cat', f.categories.join(','));
  if (f.statuses.length) p.set('st', f.statuses.join(','));
  const y = rangeString(f.yearFrom, f.yearTo);
  if (y) p.set('y', y);
  const inv = rangeString(f.investMin, f.investMax);
  if (inv) p.set('inv', inv);
  if (!f.keepUnknownInvestment) p.set('unk', '0');
  if (f.text.trim()) p.set('q', f.text.trim());
  if (f.year !== null) p.set('yr', String(f.year));
  if (s.selection) p.set('sel', `${s.selection.kind}/${s.selection.id}`);
  if (s.lang) p.set('lang', s.lang);
  if (s.hidden.length) p.set('hide', s.hidden.join(','));
  if (s.coverage) p.set('cov', s.coverage);
  if (s.regions) p.set('rg', s.regions);
  const out = p.toString();
  return out ? `?${out}` : '';
}
