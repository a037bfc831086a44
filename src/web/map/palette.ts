import type { Category } from '../../core/ledger/model.ts';

/**
 * Category colours: Paul Tol's colour-blind-safe "muted" and "vibrant" schemes
 * (https://personal.sron.nl/~pault/). Each category also gets a one-letter code drawn on the
 * point at street zoom, so colour is never the only channel.
 */
export const CATEGORY_STYLE: Record<Category, { color: string; code: string }> = {
  transport: { color: '#332288', code: 'T' },
  green_space: { color: '#117733', code: 'G' },
  water: { color: '#33BBEE', code: 'W' },
  housing_renewal: { color: '#CC6677', code: 'H' },
  education: { color: '#DDCC77', code: 'E' },
  health: { color: '#882255', code: '+' },
  commerce: { color: '#AA4499', code: 'C' },
  industry: { color: '#555555', code: 'I' },
  culture_tourism: { color: '#EE7733', code: 'Q' },
  ecology: { color: '#44AA99', code: 'Y' },
  utilities: { color: '#999933', code: 'U' },
  public_service: { color: '#0077BB', code: 'P' },
};

export const COLORS = {
  sea: '#cfe3ee',
  land: '#f4f1ea',
  countryLine: '#9a8f80',
  provinceLine: '#b9ad9c',
  contextLine: '#c9c1b4',
  boundaryLine: '#3a3a3a',
  boundaryFill: '#6b5b95',
  hover: '#e7298a',
  selected: '#d95f02',
  green: '#117733',
  greenSchematic: '#44AA99',
  cluster: '#4b4b8f',
  text: '#2b2b2b',
  halo: '#ffffff',
  /** Park service areas (covered) and the uncovered rest of the denominator (gaps). */
  covered: '#bcdcf0',
  coveredLine: '#4477AA',
  gap: '#EE7733',
} as const;
