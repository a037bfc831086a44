/**
 * Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), and
 * otherwise GB18030, the superset of GBK that Excel writes for Chinese locales. A file that is not
 * valid UTF-8 is decoded as GB18030 (every byte sequence decodes there).
 */
import { nest, type Said, say } from '../common/messages.ts';
import { decoderFor } from './codepage.ts';
import type { Bytes } from './types.ts';

export interface DecodedText {
  text: string;
  /**
   * `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`, `string` (given as text), or for
   * XML the label its declaration names (`iso-8859-1`, `gbk`...).
   */
  encoding: string;
}

export function toUint8(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

export function decodeText(input: Bytes): DecodedText {
  if (typeof input === 'string') {
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, encoding: 'string' };
  }
  const b = toUint8(input);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b[0] === 0xff && b[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' };
  }
}

/** The first `n` characters of a byte file, decoded leniently (for sniffing). */
export function head(bytes: Uint8Array, n = 512): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, n)).replace(/^\uFEFF/, '');
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** The extension of a file name, lower-case with the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The encoding named by an XML declaration (`<?xml version="1.0" encoding="..."?>`), if any. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decl = new TextDecoder('latin1').decode(bytes.subarray(start, start + 200));
  const m = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(decl);
  return m ? (m[1] ?? null) : null;
}

/**
 * XML bytes to text: a BOM first, then the encoding its declaration names (any TextDecoder
 * label: ISO-8859-1, windows-1252, GBK, Big5, Shift_JIS...), then UTF-16 without a BOM, then as
 * `decodeText` (UTF-8, else GB18030). `warning` says when the encoding was guessed, or when the
 * declared one could not be used.
 */
export function decodeXml(input: Bytes): DecodedText & { warning?: Said } {
  if (typeof input === 'string') return decodeText(input);
  const b = toUint8(input);
  const hasBom =
    (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) ||
    (b[0] === 0xff && b[1] === 0xfe) ||
    (b[0] === 0xfe && b[1] === 0xff);
  if (hasBom) return decodeText(b);
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) {
    return { text: new TextDecoder('utf-16le').decode(b), encoding: 'utf-16le' };
  }
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) {
    return { text: new TextDecoder('utf-16be').decode(b), encoding: 'utf-16be' };
  }
  const declared = xmlDeclaredEncoding(b);
  if (declared) {
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      decoder = null;
    }
    if (decoder && decoder.encoding !== 'utf-8' && !/^utf-16/.test(decoder.encoding)) {
      return { text: decoderFor(declared)(b), encoding: declared.toLowerCase() };
    }
    if (decoder?.encoding === 'utf-8') {
      const out = decodeText(b);
      return out.encoding === 'gb18030'
        ? {
            ...out,
            warning: say('enc_utf8_invalid'),
          }
        : out;
    }
    const out = decodeText(b);
    const as = nest('as', out.encoding === 'gb18030' ? say('enc_as_gb18030') : 'UTF-8');
    return {
      ...out,
      warning: say(decoder ? 'enc_not_utf16' : 'enc_unknown', { declared, ...as }),
    };
  }
  const out = decodeText(b);
  return out.encoding === 'gb18030'
    ? {
        ...out,
        warning: say('enc_guessed'),
      }
    : out;
}
