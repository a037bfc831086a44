import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { CATEGORIES } from '../../core/ledger/model.ts';
import type { Lang } from '../state/url.ts';
import { FONT, LAYER, SOURCE } from './ids.ts';
import { CATEGORY_STYLE, COLORS } from './palette.ts';

/**
 * The data layers, declared as typed data. Base layers live in basemap-style.ts.
 * Layers whose labels follow the UI language are functions of the language.
 */

export function nameExpression(lang: Lang): ExpressionSpecification {
  return lang === 'en'
    ? ['coalesce', ['get', 'name_en'], ['get', 'name'], ['get', 'name_zh']]
    : ['coalesce', ['get', 'name_zh'], ['get', 'name'], ['get', 'name_en']];
}

const categoryColor: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORIES.flatMap((c) => [c, CATEGORY_STYLE[c].color]),
  '#888888',
] as unknown as ExpressionSpecification;

const categoryCode: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...CATEGORIES.flatMap((c) => [c, CATEGORY_STYLE[c].code]),
  '?',
] as unknown as ExpressionSpecification;

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/**
 * A constant paint value written as a per-feature expression (a feature never has the property
 * `__atlas_never`). MapLibre compiles a shader program for each mix of constant and per-feature
 * paint properties of a layer type; with software WebGL each costs 10-200 ms, on the main thread.
 * Every circle layer takes the projects' mix (colour, radius, opacity, stroke colour and width
 * per feature), every fill layer colour and opacity per feature, every solid line colour per
 * feature: the first map compiles one program of each, and a filter that reveals a single project
 * point compiles none (it compiled one, ~180 ms, before).
 */
export function perFeature(value: string | number): ExpressionSpecification {
  return ['case', ['has', '__atlas_never'], value, value];
}

export const boundaryFill: FillLayerSpecification = {
  id: LAYER.boundaryFill,
  type: 'fill',
  source: SOURCE.boundaries,
  paint: {
    'fill-color': perFeature(COLORS.boundaryFill),
    'fill-opacity': ['case', hovered, 0.16, 0.05],
  },
};

export const boundaryLine: LineLayerSpecification = {
  id: LAYER.boundaryLine,
  type: 'line',
  source: SOURCE.boundaries,
  paint: {
    'line-color': ['case', hovered, COLORS.hover, COLORS.boundaryLine],
    'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 10, 2.2],
  },
};

export const greenFill: FillLayerSpecification = {
  id: LAYER.greenFill,
  type: 'fill',
  source: SOURCE.green,
  paint: {
    'fill-color': [
      'case',
      ['==', ['get', 'geometry_quality'], 'schematic'],
      COLORS.greenSchematic,
      COLORS.green,
    ],
    'fill-opacity': ['case', hovered, 0.6, 0.38],
  },
};

/** Mapped outlines: solid. */
export const greenLine: LineLayerSpecification = {
  id: LAYER.greenLine,
  type: 'line',
  source: SOURCE.green,
  filter: ['!=', ['get', 'geometry_quality'], 'schematic'],
  paint: { 'line-color': perFeature(COLORS.green), 'line-width': 1.5 },
};

/** Schematic shapes (only a centre and an area are known): dashed, so they read as diagrams. */
export const greenSchematicLine: LineLayerSpecification = {
  id: LAYER.greenSchematicLine,
  type: 'line',
  source: SOURCE.green,
  filter: ['==', ['get', 'geometry_quality'], 'schematic'],
  paint: { 'line-color': '#0b5d3b', 'line-width': 1.5, 'line-dasharray': [2, 2] },
};

