/**
 * CSV/TSV point tables: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030; the
 * delimiter (comma, semicolon, tab or pipe) is guessed by PapaParse on the first rows, after any
 * blank lines before the header. Coordinates come from lon/lat columns found by header name, or
 * from a WKT column holding POINT(lon lat); columns in Web Mercator metres are recognised and
 * converted. Rows with blank, non-numeric or out-of-range coordinates are reported (1-based data
 * row and column) and left out; the other rows are kept. `tableToPoints` is shared with the
 * spreadsheet loader.
 */
import Papa from 'papaparse';
import type { FeatureId } from '../analytics/types.ts';
import { type Said, say } from '../common/messages.ts';
import { parseNumber } from '../common/number.ts';
import {
  cleanHeaders,
  findColumn,
  findWktColumn,
  isBlankRow,
  LAT_NAMES,
  LON_NAMES,
  leadingBlankRows,
  noCoordinatesReason,
  norm,
  rangeError,
} from './columns.ts';
import { toWgs84 } from './crs.ts';
import { fatalResult } from './features.ts';
import { fromWebMercator, looksLikeWebMercator } from './mercator.ts';
import { decodeText, extensionOf } from './text.ts';
import type { Bytes, FormatIssue, LoadMeta, LoadOptions, LoadResult } from './types.ts';

export { LAT_NAMES, LON_NAMES, WKT_NAMES } from './columns.ts';

const DELIMITERS_TO_GUESS = [',', ';', '\t', '|'];
const NUM = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?';
const WKT_POINT = new RegExp(
  `^\\s*(?:SRID=\\d+;)?\\s*POINT\\s*(?:ZM|Z|M)?\\s*\\(\\s*(${NUM})\\s+(${NUM})(?:\\s+${NUM}){0,2}\\s*\\)\\s*$`,
  'i',
);
const WKT_START = /^\s*(?:SRID=\d+;)?\s*([A-Za-z]+)/;
/** Blank lines (or lines of delimiters only, as Excel writes empty rows) before the header. */
const LEADING_BLANK_LINES = /^(?:[ \t,;|]*(?:\r\n|\n|\r))+/;
/** Text given to PapaParse's delimiter guess (it reads the first 10 rows of it). */
const GUESS_SAMPLE = 64 * 1024;

/**
 * The delimiter of a table, guessed by PapaParse (the delimiter giving the most consistent field
 * count over the first rows, quotes respected); `,` when nothing fits. `preferTab` (a .tsv file)
 * takes tab whenever the first line has one.
 */
export function detectDelimiter(text: string, preferTab = false): string {
  const sample = text.replace(LEADING_BLANK_LINES, '').slice(0, GUESS_SAMPLE);
  if (preferTab && /^[^\r\n]*\t/.test(sample)) return '\t';
  const guess = Papa.parse<string[]>(sample, {
    delimitersToGuess: DELIMITERS_TO_GUESS,
    skipEmptyLines: true,
    preview: 10,
  }).meta.delimiter;
  return DELIMITERS_TO_GUESS.includes(guess) ? guess : ',';
}

type Coord = { value: number } | { error: Said };

/**
 * A coordinate cell, read by THE number parser (common/number.ts); a decimal comma is read when
 * `,` is not the delimiter.
 */
function parseCoordinate(cell: string | undefined, delimiter: string): Coord {
  const s = (cell ?? '').trim();
  if (s === '') return { error: say('coord_blank') };
  const n = parseNumber(s, { decimalComma: delimiter !== ',' });
  return n === null
    ? { error: say('coord_not_number', { value: JSON.stringify(s) }) }
    : { value: n };
}

/** Text per PapaParse chunk: large files are parsed piece by piece, with progress. */
const CHUNK_CHARS = 1 << 20;

/**
 * PapaParse in chunks (its streaming mode over the decoded text): rows split across chunk
 * boundaries, quoted newlines included, are joined by PapaParse; error rows are made absolute.
 */
function parseInChunks(
  text: string,
  delimiter: string,
  onProgress: (fraction: number) => void,
): { data: string[][]; errors: Papa.ParseError[] } {
  const data: string[][] = [];
  const errors: Papa.ParseError[] = [];
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk: (res: Papa.ParseResult<string[]>) => {
      const offset = data.length;
      for (const row of res.data) data.push(row);
      for (const e of res.errors) {
        errors.push(typeof e.row === 'number' ? { ...e, row: e.row + offset } : e);
      }
      onProgress(Math.min(1, (res.meta.cursor ?? 0) / Math.max(1, text.length)));
    },
    // Chunks over a string run synchronously: every chunk has been handled when parse returns.
    complete: () => {},
  });
  return { data, errors };
}

