/**
 * CSV/TSV point tables: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030; comma,
 * semicolon or tab delimited (detected on the header line, outside quotes). Coordinates come from
 * lon/lat columns found by header name, or from a WKT column holding POINT(lon lat). Rows with
 * blank, non-numeric or out-of-range coordinates are reported (1-based data row and column) and
 * left out; the other rows are kept.
 */
import Papa from 'papaparse';
import type { FeatureId } from '../analytics/types.ts';
import { parseNumber } from '../common/number.ts';
import { toWgs84 } from './crs.ts';
import { fatalResult } from './features.ts';
import { decodeText, extensionOf } from './text.ts';
import type { Bytes, FormatIssue, LoadOptions, LoadResult } from './types.ts';

export const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'] as const;
export const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'] as const;
export const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'wkt_geom', 'shape'] as const;
const DELIMITERS = [',', ';', '\t'] as const;

const norm = (h: string) => h.trim().toLowerCase();
const NUM = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?';
const WKT_POINT = new RegExp(
  `^\\s*(?:SRID=\\d+;)?\\s*POINT\\s*(?:ZM|Z|M)?\\s*\\(\\s*(${NUM})\\s+(${NUM})(?:\\s+${NUM}){0,2}\\s*\\)\\s*$`,
  'i',
);
const WKT_START = /^\s*(?:SRID=\d+;)?\s*([A-Za-z]+)/;

/** The delimiter of a table: the most frequent of , ; TAB on the header line, outside quotes. */
export function detectDelimiter(text: string, preferTab = false): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = preferTab && counts.get('\t')! > 0 ? '\t' : ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

type Coord = { value: number } | { error: string };

/**
 * A coordinate cell, read by THE number parser (common/number.ts); a decimal comma is read when
 * `,` is not the delimiter.
 */
function parseCoordinate(cell: string | undefined, delimiter: string): Coord {
  const s = (cell ?? '').trim();
  if (s === '') return { error: 'blank' };
  const n = parseNumber(s, { decimalComma: delimiter !== ',' });
  return n === null ? { error: `not a number: ${JSON.stringify(s)}` } : { value: n };
}

function rangeError(value: number, axis: 'lon' | 'lat', other: Coord): string | null {
  const max = axis === 'lon' ? 180 : 90;
  if (value >= -max && value <= max) return null;
  const name = axis === 'lon' ? 'longitude' : 'latitude';
  const swapped =
    axis === 'lat' && 'value' in other && Math.abs(other.value) <= 90 && Math.abs(value) <= 180;
  return `out of range: ${value} (${name} must be between -${max} and ${max}${
    swapped ? '; are the longitude and latitude columns swapped?' : ''
  })`;
}