export function greenLabels(lang: Lang): SymbolLayerSpecification {
  return {
    id: LAYER.greenLabels,
    type: 'symbol',
    source: SOURCE.green,
    minzoom: 11,
    layout: {
      'text-field': nameExpression(lang),
      'text-font': [FONT],
      'text-size': 11,
      'text-max-width': 8,
    },
    paint: { 'text-color': '#0b4d2f', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
  };
}

export const clusters: CircleLayerSpecification = {
  id: LAYER.clusters,
  type: 'circle',
  source: SOURCE.initiatives,
  filter: ['has', 'point_count'],
  paint: {
    'circle-color': perFeature(COLORS.cluster),
    'circle-opacity': perFeature(0.85),
    'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 30, 22],
    'circle-stroke-color': perFeature('#ffffff'),
    'circle-stroke-width': ['case', hovered, 3, 1.5],
  },
};

export const clusterCount: SymbolLayerSpecification = {
  id: LAYER.clusterCount,
  type: 'symbol',
  source: SOURCE.initiatives,
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['to-string', ['get', 'point_count']],
    'text-font': [FONT],
    'text-size': 12,
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#ffffff' },
};

const precision: ExpressionSpecification = ['get', 'location_precision'];

/**
 * Projects: colour by category; the mark says how exact the location is:
 * exact = solid dot; approximate = pale dot with a thick ring; city = hollow ring.
 */
export const points: CircleLayerSpecification = {
  id: LAYER.points,
  type: 'circle',
  source: SOURCE.initiatives,
  filter: ['!', ['has', 'point_count']],
  paint: {
    'circle-color': categoryColor,
    'circle-radius': [
      '+',
      ['match', precision, 'exact', 6, 'approximate', 6.5, 7.5],
      ['case', hovered, 2.5, 0],
    ],
    'circle-opacity': ['match', precision, 'exact', 1, 'approximate', 0.45, 0.08],
    'circle-stroke-color': [
      'case',
      hovered,
      COLORS.hover,
      ['==', precision, 'exact'],
      '#ffffff',
      categoryColor,
    ],
    'circle-stroke-width': ['match', precision, 'exact', 1.5, 'approximate', 2.2, 2.6],
  },
};

export const pointCodes: SymbolLayerSpecification = {
  id: LAYER.pointCodes,
  type: 'symbol',
  source: SOURCE.initiatives,
  filter: ['all', ['!', ['has', 'point_count']], ['==', precision, 'exact']],
  minzoom: 12,
  layout: {
    'text-field': categoryCode,
    'text-font': [FONT],
    'text-size': 9,
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': '#ffffff' },
};

export const selectionPoint: CircleLayerSpecification = {
  id: LAYER.selectionPoint,
  type: 'circle',
  source: SOURCE.selection,
  filter: ['==', ['geometry-type'], 'Point'],
  paint: {
    'circle-radius': perFeature(13),
    'circle-color': perFeature('rgba(0,0,0,0)'),
    'circle-opacity': perFeature(1),
    'circle-stroke-color': perFeature(COLORS.selected),
    'circle-stroke-width': perFeature(3.5),
  },
};

export const selectionLine: LineLayerSpecification = {
  id: LAYER.selectionLine,
  type: 'line',
  source: SOURCE.selection,
  filter: ['!=', ['geometry-type'], 'Point'],
  paint: { 'line-color': perFeature(COLORS.selected), 'line-width': 3.5 },
};

export function cityLabels(lang: Lang): SymbolLayerSpecification {
  return {
    id: LAYER.cityLabels,
    type: 'symbol',
    source: SOURCE.cityLabels,
    layout: {
      'text-field': nameExpression(lang),
      'text-font': [FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 10, 15],
      'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
      'text-radial-offset': 0.9,
      'text-max-width': 9,
    },
    paint: { 'text-color': COLORS.text, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.8 },
  };
}

/**
 * The marker of a city's projects whose site is not known: one small ring with their count
 * (at a small scale, nearby cities' markers merge into one with the sum: clusterProperties),
 * drawn a fixed distance above the city's seat so the city's name (placed below or beside the
 * seat) stays readable. The count is a symbol that always shows and takes its place in label
 * collision (padded to the ring's size), so city labels move aside rather than under it.
 */
const SITE_UNKNOWN_TEXT = 11;
const SITE_UNKNOWN_OFFSET_EM = -2;
const SITE_UNKNOWN_RADIUS = 10;

export const siteUnknownMarker: CircleLayerSpecification = {
  id: LAYER.siteUnknown,
  type: 'circle',
  source: SOURCE.siteUnknown,
  paint: {
    'circle-radius': ['case', hovered, SITE_UNKNOWN_RADIUS + 2, SITE_UNKNOWN_RADIUS],
    'circle-color': perFeature('#ffffff'),
    'circle-opacity': perFeature(0.95),
    'circle-stroke-color': ['case', hovered, COLORS.hover, '#4a4a4a'],
    'circle-stroke-width': perFeature(2),
    'circle-translate': [0, SITE_UNKNOWN_OFFSET_EM * SITE_UNKNOWN_TEXT],
  },
};

export const siteUnknownCount: SymbolLayerSpecification = {
  id: LAYER.siteUnknownCount,
  type: 'symbol',
  source: SOURCE.siteUnknown,
  layout: {
    'text-field': ['to-string', ['get', 'count']],
    'text-font': [FONT],
    'text-size': SITE_UNKNOWN_TEXT,
    'text-offset': [0, SITE_UNKNOWN_OFFSET_EM],
    'text-allow-overlap': true,
    'text-padding': 6,
  },
  paint: { 'text-color': '#222222' },
};

/**
 * "34 projects, site not known" beside the ring, at city zoom (from 7: a long city such as
 * Meihekou is framed at 7.9), where it fits; collisions drop it where cities crowd.
 */
export function siteUnknownLabel(lang: Lang): SymbolLayerSpecification {
  return {
    id: LAYER.siteUnknownLabel,
    type: 'symbol',
    source: SOURCE.siteUnknown,
    filter: ['!', ['has', 'point_count']],
    minzoom: 7,
    layout: {
      'text-field': ['get', lang === 'en' ? 'label_en' : 'label_zh'],
      'text-font': [FONT],
      'text-size': 10.5,
      'text-anchor': 'left',
      'text-offset': [1.3, (SITE_UNKNOWN_OFFSET_EM * SITE_UNKNOWN_TEXT) / 10.5],
      'text-max-width': 14,
    },
    paint: {
      'text-color': '#4a4a4a',
      'text-halo-color': COLORS.halo,
      'text-halo-width': 1.5,
    },
  };
}