export function loadCsv(bytes: Bytes, name: string, options: LoadOptions = {}): LoadResult {
  const progress = options.onProgress ?? (() => {});
  progress(0.02, 'decoding');
  const { text, encoding } = decodeText(bytes);
  progress(0.1, 'parsing');
  const delimiter = detectDelimiter(text, extensionOf(name) === '.tsv');
  const parsed = parseInChunks(text, delimiter, (f) => progress(0.1 + 0.4 * f, 'parsing'));
  const skip = leadingBlankRows(parsed.data);
  const warnings: FormatIssue[] = parsed.errors.map((e) => {
    const row = typeof e.row === 'number' ? e.row - skip : undefined;
    return {
      ...(row !== undefined && row > 0 ? { row } : {}),
      field: '',
      ...say('csv_parse', { papaCode: e.code, message: e.message }),
    };
  });
  return tableToPoints(parsed.data, {
    format: 'csv',
    meta: { encoding, delimiter },
    warnings,
    decimalDelimiter: delimiter,
    where: (n) => `line ${n}`,
    options,
  });
}

export interface TableSource {
  /** Format id of the result (`csv`, `xlsx`). */
  format: string;
  /** What is known already (encoding, delimiter, sheet...). */
  meta: Partial<LoadMeta>;
  /** Warnings found while reading (kept first). */
  warnings: FormatIssue[];
  /** Passed to the coordinate parser: a decimal comma is read unless this is `,`. */
  decimalDelimiter: string;
  /** Names the n-th (1-based) row of the source: `line 3`, `sheet row 3`. */
  where: (n: number) => string;
  options: LoadOptions;
}

/** The coordinate pair of a row, or its problems. */
type Pair = { lon: number; lat: number } | { issues: FormatIssue[] };

/**
 * Points from the rows of a table (header row included, possibly after blank rows): coordinate
 * columns by header (or the ones picked by the user) or a WKT POINT column; bad rows reported.
 */
