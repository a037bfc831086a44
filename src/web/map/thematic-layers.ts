/**
 * The thematic map's layers, declared as typed data: classed areas or hexagons (fill, a thin
 * outline, and a dashed outline for "no data"), or a heatmap of hexagon centres. Features carry
 * `c` (class, -1 = no data) and `w` (weight 0..1, heatmap). Colours come from the chosen scheme
 * (core/thematic/palettes.ts).
 */
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  HeatmapLayerSpecification,
  LineLayerSpecification,
} from 'maplibre-gl';
import {
  NO_DATA_COLOR,
  NO_DATA_OUTLINE,
  type PaletteId,
  paletteColors,
} from '../../core/thematic/palettes.ts';
import { LAYER, SOURCE } from './ids.ts';

/** The fill colour of a feature's class (`c`), "no data" white. */
export function classColor(palette: PaletteId, classes: number): ExpressionSpecification {
  const colors = paletteColors(palette, classes);
  if (colors.length === 0) return ['literal', NO_DATA_COLOR] as unknown as ExpressionSpecification;
  return [
    'match',
    ['get', 'c'],
    ...colors.flatMap((c, i) => [i, c]),
    NO_DATA_COLOR,
  ] as unknown as ExpressionSpecification;
}

export function thematicFill(palette: PaletteId, classes: number): FillLayerSpecification {
  return {
    id: LAYER.thematicFill,
    type: 'fill',
    source: SOURCE.thematic,
    paint: { 'fill-color': classColor(palette, classes), 'fill-opacity': 0.78 },
  };
}

export const thematicLine: LineLayerSpecification = {
  id: LAYER.thematicLine,
  type: 'line',
  source: SOURCE.thematic,
  filter: ['>=', ['get', 'c'], 0],
  paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 },
};

export const thematicNoData: LineLayerSpecification = {
  id: LAYER.thematicNoData,
  type: 'line',
  source: SOURCE.thematic,
  filter: ['<', ['get', 'c'], 0],
  paint: { 'line-color': NO_DATA_OUTLINE, 'line-width': 1.2, 'line-dasharray': [2, 2] },
};

/** A heatmap of the hexagon centres, weighted by their value over the largest (0..1). */
export function thematicHeat(palette: PaletteId): HeatmapLayerSpecification {
  const ramp = paletteColors(palette, 7);
  // Dark-to-light schemes (viridis) read high as light; the ColorBrewer ones high as dark.
  const stops = ramp.flatMap((c, i) => [(i + 1) / ramp.length, c]);
  return {
    id: LAYER.thematicHeat,
    type: 'heatmap',
    source: SOURCE.thematic,
    paint: {
      'heatmap-weight': ['get', 'w'],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 14, 2],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 4, 12, 10, 30, 15, 45],
      'heatmap-opacity': 0.8,
      'heatmap-color': [
        'interpolate',
        ['linear'],
        ['heatmap-density'],
        0,
        'rgba(255,255,255,0)',
        ...stops,
      ] as unknown as ExpressionSpecification,
    },
  };
}