function findColumn(headers: string[], names: readonly string[]): number {
  const normalized = headers.map(norm);
  for (const n of names) {
    const i = normalized.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** A WKT column: by header name, else the first column whose first non-blank cell is a POINT. */
function findWktColumn(headers: string[], rows: string[][]): number {
  const byName = findColumn(headers, WKT_NAMES);
  if (byName >= 0) return byName;
  for (let j = 0; j < headers.length; j++) {
    const first = rows.slice(1, 50).find((r) => (r[j] ?? '').trim() !== '')?.[j];
    if (first && /^\s*(?:SRID=\d+;)?\s*POINT\b/i.test(first)) return j;
  }
  return -1;
}

/** Unique, non-blank header names (blank -> column_N, repeats -> name_2...). */
function cleanHeaders(raw: string[], warnings: FormatIssue[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, j) => {
    let name = h.trim();
    if (name === '') {
      name = `column_${j + 1}`;
      warnings.push({ field: name, reason: `column ${j + 1} has no header; named ${name}` });
    }
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      warnings.push({
        field: name,
        reason: `header ${name} repeats; column ${j + 1} named ${name}_${k}`,
      });
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
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
  const crs = options.crs ?? 'wgs84';
  const progress = options.onProgress ?? (() => {});
  progress(0.02, 'decoding');
  const { text, encoding } = decodeText(bytes);
  progress(0.1, 'parsing');
  const delimiter = detectDelimiter(text, extensionOf(name) === '.tsv');
  const parsed = parseInChunks(text, delimiter, (f) => progress(0.1 + 0.4 * f, 'parsing'));
  const data = parsed.data;
  const meta = { encoding, delimiter };
  if (data.length === 0 || data[0]!.every((h) => h.trim() === '')) {
    return fatalResult(
      'csv',
      'points',
      { field: 'header', reason: 'empty file: no header row' },
      crs,
      meta,
    );
  }
  const warnings: FormatIssue[] = [];
  const headers = cleanHeaders(data[0]!, warnings);
  // Columns the user picked win over detection (a picked name that is absent is an error).
  const picked = (field: string | undefined, names: readonly string[]) =>
    field === undefined ? findColumn(headers, names) : headers.indexOf(field);
  const lonCol = picked(options.lonField, LON_NAMES);
  const latCol = picked(options.latField, LAT_NAMES);
  const useColumns = lonCol >= 0 && latCol >= 0;
  const wktCol = useColumns ? -1 : findWktColumn(headers, data);
  const columnsMeta = { ...meta, columns: headers };
  if (!useColumns && wktCol < 0) {
    const found =
      lonCol >= 0
        ? ` (found longitude column ${headers[lonCol]} but no latitude column)`
        : latCol >= 0
          ? ` (found latitude column ${headers[latCol]} but no longitude column)`
          : '';
    return fatalResult(
      'csv',
      'points',
      {
        field: 'header',
        reason:
          `no coordinate columns found${found}: expected a longitude column ` +
          `(${LON_NAMES.join(', ')}) and a latitude column (${LAT_NAMES.join(', ')}), ` +
          `or a WKT column with POINT(lon lat); headers seen: ${headers.join(', ')}`,
      },
      crs,
      columnsMeta,
    );
  }

  const idCol = (() => {
    if (options.idField !== undefined) {
      const j = headers.indexOf(options.idField);
      if (j >= 0) return j;
      warnings.push({
        field: options.idField,
        reason: `no column ${options.idField}; ids are row numbers or the id column`,
      });
    }
    return headers.findIndex((h) => norm(h) === 'id');
  })();

  const errors: FormatIssue[] = [];
  for (const e of parsed.errors) {
    const row = typeof e.row === 'number' ? e.row : undefined;
    warnings.push({
      ...(row !== undefined && row > 0 ? { row } : {}),
      field: '',
      reason: `${e.code}: ${e.message}`,
    });
  }
  const lons: number[] = [];
  const lats: number[] = [];
  const rows: number[] = [];
  const ids: FeatureId[] = [];
  const properties: Array<Record<string, unknown>> = [];
  progress(0.5, 'checking rows');
  const step = Math.max(5000, Math.floor(data.length / 20));
  for (let r = 1; r < data.length; r++) {
    if (r % step === 0) progress(0.5 + (0.45 * r) / data.length, 'checking rows');
    const rec = data[r]!;
    if (rec.every((v) => v.trim() === '')) continue;
    if (rec.length !== headers.length) {
      warnings.push({
        row: r,
        field: '',
        reason: `has ${rec.length} fields, the header has ${headers.length}`,
      });
    }
    let lon: Coord;
    let lat: Coord;
    if (useColumns) {
      lon = parseCoordinate(rec[lonCol], delimiter);
      lat = parseCoordinate(rec[latCol], delimiter);
    } else {
      const cell = (rec[wktCol] ?? '').trim();
      const m = WKT_POINT.exec(cell);
      if (m) {
        lon = { value: Number(m[1]) };
        lat = { value: Number(m[2]) };
      } else {
        const type = WKT_START.exec(cell)?.[1]?.toUpperCase();
        const reason =
          cell === ''
            ? 'blank'
            : /\bEMPTY\s*$/i.test(cell)
              ? 'empty point (POINT EMPTY)'
              : type && type !== 'POINT'
                ? `WKT geometry ${type} is not a POINT`
                : `not a WKT POINT(lon lat): ${JSON.stringify(cell.slice(0, 60))}`;
        errors.push({ row: r, field: headers[wktCol]!, reason });
        continue;
      }
    }
    let bad = false;
    const lonField = useColumns ? headers[lonCol]! : headers[wktCol]!;
    const latField = useColumns ? headers[latCol]! : headers[wktCol]!;
    const lonErr = 'error' in lon ? lon.error : rangeError(lon.value, 'lon', lat);
    const latErr = 'error' in lat ? lat.error : rangeError(lat.value, 'lat', lon);
    if (lonErr) {
      errors.push({ row: r, field: lonField, reason: useColumns ? lonErr : `longitude ${lonErr}` });
      bad = true;
    }
    if (latErr) {
      errors.push({ row: r, field: latField, reason: useColumns ? latErr : `latitude ${latErr}` });
      bad = true;
    }
    if (bad || !('value' in lon) || !('value' in lat)) continue;
    const [x, y] = toWgs84(lon.value, lat.value, crs);
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
    format: 'csv',
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
      ...(useColumns
        ? { lonField: headers[lonCol]!, latField: headers[latCol]! }
        : { wktField: headers[wktCol]! }),
      total: data.slice(1).filter((rec) => !rec.every((v) => v.trim() === '')).length,
      crs,
    },
  };
}