export function tableToPoints(data: string[][], src: TableSource): LoadResult {
  const { options, format } = src;
  const crs = options.crs ?? 'wgs84';
  const progress = options.onProgress ?? (() => {});
  const skip = leadingBlankRows(data);
  if (skip === data.length) {
    return fatalResult(format, 'points', { field: 'header', ...say('table_empty') }, crs, src.meta);
  }
  const warnings: FormatIssue[] = [];
  if (skip > 0) {
    warnings.push({
      field: 'header',
      ...say(skip === 1 ? 'header_after_blank_line' : 'header_after_blank_lines', {
        where: src.where(skip + 1),
        count: skip,
        line: skip + 1,
      }),
    });
  }
  warnings.push(...src.warnings);
  const headers = cleanHeaders(data[skip]!, warnings);
  const body = data.slice(skip + 1);
  // Columns the user picked win over detection (a picked name that is absent is an error).
  const picked = (field: string | undefined, names: readonly string[]) =>
    field === undefined ? findColumn(headers, names) : headers.indexOf(field);
  const lonCol = picked(options.lonField, LON_NAMES);
  const latCol = picked(options.latField, LAT_NAMES);
  const useColumns = lonCol >= 0 && latCol >= 0;
  const wktCol = useColumns ? -1 : findWktColumn(headers, body);
  const columnsMeta = {
    ...src.meta,
    columns: headers,
    ...(skip > 0 ? { headerLine: skip + 1 } : {}),
  };
  if (!useColumns && wktCol < 0) {
    const preview = body.filter((r) => !isBlankRow(r)).slice(0, 5);
    return fatalResult(
      format,
      'points',
      { field: 'header', ...noCoordinatesReason(headers, lonCol, latCol) },
      crs,
      { ...columnsMeta, preview },
    );
  }
  const lonField = useColumns ? headers[lonCol]! : headers[wktCol]!;
  const latField = useColumns ? headers[latCol]! : headers[wktCol]!;

  const idCol = (() => {
    if (options.idField !== undefined) {
      const j = headers.indexOf(options.idField);
      if (j >= 0) return j;
      warnings.push({
        field: options.idField,
        ...say('id_column_missing', { name: options.idField }),
      });
    }
    return headers.findIndex((h) => norm(h) === 'id');
  })();

  /** The raw coordinates of a row (before any range check or conversion). */
  const readPair = (rec: string[], r: number): Pair => {
    if (useColumns) {
      const lon = parseCoordinate(rec[lonCol], src.decimalDelimiter);
      const lat = parseCoordinate(rec[latCol], src.decimalDelimiter);
      const issues: FormatIssue[] = [];
      if ('error' in lon) issues.push({ row: r, field: lonField, ...lon.error });
      if ('error' in lat) issues.push({ row: r, field: latField, ...lat.error });
      return 'value' in lon && 'value' in lat ? { lon: lon.value, lat: lat.value } : { issues };
    }
    const cell = (rec[wktCol] ?? '').trim();
    const m = WKT_POINT.exec(cell);
    if (m) return { lon: Number(m[1]), lat: Number(m[2]) };
    const type = WKT_START.exec(cell)?.[1]?.toUpperCase();
    const said =
      cell === ''
        ? say('coord_blank')
        : /\bEMPTY\s*$/i.test(cell)
          ? say('wkt_empty')
          : type && type !== 'POINT'
            ? say('wkt_not_point', { type })
            : say('wkt_malformed', { value: JSON.stringify(cell.slice(0, 60)) });
    return { issues: [{ row: r, field: lonField, ...said }] };
  };

  // Web Mercator metres (x/y columns of 13363000, 3787000): recognised on a sample, converted.
  const sample: Array<[number, number]> = [];
  for (let i = 0; i < body.length && sample.length < 2000; i++) {
    const p = readPair(body[i]!, i + 1);
    if ('lon' in p) sample.push([p.lon, p.lat]);
  }
  const mercator =
    looksLikeWebMercator(sample) &&
    sample.some(([x, y]) => Math.abs(x) > 1000 || Math.abs(y) > 1000);
  if (mercator) warnings.push({ field: lonField, ...say('web_mercator') });

  const errors: FormatIssue[] = [];
  const lons: number[] = [];
  const lats: number[] = [];
  const rows: number[] = [];
  const ids: FeatureId[] = [];
  const properties: Array<Record<string, unknown>> = [];
  let total = 0;
  progress(0.5, 'checking rows');
  const step = Math.max(5000, Math.floor(body.length / 20));
  for (let i = 0; i < body.length; i++) {
    const r = i + 1;
    if (r % step === 0) progress(0.5 + (0.45 * r) / body.length, 'checking rows');
    const rec = body[i]!;
    if (isBlankRow(rec)) continue;
    total++;
    if (rec.length !== headers.length) {
      warnings.push({
        row: r,
        field: '',
        ...say('row_field_count', { count: rec.length, expected: headers.length }),
      });
    }
    const pair = readPair(rec, r);
    if ('issues' in pair) {
      errors.push(...pair.issues);
      continue;
    }
    const [lon, lat] = mercator ? fromWebMercator(pair.lon, pair.lat) : [pair.lon, pair.lat];
    const lonErr = rangeError(lon, 'lon', lat, !useColumns);
    const latErr = rangeError(lat, 'lat', lon, !useColumns);
    if (lonErr) errors.push({ row: r, field: lonField, ...lonErr });
    if (latErr) errors.push({ row: r, field: latField, ...latErr });
    if (lonErr || latErr) continue;
    const [x, y] = toWgs84(lon, lat, crs);
    const props: Record<string, unknown> = {};
    for (let j = 0; j < headers.length; j++) props[headers[j]!] = rec[j] ?? '';
    const idValue = idCol >= 0 ? (rec[idCol] ?? '').trim() : '';
    lons.push(x);
    lats.push(y);
    rows.push(r);
    ids.push(idValue !== '' ? idValue : r);
    properties.push(props);
  }
  return {
    format,
    kind: 'points',
    points: {
      lons: Float64Array.from(lons),
      lats: Float64Array.from(lats),
      properties,
      rows: Uint32Array.from(rows),
      ids,
    },
    errors,
    warnings,
    fatal: false,
    meta: {
      ...columnsMeta,
      ...(useColumns ? { lonField, latField } : { wktField: lonField }),
      total,
      crs,
    },
  };
}
