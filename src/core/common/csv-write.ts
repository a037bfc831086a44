/**
 * THE CSV writer: every CSV the app or the CLI writes goes through here (PapaParse's
 * `Papa.unparse`, RFC 4180 quoting), so every cell of every export is defused the same way.
 *
 * Formula injection: a text cell that a spreadsheet would run as a formula, i.e. one starting
 * with = + - @ TAB or CR, is written with a leading `'` (and quoted), through PapaParse's
 * `escapeFormulae`. We pass our own pattern instead of `true` for two reasons:
 * - PapaParse's default, /^[=+\-@\t\r].*$/, has no `s` flag, so `.*$` cannot cross a line break
 *   and a cell such as "=HYPERLINK(...)\nx" is NOT escaped; ours tests the first character only.
 * - a cell that is a plain number as text ("-5", "+1.5e3", "-1,234") is left as it is, so
 *   numbers stay numbers in Excel; "-5+1" or "-A1" are still defused.
 * Numbers (type number) are written with String(n); null/undefined as an empty cell, never 0.
 */
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads UTF-8 (default true). */
  bom?: boolean;
  /** Line ending (default CRLF, as Excel writes). A final line ending is always written. */
  newline?: '\r\n' | '\n';
}

/** Starts with a formula trigger and is not a plain number. */
export const FORMULA_START = /^(?![+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$)[=+\-@\t\r]/;

/** A single text cell made inert the way the writer does it (for tests and other writers). */
export function defuseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV text of a header row and data rows (arrays in header order). */
export function writeCsv(
  fields: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  options: CsvOptions = {},
): string {
  const newline = options.newline ?? '\r\n';
  const data = rows.map((row) =>
    fields.map((_, i) => {
      const v = row[i];
      if (v === null || v === undefined) return '';
      if (typeof v === 'number') return Number.isFinite(v) ? v : '';
      return typeof v === 'boolean' ? String(v) : v;
    }),
  );
  const csv = Papa.unparse(
    { fields: [...fields], data },
    { newline, escapeFormulae: FORMULA_START, header: true },
  );
  return `${options.bom === false ? '' : '\uFEFF'}${csv}${newline}`;
}

/** CSV text of records: one column per field, in the order given. */
export function writeRecordsCsv<T extends Record<string, CsvCell>>(
  fields: ReadonlyArray<keyof T & string>,
  records: readonly T[],
  options: CsvOptions = {},
): string {
  return writeCsv(
    fields,
    records.map((r) => fields.map((f) => r[f])),
    options,
  );
}
