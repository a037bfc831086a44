/**
 * The legend of the thematic map, as data: its title (what a colour means and per what), each
 * class's colour and limits written with the app's number formatting, the "no data" entry, notes
 * (what the sums leave out) and the colours' source. Pure: the map's legend and the print/export
 * feature both read it (thematic-store.ts keeps the current one).
 */
import type { Measure } from '../../core/thematic/choropleth-values.ts';
import type { Classes, ValueClass } from '../../core/thematic/class-breaks.ts';
import { H3_EDGE_M } from '../../core/thematic/hex-resolution.ts';
import {
  NO_DATA_COLOR,
  NO_DATA_OUTLINE,
  PALETTE_SOURCE,
  type PaletteId,
  paletteColors,
} from '../../core/thematic/palettes.ts';
import { thematicLabel } from '../i18n/thematic-strings.ts';
import { formatNumber } from '../i18n/useT.ts';
import { formatAmount } from '../ui/format.ts';
import type { Lang } from './url.ts';

export type ThematicKind = 'choropleth' | 'hexagons' | 'heatmap';

export interface LegendClass {
  color: string;
  lower: number;
  upper: number;
  /** (lower, upper] when true, [lower, upper] when false. */
  lowerOpen: boolean;
  /** The limits as shown, e.g. "4–5", "> 3.25–5.5", "120". */
  label: string;
  /** Areas or hexagons in the class. */
  count: number;
}

export interface ThematicLegend {
  kind: ThematicKind;
  lang: Lang;
  /** What a colour means, e.g. "Stated investment, CNY million, per city boundary". */
  title: string;
  /** How the classes were made, e.g. "Quantiles, 5 classes" (or the heatmap's caveat). */
  subtitle: string;
  /** Low to high; empty for a heatmap. */
  classes: LegendClass[];
  /** A heatmap's colour ramp, low to high (null for classed maps). */
  ramp: string[] | null;
  /** The "no data" class: fill, dashed outline, words, how many areas or hexagons. */
  noData: { color: string; outline: string; label: string; count: number } | null;
  notes: string[];
  /** Where the colours come from. */
  source: string;
}

/** What the legend is made from: the settings and the worker's answer. */
export interface LegendInput {
  kind: ThematicKind;
  measure: Measure;
  /** The data are the ledger (projects, investment in yuan) rather than an imported layer. */
  ledger: boolean;
  field: string | null;
  regions: 'boundaries' | 'regions';
  palette: PaletteId;
  classes: Classes;
  resolution: number;
  /** Points inside whose field is blank. */
  missing: number;
}

const edge = (res: number, lang: Lang) => {
  const m = H3_EDGE_M[res] ?? 0;
  return m >= 1000 ? `${formatNumber(m / 1000, lang, 1)} km` : `${formatNumber(m, lang, 0)} m`;
};

/** A value as the legend writes it: money in the language's unit, counts whole, else 3 digits. */
export function formatValue(v: number, input: Pick<LegendInput, 'measure' | 'ledger'>, lang: Lang) {
  if (input.measure === 'sum' && input.ledger) return formatAmount(v, lang);
  if (input.measure === 'density') {
    return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      maximumSignificantDigits: 3,
    }).format(v);
  }
  return formatNumber(v, lang, 2);
}

/** The limits of one class as read: whole numbers for counts ("4–5"), else "> a–b". */
export function classLabel(c: ValueClass, integer: boolean, fmt: (v: number) => string): string {
  if (c.lower === c.upper) return fmt(c.upper);
  if (integer) {
    const from = c.lowerOpen ? Math.floor(c.lower) + 1 : Math.ceil(c.lower);
    const to = Math.floor(c.upper);
    if (from === to) return fmt(from);
    if (from < to) return `${fmt(from)}–${fmt(to)}`;
  }
  return `${c.lowerOpen ? '> ' : ''}${fmt(c.lower)}–${fmt(c.upper)}`;
}

function what(input: LegendInput, lang: Lang): string {
  const L = (k: Parameters<typeof thematicLabel>[0], p?: Record<string, string | number>) =>
    thematicLabel(k, lang, p);
  if (input.measure === 'count') return L(input.ledger ? 'whatProjects' : 'whatPoints');
  if (input.measure === 'density') return L(input.ledger ? 'whatProjectsKm2' : 'whatPointsKm2');
  return input.ledger ? L('whatInvestment') : L('whatSum', { field: input.field ?? '' });
}

export function buildLegend(input: LegendInput, lang: Lang): ThematicLegend {
  const L = (k: Parameters<typeof thematicLabel>[0], p?: Record<string, string | number>) =>
    thematicLabel(k, lang, p);
  const source = L('source', { source: PALETTE_SOURCE[input.palette] });
  const res = { r: input.resolution, edge: edge(input.resolution, lang) };
  const notes: string[] = [];
  if (input.measure === 'sum' && input.missing > 0) {
    const n = formatNumber(input.missing, lang);
    notes.push(
      input.ledger ? L('investmentNote', { n }) : L('missingNote', { n, field: input.field ?? '' }),
    );
  }
  if (input.kind === 'heatmap') {
    return {
      kind: 'heatmap',
      lang,
      title: L('heatTitle', { what: what(input, lang) }),
      subtitle: L('heatNote', res),
      classes: [],
      ramp: paletteColors(input.palette, 7),
      noData: null,
      notes,
      source,
    };
  }
  const colors = paletteColors(input.palette, input.classes.classes.length);
  const fmt = (v: number) => formatValue(v, input, lang);
  const integer = input.classes.integer && input.measure === 'count';
  const where =
    input.kind === 'hexagons'
      ? L('perHexagon', res)
      : L(input.regions === 'boundaries' ? 'perBoundary' : 'perRegion');
  notes.push(L('limitsNote'));
  return {
    kind: input.kind,
    lang,
    title: `${what(input, lang)}${lang === 'zh' ? '，' : ', '}${where}`,
    subtitle: L('nClasses', {
      method: L(input.classes.method),
      n: formatNumber(input.classes.classes.length, lang),
    }),
    classes: input.classes.classes.map((c, i) => ({
      color: colors[i] ?? NO_DATA_COLOR,
      lower: c.lower,
      upper: c.upper,
      lowerOpen: c.lowerOpen,
      label: classLabel(c, integer, fmt),
      count: c.count,
    })),
    ramp: null,
    noData: {
      color: NO_DATA_COLOR,
      outline: NO_DATA_OUTLINE,
      label: L(input.measure === 'sum' ? 'noDataSum' : 'noData'),
      count: input.classes.noData,
    },
    notes,
    source,
  };
}
