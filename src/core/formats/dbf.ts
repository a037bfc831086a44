/**
 * A small dBase (.dbf) reader for Shapefile attributes, so that the code page can be chosen from
 * the `.cpg` and the header's language driver id before any text is decoded (shpjs's reader only
 * takes a TextDecoder label and falls back to UTF-8 in silence).
 * Field types: C text, N/F numbers (blank → null), L logical, D date (`YYYY-MM-DD`), I 32-bit
 * integer, O double; others as text. Deleted records are kept so rows stay aligned with shapes.
 */
import { type Said, say } from '../common/messages.ts';
import { parseNumber } from '../common/number.ts';

export interface DbfField {
  /** Raw bytes of the name (decoded with the chosen code page later). */
  nameBytes: Uint8Array;
  type: string;
  length: number;
  offset: number;
}

export interface DbfTable {
  /** Language driver id (header byte 29). */
  ldid: number;
  fields: DbfField[];
  /** Records declared in the header. */
  declared: number;
  /** Records actually present (fewer when the file is truncated). */
  count: number;
  headerLength: number;
  recordLength: number;
  bytes: Uint8Array;
}

/** Reads the header of a DBF; a coded message says why it is not one. */
export function readDbfHeader(bytes: Uint8Array): DbfTable | Said {
  if (bytes.length < 32) return say('dbf_too_short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length || recordLength < 1) {
    return say('dbf_not_dbase');
  }
  const fields: DbfField[] = [];
  let offset = 1; // the deletion flag
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const raw = bytes.subarray(at, at + 11);
    const end = raw.indexOf(0);
    const length = bytes[at + 16] ?? 0;
    fields.push({
      nameBytes: end >= 0 ? raw.subarray(0, end) : raw,
      type: String.fromCharCode(bytes[at + 11] ?? 0x43).toUpperCase(),
      length,
      offset,
    });
    offset += length;
  }
  const available = Math.floor((bytes.length - headerLength) / recordLength);
  return {
    ldid: bytes[29] ?? 0,
    fields,
    declared,
    count: Math.min(declared, Math.max(0, available)),
    headerLength,
    recordLength,
    bytes,
  };
}

/** The bytes of every text field name and value (for guessing the code page). */
export function* textChunks(table: DbfTable): Generator<Uint8Array> {
  for (const f of table.fields) yield f.nameBytes;
  const text = table.fields.filter((f) => f.type === 'C' || f.type === 'M' || f.type === 'V');
  for (let r = 0; r < table.count; r++) {
    const start = table.headerLength + r * table.recordLength;
    for (const f of text)
      yield trimBytes(table.bytes.subarray(start + f.offset, start + f.offset + f.length));
  }
}

/** Without trailing spaces and NULs. */
function trimBytes(b: Uint8Array): Uint8Array {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0)) end--;
  return b.subarray(0, end);
}

const ascii = (b: Uint8Array) => String.fromCharCode(...b).trim();

function value(
  b: Uint8Array,
  type: string,
  decode: (b: Uint8Array) => string,
): string | number | boolean | null {
  switch (type) {
    case 'N':
    case 'F': {
      const t = ascii(b);
      if (t === '' || /^\*+$/.test(t)) return null;
      return parseNumber(t);
    }
    case 'L': {
      const t = ascii(b).toUpperCase();
      if ('YT'.includes(t) && t !== '') return true;
      if ('NF'.includes(t) && t !== '') return false;
      return null;
    }
    case 'D': {
      const t = ascii(b);
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
      return m ? `${m[1]}-${m[2]}-${m[3]}` : t === '' || /^0+$/.test(t) ? null : t;
    }
    case 'I':
      return b.length === 4 ? new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true) : null;
    case 'O':
      return b.length === 8 ? new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true) : null;
    default:
      return decode(trimBytes(b)).replace(/\0/g, '').trim();
  }
}

/** Every record as properties, field names and text decoded with `decode`. */
export function readDbfRecords(
  table: DbfTable,
  decode: (b: Uint8Array) => string,
): Array<Record<string, unknown>> {
  const names = table.fields.map((f, i) => decode(f.nameBytes).trim() || `field${i + 1}`);
  const out: Array<Record<string, unknown>> = [];
  for (let r = 0; r < table.count; r++) {
    const start = table.headerLength + r * table.recordLength;
    const row: Record<string, unknown> = {};
    table.fields.forEach((f, i) => {
      const b = table.bytes.subarray(start + f.offset, start + f.offset + f.length);
      row[names[i]!] = value(b, f.type, decode);
    });
    out.push(row);
  }
  return out;
}
