/**
 * Tables of points (CSV, spreadsheets): finding the coordinate columns by header, naming blank and
 * repeated headers, leading blank rows, and the range check of a coordinate.
 */
import { type Said, say } from '../common/messages.ts';
import type { FormatIssue } from './types.ts';

export const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'] as const;
export const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'] as const;
export const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'wkt_geom', 'shape'] as const;

export const norm = (h: string) => h.trim().toLowerCase();

export const isBlankRow = (rec: readonly string[]) => rec.every((v) => v.trim() === '');

/** The number of blank rows before the header (a table may start with empty lines). */
export function leadingBlankRows(rows: readonly string[][]): number {
  let k = 0;
  while (k < rows.length && isBlankRow(rows[k]!)) k++;
  return k;
}

/**
 * Why a coordinate is out of range (null when it is fine); hints at swapped columns. `wkt`: the
 * coordinate came from a WKT cell, so the message names the axis first.
 */
export function rangeError(
  value: number,
  axis: 'lon' | 'lat',
  other: number | undefined,
  wkt = false,
): Said | null {
  const max = axis === 'lon' ? 180 : 90;
  if (value >= -max && value <= max) return null;
  const swapped =
    axis === 'lat' && other !== undefined && Math.abs(other) <= 90 && Math.abs(value) <= 180;
  const code =
    axis === 'lon' ? 'lon_out_of_range' : swapped ? 'lat_out_of_range_swapped' : 'lat_out_of_range';
  return say(wkt ? `wkt_${code}` : code, { value });
}

export function findColumn(headers: string[], names: readonly string[]): number {
  const normalized = headers.map(norm);
  for (const n of names) {
    const i = normalized.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * A WKT column: by header name, else the first column whose first non-blank cell is a POINT.
 * `rows` are the data rows (header excluded).
 */
export function findWktColumn(headers: string[], rows: readonly string[][]): number {
  const byName = findColumn(headers, WKT_NAMES);
  if (byName >= 0) return byName;
  for (let j = 0; j < headers.length; j++) {
    const first = rows.slice(0, 50).find((r) => (r[j] ?? '').trim() !== '')?.[j];
    if (first && /^\s*(?:SRID=\d+;)?\s*POINT\b/i.test(first)) return j;
  }
  return -1;
}

/** Unique, non-blank header names (blank -> column_N, repeats -> name_2...). */
export function cleanHeaders(raw: string[], warnings: FormatIssue[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, j) => {
    let name = h.trim();
    if (name === '') {
      name = `column_${j + 1}`;
      warnings.push({ field: name, ...say('header_blank', { column: j + 1, name }) });
    }
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      warnings.push({
        field: name,
        ...say('header_repeats', { name, column: j + 1, renamed: `${name}_${k}` }),
      });
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
}

/** The "no coordinate columns" message, with what was found and the headers seen. */
export function noCoordinatesReason(headers: string[], lonCol: number, latCol: number): Said {
  const found =
    lonCol >= 0
      ? ` (found longitude column ${headers[lonCol]} but no latitude column)`
      : latCol >= 0
        ? ` (found latitude column ${headers[latCol]} but no longitude column)`
        : '';
  return say('no_coordinates', {
    found,
    lonNames: LON_NAMES.join(', '),
    latNames: LAT_NAMES.join(', '),
    headers: headers.join(', '),
  });
}
