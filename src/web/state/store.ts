import { create } from 'zustand';
import { EMPTY_FILTERS, type LedgerFilters } from '../../core/ledger/filters.ts';
import type { AtlasData } from '../../core/ledger/load.ts';
import { sameCities, selectionSurvivesCityChange } from './city-change.ts';
import { useGreen } from './green-store.ts';
import type { Lang, LayerKey, Selection, UrlState } from './url.ts';

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

/**
 * A request for the map to move; `seq` makes repeated requests for one target distinct;
 * `instant` jumps there (the first framing) instead of flying.
 */
export type FlyTarget =
  | { seq: number; bbox: [number, number, number, number]; maxZoom?: number; instant?: boolean }
  | { seq: number; center: [number, number]; zoom: number; instant?: boolean };

/**
 * Text shown to the user: a function of the language is worded when shown (and again when the
 * language changes); a plain string is already in the language of the moment it was made.
 */
export type LocalText = string | ((lang: Lang) => string);

export const localText = (text: LocalText, lang: Lang): string =>
  typeof text === 'function' ? text(lang) : text;

export interface Notice {
  id: string;
  level: 'error' | 'warning' | 'info';
  text: LocalText;
  details: LocalText[];
}

export interface AtlasState {
  lang: Lang;
  filters: LedgerFilters;
  selection: Selection | null;
  hidden: LayerKey[];
  online: boolean;
  view: View | null;
  fly: FlyTarget | null;
  data: AtlasData | null;
  notices: Notice[];
  /** Park-coverage rule shown on the map; null = coverage view off. */
  coverageRule: string | null;
  /** The place asked about ("is this place covered?"), null when none. */
  place: { lon: number; lat: number } | null;
  setCoverageRule(rule: string | null): void;
  setPlace(place: { lon: number; lat: number } | null): void;
  setLang(lang: Lang): void;
  setFilters(patch: Partial<LedgerFilters>): void;
  resetFilters(): void;
  select(selection: Selection | null): void;
  toggleLayer(key: LayerKey): void;
  setOnline(online: boolean): void;
  setView(view: View): void;
  flyTo(target: Omit<FlyTarget, 'seq'> & Partial<FlyTarget>): void;
  setData(data: AtlasData): void;
  addNotice(notice: Notice): void;
  dismissNotice(id: string): void;
  applyUrl(url: UrlState): void;
}

function defaultLang(): Lang {
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return nav.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let seq = 0;

/**
 * What a change of the city filter leaves on screen: the selection only when it lies in the new
 * cities, never the previous city's "is this place covered?" point, its answer or a what-if park.
 */
function afterCityChange(
  s: AtlasState,
  filters: LedgerFilters,
): Partial<AtlasState> & { filters: LedgerFilters } {
  if (sameCities(s.filters.cities, filters.cities)) return { filters };
  useGreen.setState({ answer: null, answerError: null, newPark: null, whatIfOn: false });
  return {
    filters,
    place: null,
    selection: selectionSurvivesCityChange(s.selection, filters.cities, s.data)
      ? s.selection
      : null,
  };
}

export const useAtlas = create<AtlasState>()((set) => ({
  lang: defaultLang(),
  filters: { ...EMPTY_FILTERS },
  selection: null,
  hidden: [],
  online: false,
  view: null,
  fly: null,
  data: null,
  notices: [],
  coverageRule: null,
  place: null,
  setCoverageRule: (coverageRule) =>
    set({ coverageRule, ...(coverageRule ? {} : { place: null }) }),
  setPlace: (place) => set({ place }),
  setLang: (lang) => set({ lang }),
  setFilters: (patch) => set((s) => afterCityChange(s, { ...s.filters, ...patch })),
  resetFilters: () => set((s) => afterCityChange(s, { ...EMPTY_FILTERS })),
  select: (selection) => set({ selection }),
  toggleLayer: (key) =>
    set((s) => ({
      hidden: s.hidden.includes(key) ? s.hidden.filter((k) => k !== key) : [...s.hidden, key],
    })),
  setOnline: (online) => set({ online }),
  setView: (view) => set({ view }),
  flyTo: (target) => set({ fly: { ...target, seq: ++seq } as FlyTarget }),
  setData: (data) => set({ data }),
  addNotice: (notice) =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  applyUrl: (url) =>
    set((s) => ({
      filters: url.filters,
      selection: url.selection,
      hidden: url.hidden,
      lang: url.lang ?? s.lang,
      view: url.view,
      coverageRule: url.coverage,
    })),
}));
