/** Source and layer ids: one definition, reused by the style, click targets and tests. */
export const SOURCE = {
  land: 'land',
  countries: 'countries',
  provinces: 'provinces',
  context: 'context',
  boundaries: 'boundaries',
  cityLabels: 'city-labels',
  green: 'green-space',
  initiatives: 'initiatives',
  siteUnknown: 'site-unknown',
  selection: 'selection',
  coverage: 'coverage',
  place: 'place',
  whatIf: 'what-if',
  osm: 'osm-raster',
  thematic: 'thematic',
} as const;

export const LAYER = {
  /** The sea, drawn as a layer by the print only (basemap-style.ts withSeaLayer). */
  background: 'background',
  osm: 'osm-raster',
  land: 'land-fill',
  countries: 'country-lines',
  provinces: 'province-lines',
  provinceLabels: 'province-labels',
  context: 'context-lines',
  contextLabels: 'context-labels',
  boundaryFill: 'boundary-fill',
  boundaryLine: 'boundary-line',
  boundaryHover: 'boundary-hover',
  greenFill: 'green-fill',
  greenLine: 'green-line',
  greenSchematicLine: 'green-schematic-line',
  greenLabels: 'green-labels',
  clusters: 'initiative-clusters',
  clusterCount: 'initiative-cluster-count',
  points: 'initiative-points',
  pointCodes: 'initiative-codes',
  siteUnknown: 'site-unknown-marker',
  siteUnknownCount: 'site-unknown-count',
  siteUnknownLabel: 'site-unknown-label',
  selectionPoint: 'selection-point',
  selectionLine: 'selection-line',
  cityLabels: 'city-labels',
  coverageGap: 'coverage-gap',
  coverageFill: 'coverage-fill',
  coverageLine: 'coverage-line',
  place: 'place-marker',
  whatIf: 'what-if-park',
  thematicFill: 'thematic-fill',
  thematicLine: 'thematic-line',
  thematicNoData: 'thematic-no-data',
  thematicHeat: 'thematic-heat',
} as const;

/** Layers a click or hover can hit (react-map-gl's interactiveLayerIds), topmost first. */
export const INTERACTIVE_LAYERS: string[] = [
  LAYER.siteUnknown,
  LAYER.clusters,
  LAYER.points,
  LAYER.greenFill,
  LAYER.boundaryFill,
];

/** The font name the style declares in `font-faces` (a woff2 the app serves). */
export const FONT = 'Noto Sans Regular';

/** CJK glyphs are drawn with the machine's fonts (MapLibre's localIdeographFontFamily). */
export const LOCAL_CJK_FONTS =
  "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";
