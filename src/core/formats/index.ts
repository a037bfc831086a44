/**
 * File formats: pure loaders (bytes or text in, typed result out) shared by the app's Worker, the
 * `atlas` CLI and the tests. See `registry.ts` for the list and `types.ts` for the result.
 */

export { binaryKind, notTextReason } from './binary.ts';
export { geometryToWgs84, toWgs84 } from './crs.ts';
export { detectDelimiter, LAT_NAMES, LON_NAMES, loadCsv, tableToPoints, WKT_NAMES } from './csv.ts';
export {
  geometryError,
  type PointsFromResult,
  toFeatureCollection,
  toPointColumns,
  usableFeatures,
} from './features.ts';
export { loadGeoJson } from './geojson.ts';
export {
  csvFormat,
  detectFormat,
  FORMAT_IDS,
  FORMATS,
  geojsonFormat,
  gpxFormat,
  kmlFormat,
  type LoadFileOptions,
  loadFile,
  noUsableRow,
  shapefileFormat,
  usableCount,
  xlsxFormat,
} from './registry.ts';
export { loadShapefile } from './shapefile.ts';
export { decodeText } from './text.ts';
export {
  type Bytes,
  CRS_VALUES,
  type Crs,
  type FormatIssue,
  type FormatLoader,
  type LoadMeta,
  type LoadOptions,
  type LoadResult,
  type PointColumns,
  type XmlParser,
} from './types.ts';
export { loadXlsx } from './xlsx.ts';
export { loadGpx, loadKml } from './xml.ts';
