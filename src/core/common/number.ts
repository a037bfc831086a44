/**
 * THE number parser for text typed by a user or read from a file cell (CSV, XLSX, DBF, GeoJSON
 * string properties, form inputs, URL values, CLI flags). Every place that turns such text into a
 * number calls this, so "1,234" means the same thing in the CLI, the worker and the app.
 *
 * Accepted (after trimming white space, including ideographic and no-break spaces):
 * - a plain decimal: optional sign, digits with an optional decimal point, optional exponent
 *   ("12", "-0.5", "+3.", ".5", "1e3", "2.5E-4");
 * - thousands separators "," in valid groups of three ("1,234", "-1,234,567.5"); "1,23" and
 *   "12,34" are not grouping and so are not numbers (unless `decimalComma`);
 * - full-width digits, sign, point and comma ("１２３", "－１．５", as Chinese input methods type
 *   them) and the minus sign U+2212, read as their ASCII forms;
 * - with `decimalComma` (a `;`- or tab-delimited file from a locale writing 1,5): also a single
 *   decimal comma "116,397" (-> 116.397). A dot decimal still reads as one; then "1,234" is
 *   1.234, not 1234.
 *
 * Not numbers (-> null, never NaN): blank, "abc", "n/a", "12亿", "¥5", "50%", "0x10", "1_000",
 * "Infinity", "NaN", "1 234", "1.234,5", values overflowing to ±Infinity.
 */

export interface ParseNumberOptions {
  /** Also read one comma as the decimal separator ("1,5" -> 1.5). Default false. */
  decimalComma?: boolean;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?(?:\d+,\d*|,\d+)(?:[eE][+-]?\d+)?$/;
const WIDE = /[\uFF01-\uFF5E\u2212]/g;

/** Full-width ASCII (U+FF01..FF5E) to ASCII; the minus sign U+2212 to "-". */
const narrow = (s: string) =>
  s.replace(WIDE, (c) => (c === '\u2212' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** The number in `text`, or null when it is blank or not a number (see the module comment). */
export function parseNumber(text: string, options: ParseNumberOptions = {}): number | null {
  const s = narrow(text.trim());
  if (s === '') return null;
  let n: number | null = null;
  if (DECIMAL.test(s)) n = Number(s);
  else if (options.decimalComma && COMMA_DECIMAL.test(s)) n = Number(s.replace(',', '.'));
  else if (!options.decimalComma && GROUPED.test(s)) n = Number(s.replace(/,/g, ''));
  return n !== null && Number.isFinite(n) ? n : null;
}

/**
 * A field value (from a parsed file: string, number, or anything else) as a number, or null when
 * missing / not numeric. Finite numbers pass through; strings go through parseNumber; booleans,
 * objects, null and non-finite numbers are null (never read as 0). One argument, so it can be
 * passed to `map`.
 */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return parseNumber(value);
  return null;
}
