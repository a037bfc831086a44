/**
 * Spreadsheets (.xlsx, .xlsm, .xls, .ods) through SheetJS CE (@e965/xlsx, loaded on first use so
 * the app bundle does not carry it): the first sheet, or the one named in `options.sheet`, is read
 * as a table of the text a user sees, then goes through the same table logic as CSV (coordinate
 * columns by header or picked, WKT POINT column, Web Mercator, row-level errors).
 * Numbers keep their full precision (a cell showing 116.4074 may hold 116.407412345: the value is
 * read, not the display); dates, percentages and booleans are read as displayed. Formulas are
 * never evaluated: the value Excel cached when it saved the file is read.
 */
import type { CellObject, WorkSheet } from '@e965/xlsx';
import { nest, nestList, say } from '../common/messages.ts';
import { binaryKind, binaryKindCode } from './binary.ts';
import { tableToPoints } from './csv.ts';
import { fatalResult } from './features.ts';
import { toUint8 } from './text.ts';
import type { Bytes, LoadOptions, LoadResult } from './types.ts';

interface Ssf {
  is_date(format: string | number): boolean;
}

/** SheetJS's formatter of one cell (the text Excel shows), used only where the display matters. */
type FormatCell = (cell: CellObject) => string;

/** A zip holding xl/workbook.xml (Excel 2007+), an OLE2 file (Excel 97-2003) or an OpenDocument sheet. */
export function sniffSpreadsheet(bytes: Uint8Array): boolean {
  const kind = binaryKind(bytes);
  return (
    kind !== null &&
    (kind.includes('Excel workbook') ||
      kind.includes('old Office') ||
      kind.includes('OpenDocument'))
  );
}

/** The text of a cell as the table logic wants it. */
function cellText(cell: CellObject | undefined, ssf: Ssf, format: FormatCell): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 'n': {
      const fmt = cell.z;
      // Dates are numbers with a date format; percentages show as the user typed them.
      const shown =
        fmt !== undefined && fmt !== 'General' && (ssf.is_date(fmt) || String(fmt).includes('%'));
      return shown ? (cell.w ?? format(cell)) : String(cell.v);
    }
    case 's':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.w ?? format(cell);
    default:
      // Errors (#N/A, #DIV/0!...) as Excel shows them.
      return cell.w ?? format(cell);
  }
}

/** Every row of a dense worksheet as text, without the blank columns on the right. */
function sheetRows(ws: WorkSheet, ssf: Ssf, format: FormatCell): string[][] {
  const data = (ws['!data'] ?? []) as Array<Array<CellObject | undefined> | undefined>;
  const rows = Array.from(data, (row) => Array.from(row ?? [], (c) => cellText(c, ssf, format)));
  let width = 0;
  for (const row of rows) {
    for (let c = row.length - 1; c >= width; c--) {
      if ((row[c] ?? '').trim() !== '') {
        width = c + 1;
        break;
      }
    }
  }
  return rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

export async function loadXlsx(
  bytes: Bytes,
  _name: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const crs = options.crs ?? 'wgs84';
  const progress = options.onProgress ?? (() => {});
  if (typeof bytes === 'string') {
    return fatalResult('xlsx', 'points', { field: 'file', ...say('xlsx_bytes_only') }, crs);
  }
  const data = toUint8(bytes);
  if (!sniffSpreadsheet(data)) {
    const kind = binaryKindCode(data);
    return fatalResult(
      'xlsx',
      'points',
      {
        field: 'file',
        ...(kind
          ? say('xlsx_not_spreadsheet_kind', nest('kind', say(kind)))
          : say('xlsx_not_spreadsheet')),
      },
      crs,
    );
  }
  progress(0.05, 'reading the workbook');
  const XLSX = await import('@e965/xlsx');
  const ssf = XLSX.SSF as Ssf;
  // One read: the chosen sheet (or the first) is parsed; the names of all sheets come with it.
  // Cell text is not formatted up front (half the time on big sheets): see cellText.
  let wb: ReturnType<typeof XLSX.read>;
  try {
    wb = XLSX.read(data, {
      type: 'array',
      dense: true,
      sheets: options.sheet ?? 0,
      cellFormula: false,
      cellHTML: false,
      cellNF: true,
      cellText: false,
      cellDates: false,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fatalResult(
      'xlsx',
      'points',
      { field: 'file', ...say('xlsx_unreadable', { error: why }) },
      crs,
    );
  }
  const sheets = wb.SheetNames;
  if (sheets.length === 0) {
    return fatalResult('xlsx', 'points', { field: 'sheet', ...say('xlsx_no_sheet') }, crs);
  }
  const sheet = options.sheet ?? sheets[0]!;
  const quoted = (list: string[]) => list.map((s) => JSON.stringify(s));
  if (!sheets.includes(sheet)) {
    return fatalResult(
      'xlsx',
      'points',
      {
        field: 'sheet',
        ...say('xlsx_no_such_sheet', {
          sheet: JSON.stringify(sheet),
          ...nestList('sheets', quoted(sheets)),
        }),
      },
      crs,
      { sheets },
    );
  }
  const ws = wb.Sheets[sheet];
  if (!ws) {
    return fatalResult(
      'xlsx',
      'points',
      { field: 'sheet', ...say('xlsx_not_worksheet', { sheet: JSON.stringify(sheet) }) },
      crs,
      { sheets, sheet },
    );
  }
  progress(0.4, 'checking rows');
  const result = tableToPoints(sheetRows(ws, ssf, XLSX.utils.format_cell), {
    format: 'xlsx',
    meta: { sheets, sheet },
    warnings: [],
    decimalDelimiter: '',
    where: (n) => `row ${n} of sheet ${JSON.stringify(sheet)}`,
    options: { ...options, onProgress: (f, s) => progress(0.4 + 0.6 * f, s) },
  });
  // A workbook whose first sheet is not the table: say which other sheets there are.
  if (result.fatal && sheets.length > 1 && result.errors[0]) {
    const others = quoted(sheets.filter((s) => s !== sheet));
    const first = result.errors[0];
    result.errors[0] = {
      ...first,
      ...say('xlsx_other_sheets', {
        sheet: JSON.stringify(sheet),
        ...nest('reason', first),
        ...nestList('others', others),
      }),
    };
  }
  return result;
}
