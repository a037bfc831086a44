/**
 * Binary files refused before a text loader reads them: a spreadsheet, an image or a zip renamed
 * `.csv` would otherwise be decoded as GB18030 and shown as a table of mojibake. Known
 * signatures are named ("this is a PNG image, not CSV"); anything else with NUL bytes or many
 * control characters in its first 8 KB is "not a text file". UTF-16 with a byte-order mark is
 * text (Excel's "Unicode text"), never refused.
 */

import { MESSAGES, type MessageCode, nest, type Said, say } from '../common/messages.ts';

/** A kind of binary file, as a code of the message catalogue ('a PNG image'...). */
type KindCode = Extract<MessageCode, `kind_${string}`>;

/** How much of the file is looked at. */
const SAMPLE = 8192;
/** Share of control characters (other than tab, newlines, form feed, escape) that means binary. */
const MAX_CONTROL_SHARE = 0.1;

interface Signature {
  what: KindCode;
  bytes: readonly number[];
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { what: 'kind_png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { what: 'kind_jpeg', bytes: [0xff, 0xd8, 0xff] },
  { what: 'kind_gif', bytes: ascii('GIF8') },
  { what: 'kind_tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { what: 'kind_tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { what: 'kind_pdf', bytes: ascii('%PDF') },
  { what: 'kind_gzip', bytes: [0x1f, 0x8b] },
  { what: 'kind_7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { what: 'kind_rar', bytes: ascii('Rar!') },
  { what: 'kind_sqlite', bytes: ascii('SQLite format 3') },
  // The old binary Office format (.xls, .doc): an OLE2 compound file.
  {
    what: 'kind_ole',
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { what: 'kind_shp', bytes: [0, 0, 0x27, 0x0a] },
];

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

/** True when `needle` (ASCII) occurs in `b` between `from` and `to`. */
function contains(b: Uint8Array, needle: string, from: number, to: number): boolean {
  const n = ascii(needle);
  const end = Math.min(b.length, to) - n.length;
  outer: for (let i = Math.max(0, from); i <= end; i++) {
    for (let j = 0; j < n.length; j++) if (b[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/** Entry names live in local headers (start) and the central directory (end of the zip). */
function zipHas(b: Uint8Array, name: string): boolean {
  return contains(b, name, 0, 65536) || contains(b, name, b.length - 262144, b.length);
}

/** What kind of zip: an Excel workbook, a Word/PowerPoint file, an OpenDocument, or a plain zip. */
export function zipKind(b: Uint8Array): string {
  return MESSAGES[zipKindCode(b)];
}

function zipKindCode(b: Uint8Array): KindCode {
  if (zipHas(b, 'xl/workbook')) return 'kind_xlsx';
  if (zipHas(b, 'word/document')) return 'kind_docx';
  if (zipHas(b, 'ppt/presentation')) return 'kind_pptx';
  if (zipHas(b, 'mimetypeapplication/vnd.oasis.opendocument')) return 'kind_odf';
  if (zipHas(b, '.shp')) return 'kind_zip_shp';
  return 'kind_zip';
}

const isZip = (b: Uint8Array) =>
  b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7);

/**
 * What a binary file is, when its signature is known (`'a PNG image'`, `'an Excel workbook
 * (.xlsx)'`...), else null.
 */
export function binaryKind(b: Uint8Array): string | null {
  const code = binaryKindCode(b);
  return code === null ? null : MESSAGES[code];
}

/** binaryKind as a code of the message catalogue (the app words it in its language). */
export function binaryKindCode(b: Uint8Array): KindCode | null {
  if (isZip(b)) return zipKindCode(b);
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'kind_webp';
  for (const s of SIGNATURES) {
    if (startsWith(b, s.bytes)) return s.what;
  }
  return null;
}

/**
 * Why `bytes` cannot be a text file of the format `label` (`CSV`, `GeoJSON`...), or null when
 * they may be text. Never refuses UTF-16 with a BOM, UTF-8 (with or without BOM) or GBK text.
 */
export function notTextReason(bytes: Uint8Array, label: string): string | null {
  return notTextSaid(bytes, label)?.reason ?? null;
}

/** notTextReason as a coded message. */
export function notTextSaid(bytes: Uint8Array, label: string): Said | null {
  // UTF-16 with a byte-order mark: text, whatever the NULs of its ASCII characters.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return null;
  }
  const kind = binaryKindCode(bytes);
  if (kind !== null) {
    const fix =
      kind === 'kind_xlsx'
        ? say('fix_rename_xlsx')
        : kind === 'kind_zip_shp'
          ? say('fix_rename_zip')
          : '';
    return say('not_text_kind', { ...nest('kind', say(kind)), label, ...nest('fix', fix) });
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const sample = bytes.subarray(start, start + SAMPLE);
  if (sample.length === 0) return null;
  let nul = 0;
  let nulEven = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i]!;
    if (c === 0) {
      nul++;
      if (i % 2 === 0) nulEven++;
    } else if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
    else if (c === 0x7f) control++;
  }
  if (nul > 0) {
    // ASCII text in UTF-16 has a NUL in every other byte, all on the same side.
    const oneSide = nul >= sample.length / 4 && (nulEven === nul || nulEven === 0);
    return oneSide ? say('not_text_utf16') : say('not_text_nul', { label });
  }
  if (control / sample.length > MAX_CONTROL_SHARE) {
    return say('not_text_control', {
      percent: Math.round((100 * control) / sample.length),
      bytes: sample.length,
      label,
    });
  }
  return null;
}
