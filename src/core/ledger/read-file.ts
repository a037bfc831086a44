/**
 * A ledger file as a user picks it (CSV in UTF-8/UTF-16/GB18030, or a spreadsheet's first sheet)
 * read into ledger rows with the same checks as data:check (parseInitiativesCsv): bad rows are
 * reported by row and field and left out, the good ones kept.
 */
import Papa from 'papaparse';
import { say } from '../common/messages.ts';
import { decodeText, toUint8 } from '../formats/text.ts';
import { sniffSpreadsheet } from '../formats/xlsx.ts';
import { parseInitiativesCsv, type RefContext } from './validate.ts';

export type LedgerFileResult = ReturnType<typeof parseInitiativesCsv>;

/** A cell of a sheet as the CSV text data:check reads (numbers at full precision). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export async function readLedgerFile(
  input: Uint8Array | ArrayBuffer,
  name: string,
  ctx: RefContext = {},
): Promise<LedgerFileResult> {
  const bytes = toUint8(input);
  if (sniffSpreadsheet(bytes)) {
    const XLSX = await import('@e965/xlsx');
    let table: unknown[][];
    try {
      const wb = XLSX.read(bytes, {
        type: 'array',
        sheets: 0,
        cellFormula: false,
        cellHTML: false,
      });
      const first = wb.SheetNames[0];
      const ws = first === undefined ? undefined : wb.Sheets[first];
      if (!ws) throw new Error('the workbook has no sheet');
      table = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: '' });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        rows: [],
        rowNumbers: [],
        fatal: true,
        issues: [
          { file: name, field: 'file', ...say('ledger_workbook_unreadable', { error: why }) },
        ],
      };
    }
    const csv = Papa.unparse(table.map((r) => r.map(cellText)));
    return parseInitiativesCsv(csv, ctx, name);
  }
  return parseInitiativesCsv(decodeText(bytes).text, ctx, name);
}
