import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../state/url.ts';
import { FONT, LAYER, SOURCE } from './ids.ts';
import { nameExpression, perFeature } from './layers.ts';
import { COLORS } from './palette.ts';
import { slotLayers } from './slots.ts';

export interface BasemapOptions {
  /** URL prefix of the data folder, ending in '/'. */
  dataBase: string;
  /** URL of the Latin woff2 declared in `font-faces`. */
  fontUrl: string;
  lang: Lang;
  /** Show OpenStreetMap raster tiles under the data (needs the internet; off by default). */
  online: boolean;
  /**
   * Load the neighbouring counties (375 KB, drawn from zoom 6). The live map turns this on after
   * its first map, so their parsing and indexing in MapLibre's worker do not delay it.
   */
  context: boolean;
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * How far, in screen pixels, the basemap's outlines may be simplified at each zoom (MapLibre's
 * GeoJSON `tolerance`; its default is 0.375). The basemap is context, drawn in thin lines; the
 * data (boundaries, parks, projects) keeps the default. At the all-cities view a tolerance of 1
 * draws the provinces with 6,000 vertices instead of 16,000 and the countries with 5,800 instead
 * of 10,600; in software WebGL each frame cost 144 ms of the GPU process instead of 181 (median
 * of 12). Zooming in brings the detail back: the tolerance is a pixel at every zoom.
 */
export const BASEMAP_TOLERANCE_PX = 1;

/**
 * The sea: the map's own CSS background (MapView), not a background layer. The live map clears
 * to transparent, so a background layer only repainted the whole canvas on every frame; in
 * software WebGL that cost about 10 ms a frame and a shader program at the first map (first map
 * 3.39 -> 3.20 s and 4.12 -> 3.69 s in two interleaved rounds of 8 and 10 loads). The print's
 * off-screen map draws it as a layer (withSeaLayer), since its image is copied from the canvas.
 */
export const SEA_CSS = { background: COLORS.sea } as const;

/** The style with the sea as its bottom layer, for a map whose canvas is copied (the print). */
export function withSeaLayer(style: StyleSpecification): StyleSpecification {
  if (style.layers.some((l) => l.id === LAYER.background)) return style;
  const sea: LayerSpecification = {
    id: LAYER.background,
    type: 'background',
    paint: { 'background-color': COLORS.sea },
  };
  return { ...style, layers: [sea, ...style.layers] };
}

/** The basemap's label layers: their text follows the language (BasemapLabels sets it). */
export const BASEMAP_LABEL_LAYERS = [LAYER.provinceLabels, LAYER.contextLabels] as const;

/**
 * The offline default basemap: everything comes from files the app ships (Natural Earth land
 * and countries, provinces and neighbouring counties), and labels need no glyph server:
 * Latin text is drawn from a woff2 declared in `font-faces`, CJK text with the machine's fonts
 * (the map's `localIdeographFontFamily`).
 */
export function buildBasemapStyle(o: BasemapOptions): StyleSpecification {
  const geo = (file: string) => ({
    type: 'geojson' as const,
    data: `${o.dataBase}${file}`,
    tolerance: BASEMAP_TOLERANCE_PX,
  });
  const label = (
    id: string,
    source: string,
    size: number,
    color: string,
    minzoom: number,
    maxzoom = 24,
  ): LayerSpecification => ({
    id,
    type: 'symbol',
    source,
    minzoom,
    maxzoom,
    layout: {
      'text-field': nameExpression(o.lang),
      'text-font': [FONT],
      'text-size': size,
      'text-max-width': 8,
    },
    paint: { 'text-color': color, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2 },
  });
  return {
    version: 8,
    name: 'Planning Atlas offline',
    'font-faces': { [FONT]: o.fontUrl },
    sources: {
      [SOURCE.land]: geo('basemap/land.geojson'),
      [SOURCE.countries]: geo('basemap/countries.geojson'),
      [SOURCE.provinces]: geo('basemap/provinces.geojson'),
      [SOURCE.context]: o.context
        ? geo('basemap/context.geojson')
        : { type: 'geojson' as const, data: EMPTY, tolerance: BASEMAP_TOLERANCE_PX },
      ...(o.online
        ? {
            [SOURCE.osm]: {
              type: 'raster' as const,
              tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
              tileSize: 256,
              maxzoom: 19,
              attribution: '© OpenStreetMap contributors',
            },
          }
        : {}),
    },
    layers: [
      {
        id: LAYER.land,
        type: 'fill',
        source: SOURCE.land,
        paint: { 'fill-color': perFeature(COLORS.land), 'fill-opacity': perFeature(1) },
      },
      ...(o.online
        ? [
            {
              id: LAYER.osm,
              type: 'raster',
              source: SOURCE.osm,
              paint: { 'raster-opacity': 0.85 },
            } satisfies LayerSpecification,
          ]
        : []),
      {
        id: LAYER.context,
        type: 'line',
        source: SOURCE.context,
        minzoom: 6,
        paint: { 'line-color': perFeature(COLORS.contextLine), 'line-width': 0.8 },
      },
      {
        id: LAYER.provinces,
        type: 'line',
        source: SOURCE.provinces,
        // The borders provinces share, each once (one feature); not the polygons' outlines,
        // which draw every border twice with their dashes out of step.
        filter: ['==', ['get', 'kind'], 'border'],
        paint: {
          'line-color': COLORS.provinceLine,
          'line-width': 1,
          'line-dasharray': [3, 2],
        },
      },
      {
        id: LAYER.countries,
        type: 'line',
        source: SOURCE.countries,
        paint: { 'line-color': perFeature(COLORS.countryLine), 'line-width': 1.4 },
      },
      {
        ...label(LAYER.provinceLabels, SOURCE.provinces, 12, '#7a6f60', 3, 7.5),
        filter: ['!=', ['get', 'kind'], 'border'],
      } as LayerSpecification,
      label(LAYER.contextLabels, SOURCE.context, 11, '#8f8577', 8),
      // Where the app's layers go (slots.ts): drawn in this order whenever they mount.
      ...slotLayers(),
    ],
  };
}
