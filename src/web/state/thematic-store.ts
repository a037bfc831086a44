/**
 * The thematic map's state (its own small store): what the analyst chose in the panel, the
 * worker's answer (a blob URL of its GeoJSON for the map, and the classes), and the current
 * legend, which the print/export feature reads:
 *
 *   useThematic.getState().legend   // ThematicLegend | null (null when the map is off or busy)
 *   useThematic((s) => s.legend)    // the same, in a component
 *
 * The legend is in the UI's language at the moment (useThematicMap rebuilds it when the language
 * changes); buildLegend(s.legendInput, lang) gives it in either language.
 */
import { create } from 'zustand';
import type { Measure } from '../../core/thematic/choropleth-values.ts';
import type { ClassMethod } from '../../core/thematic/class-breaks.ts';
import type { PaletteId } from '../../core/thematic/palettes.ts';
import type { LegendInput, ThematicKind, ThematicLegend } from './thematic-legend.ts';

export interface ThematicSettings {
  /** 'off' by default. */
  kind: ThematicKind | 'off';
  /** 'ledger' (the filtered projects) or an imported point layer's id. */
  source: string;
  /** The areas of a choropleth: the city boundaries or the analyst's regions. */
  regions: 'boundaries' | 'regions';
  measure: Measure;
  /** The numeric field summed (the ledger's is investment_cny). */
  field: string | null;
  method: ClassMethod;
  classes: number;
  palette: PaletteId;
  /** H3 resolution, or 'auto' (from the zoom). */
  resolution: number | 'auto';
}

export const DEFAULT_SETTINGS: ThematicSettings = {
  kind: 'off',
  source: 'ledger',
  regions: 'boundaries',
  measure: 'count',
  field: null,
  method: 'quantile',
  classes: 5,
  palette: 'YlGnBu',
  resolution: 'auto',
};

export interface ThematicState {
  settings: ThematicSettings;
  status: 'idle' | 'busy' | 'done' | 'error';
  error: string | null;
  /** The GeoJSON drawn (a blob URL; features carry `id`, `v` value, `c` class, -1 = no data). */
  url: string | null;
  /** The kind the drawn data were made for (the settings may have moved on while computing). */
  drawn: ThematicKind | null;
  /** The choropleth's value per area id (NaN = no data), for popups and tests. */
  values: Record<string, number>;
  /** Hexagons drawn and their resolution. */
  cells: number;
  resolution: number;
  /** Worker time of the last answer, ms. */
  ms: number | null;
  legendInput: LegendInput | null;
  legend: ThematicLegend | null;
}

export const useThematic = create<ThematicState>()(() => ({
  settings: DEFAULT_SETTINGS,
  status: 'idle',
  error: null,
  url: null,
  drawn: null,
  values: {},
  cells: 0,
  resolution: 0,
  ms: null,
  legendInput: null,
  legend: null,
}));

export function setThematic(patch: Partial<ThematicSettings>): void {
  useThematic.setState((s) => ({ settings: { ...s.settings, ...patch } }));
}
