/**
 * A big imported point layer as columns: coordinates as Float64Array, each property column either
 * numbers (Float64Array, NaN = blank; only when every cell's text is exactly the number's own
 * writing, so the text shown and filtered is the file's) or text (dictionary codes + string
 * table). Plain typed arrays: transferable between the worker and the page, storable in chunks,
 * never a million GeoJSON objects. Pure.
 */
import type { PointColumns } from '../formats/types.ts';

/** Point results at or above this many points become a table (drawn by deck.gl); fewer stay GeoJSON. */
export const TABLE_MIN_POINTS = 10_000;

export type TableColumn =
  | { name: string; kind: 'number'; values: Float64Array }
  | { name: string; kind: 'text'; codes: Uint32Array; dict: string[] };

export interface PointTable {
  count: number;
  lons: Float64Array;
  lats: Float64Array;
  /** The 1-based data row of each point in the file. */
  rows: Uint32Array;
  columns: TableColumn[];
  /** [minLon, minLat, maxLon, maxLat] of the points. */
  bbox: [number, number, number, number];
}

/** The filter of a layer: rows whose `column` contains `text` (case-insensitive). */
export type TableFilter = { column: string; text: string } | null | undefined;

/** Is `s` exactly how JavaScript writes the number it holds ("12", "0.5", not "012" or "1e3")? */
const canonicalNumber = (s: string): boolean => {
  if (s === '') return true;
  const n = Number(s);
  return Number.isFinite(n) && String(n) === s;
};

/** [minLon, minLat, maxLon, maxLat] of coordinate columns ([0,0,0,0] when empty). */
export function columnsBbox(
  lons: Float64Array,
  lats: Float64Array,
): [number, number, number, number] {
  let a = Infinity;
  let b = Infinity;
  let c = -Infinity;
  let d = -Infinity;
  for (let i = 0; i < lons.length; i++) {
    const x = lons[i]!;
    const y = lats[i]!;
    if (x < a) a = x;
    if (x > c) c = x;
    if (y < b) b = y;
    if (y > d) d = y;
  }
  return lons.length === 0 ? [0, 0, 0, 0] : [a, b, c, d];
}

/** One column from the cells of every point (text as read from the file). */
export function buildColumn(name: string, cells: (i: number) => string, n: number): TableColumn {
  let numeric = true;
  for (let i = 0; i < n && numeric; i++) numeric = canonicalNumber(cells(i));
  if (numeric) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const s = cells(i);
      values[i] = s === '' ? Number.NaN : Number(s);
    }
    return { name, kind: 'number', values };
  }
  const codes = new Uint32Array(n);
  const dict: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = cells(i);
    let code = seen.get(s);
    if (code === undefined) {
      code = dict.length;
      dict.push(s);
      seen.set(s, code);
    }
    codes[i] = code;
  }
  return { name, kind: 'text', codes, dict };
}

/** The table of a loader's point columns; `headers` name the property columns, in order. */
export function pointTable(points: PointColumns, headers: readonly string[]): PointTable {
  const n = points.lons.length;
  const props = points.properties;
  const columns = headers.map((h) =>
    buildColumn(
      h,
      (i) => {
        const v = props[i]?.[h];
        return v === undefined || v === null ? '' : String(v);
      },
      n,
    ),
  );
  return {
    count: n,
    lons: points.lons,
    lats: points.lats,
    rows: points.rows,
    columns,
    bbox: columnsBbox(points.lons, points.lats),
  };
}

/** The text of a cell, as in the file ('' for blank). */
export function cellText(col: TableColumn, i: number): string {
  if (col.kind === 'text') return col.dict[col.codes[i]!] ?? '';
  const v = col.values[i]!;
  return Number.isNaN(v) ? '' : String(v);
}

/**
 * The positions of the points passing a filter, ascending (all points when there is no filter).
 * Same rule as passesLayerFilter (model.ts): the cell's text, lower-cased, contains the filter's
 * text, trimmed and lower-cased; an unknown column passes nothing unless the text is blank.
 * Text columns test each distinct value once.
 */
export function filterIndices(table: PointTable, filter: TableFilter): Uint32Array {
  const text = filter?.text.trim().toLowerCase() ?? '';
  const n = table.count;
  if (!filter || text === '') return Uint32Array.from({ length: n }, (_, i) => i);
  const col = table.columns.find((c) => c.name === filter.column);
  if (!col) return new Uint32Array(0);
  const out = new Uint32Array(n);
  let k = 0;
  if (col.kind === 'text') {
    const pass = Uint8Array.from(col.dict, (s) => (s.toLowerCase().includes(text) ? 1 : 0));
    for (let i = 0; i < n; i++) if (pass[col.codes[i]!] === 1) out[k++] = i;
  } else {
    for (let i = 0; i < n; i++) if (cellText(col, i).toLowerCase().includes(text)) out[k++] = i;
  }
  return out.slice(0, k);
}

/** A point's properties by column name (text as in the file), for a details popup. */
export function rowRecord(table: PointTable, i: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of table.columns) out[c.name] = cellText(c, i);
  return out;
}
