/**
 * The registry of file formats: each entry says which extensions it takes, how to recognise its
 * content, and how to load it. `loadFile` picks the format (explicit id, else extension, else
 * content) and never throws: an unexpected failure becomes a fatal error in the result.
 */
import { nestList, say } from '../common/messages.ts';
import { notTextSaid } from './binary.ts';
import { loadCsv } from './csv.ts';
import { fatalResult } from './features.ts';
import { loadGeoJson, sniffGeoJson } from './geojson.ts';
import { loadShapefile, sniffZip } from './shapefile.ts';
import { extensionOf, toUint8 } from './text.ts';
import type { Bytes, FormatLoader, LoadOptions, LoadResult } from './types.ts';
import { loadXlsx, sniffSpreadsheet } from './xlsx.ts';
import { loadGpx, loadKml, sniffGpx, sniffKml } from './xml.ts';

export const csvFormat: FormatLoader = {
  id: 'csv',
  extensions: ['.csv', '.tsv', '.txt', '.tab'],
  load: loadCsv,
};

export const geojsonFormat: FormatLoader = {
  id: 'geojson',
  extensions: ['.geojson', '.json'],
  sniff: sniffGeoJson,
  load: loadGeoJson,
};

export const kmlFormat: FormatLoader = {
  id: 'kml',
  extensions: ['.kml'],
  sniff: sniffKml,
  load: loadKml,
};

export const gpxFormat: FormatLoader = {
  id: 'gpx',
  extensions: ['.gpx'],
  sniff: sniffGpx,
  load: loadGpx,
};

export const shapefileFormat: FormatLoader = {
  id: 'shapefile',
  extensions: ['.zip', '.shz'],
  sniff: sniffZip,
  load: loadShapefile,
};

export const xlsxFormat: FormatLoader = {
  id: 'xlsx',
  extensions: ['.xlsx', '.xlsm', '.xls', '.ods'],
  sniff: sniffSpreadsheet,
  load: loadXlsx,
};

/** Every format, in sniffing order (CSV last: it is the fallback for unrecognised text). */
export const FORMATS: readonly FormatLoader[] = [
  xlsxFormat,
  shapefileFormat,
  kmlFormat,
  gpxFormat,
  geojsonFormat,
  csvFormat,
];

export const FORMAT_IDS = FORMATS.map((f) => f.id);

/** The format for a file: `formatId` when given, else by extension, else by content, else CSV. */
export function detectFormat(bytes: Bytes, name: string, formatId?: string): FormatLoader | null {
  if (formatId !== undefined) return FORMATS.find((f) => f.id === formatId) ?? null;
  const ext = extensionOf(name);
  const byExt = FORMATS.find((f) => f.extensions.includes(ext));
  if (byExt) return byExt;
  const data =
    typeof bytes === 'string' ? new TextEncoder().encode(bytes.slice(0, 1024)) : toUint8(bytes);
  return FORMATS.find((f) => f.sniff?.(data, name)) ?? csvFormat;
}

export interface LoadFileOptions extends LoadOptions {
  /** Force a format by id (`csv`, `geojson`, `kml`, `gpx`, `shapefile`, `xlsx`). */
  format?: string;
}

/** Loads a file with the format that fits it. Never throws on bad content. */
export async function loadFile(
  bytes: Bytes,
  name: string,
  options: LoadFileOptions = {},
): Promise<LoadResult> {
  const crs = options.crs ?? 'wgs84';
  const format = detectFormat(bytes, name, options.format);
  if (!format) {
    return fatalResult(
      options.format ?? '?',
      'features',
      {
        field: 'format',
        ...say('unknown_format', {
          format: String(options.format),
          ...nestList('formats', FORMAT_IDS),
        }),
      },
      crs,
    );
  }
  const label = TEXT_FORMATS[format.id];
  if (label !== undefined && typeof bytes !== 'string') {
    const reason = notTextSaid(toUint8(bytes), label);
    if (reason !== null) {
      return fatalResult(
        format.id,
        format.id === 'csv' ? 'points' : 'features',
        { field: 'file', ...reason },
        crs,
      );
    }
  }
  let result: LoadResult;
  try {
    result = await format.load(bytes, name, options);
  } catch (e) {
    return fatalResult(
      format.id,
      'features',
      {
        field: 'file',
        ...say('load_failed', {
          format: format.id,
          error: e instanceof Error ? e.message : String(e),
        }),
      },
      crs,
    );
  }
  return noUsableRow(result);
}

/** Formats read as text (refused when the bytes are binary), with the name used in messages. */
const TEXT_FORMATS: Record<string, string> = {
  csv: 'CSV',
  geojson: 'GeoJSON',
  kml: 'KML',
  gpx: 'GPX',
};

/** How many rows/features of a result can be used. */
export function usableCount(result: LoadResult): number {
  if (result.kind === 'points') return result.points?.lons.length ?? 0;
  const bad = new Set(result.errors.flatMap((e) => (e.feature !== undefined ? [e.feature] : [])));
  return (result.features?.features ?? []).filter((f, i) => f.geometry !== null && !bad.has(i))
    .length;
}

/**
 * A file whose every row (or feature) has a problem is not a layer of nothing: the result becomes
 * fatal, "no usable row: N rows, all with problems (first: ...)", the problems kept after it.
 */
export function noUsableRow(result: LoadResult): LoadResult {
  const total = result.meta.total;
  if (result.fatal || total === 0 || usableCount(result) > 0) return result;
  const what = result.kind === 'points' ? 'row' : 'feature';
  const first = result.errors[0];
  const where =
    first?.row !== undefined
      ? `row ${first.row}, `
      : first?.feature !== undefined
        ? `feature ${first.feature}, `
        : '';
  const firstText = first
    ? ` (first: ${where}${first.field ? `${first.field}: ` : ''}${first.reason})`
    : '';
  return {
    ...result,
    fatal: true,
    errors: [
      {
        field: 'file',
        ...say(what === 'row' ? 'no_usable_row' : 'no_usable_feature', {
          total,
          plural: total === 1 ? '' : 's',
          first: firstText,
        }),
      },
      ...result.errors,
    ],
  };
}
