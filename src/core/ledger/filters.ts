import { onMapAt } from '../time/phase.ts';
import type { Category, Initiative, Status } from './model.ts';

/** What a planner narrows the ledger by. Empty arrays mean "all". */
export interface LedgerFilters {
  cities: string[];
  categories: Category[];
  statuses: Status[];
  /** Inclusive year range; null bound = open. A project matches when its years overlap it. */
  yearFrom: number | null;
  yearTo: number | null;
  /** Inclusive investment range in yuan; null bound = open. */
  investMin: number | null;
  investMax: number | null;
  /** Keep rows whose investment no source states, while an investment range is set. */
  keepUnknownInvestment: boolean;
  /** Case-insensitive text over the Chinese and English names (and the id). */
  text: string;
  /** The timeline's year ("the map as of year Y", core/time/phase.ts); null = time off. */
  year: number | null;
}

export const EMPTY_FILTERS: Readonly<LedgerFilters> = Object.freeze({
  cities: [],
  categories: [],
  statuses: [],
  yearFrom: null,
  yearTo: null,
  investMin: null,
  investMax: null,
  keepUnknownInvestment: true,
  text: '',
  year: null,
});

export function isFiltered(f: LedgerFilters): boolean {
  return (
    f.cities.length > 0 ||
    f.categories.length > 0 ||
    f.statuses.length > 0 ||
    f.yearFrom !== null ||
    f.yearTo !== null ||
    f.investMin !== null ||
    f.investMax !== null ||
    f.text.trim() !== '' ||
    f.year !== null
  );
}

function yearsMatch(row: Initiative, from: number | null, to: number | null): boolean {
  if (from === null && to === null) return true;
  const start = row.start_year ?? row.end_year;
  const end = row.end_year ?? row.start_year;
  // A row with no year at all cannot be placed in a range: it is left out while a range is set.
  if (start === null || end === null) return false;
  if (from !== null && end < from) return false;
  if (to !== null && start > to) return false;
  return true;
}

function investmentMatches(row: Initiative, f: LedgerFilters): boolean {
  if (f.investMin === null && f.investMax === null) return true;
  if (row.investment_cny === null) return f.keepUnknownInvestment;
  if (f.investMin !== null && row.investment_cny < f.investMin) return false;
  if (f.investMax !== null && row.investment_cny > f.investMax) return false;
  return true;
}

/** Normalises text for matching: lower case, full-width ASCII folded, spaces collapsed. */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function matchesFilters(row: Initiative, f: LedgerFilters): boolean {
  if (f.cities.length > 0 && !f.cities.includes(row.city_id)) return false;
  if (f.categories.length > 0 && !f.categories.includes(row.category)) return false;
  if (f.statuses.length > 0 && !f.statuses.includes(row.status)) return false;
  if (!yearsMatch(row, f.yearFrom, f.yearTo)) return false;
  if (!investmentMatches(row, f)) return false;
  if (f.year !== null && !onMapAt(row.start_year, row.end_year, f.year)) return false;
  const q = normaliseText(f.text);
  if (q !== '') {
    const hay = normaliseText(`${row.name_zh} ${row.name_en} ${row.id}`);
    if (!q.split(' ').every((term) => hay.includes(term))) return false;
  }
  return true;
}

export function filterInitiatives(rows: readonly Initiative[], f: LedgerFilters): Initiative[] {
  return rows.filter((row) => matchesFilters(row, f));
}
