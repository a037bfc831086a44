/**
 * Code pages of Shapefile attributes: the `.cpg` file's text (`UTF-8`, `936`, `CP936`,
 * `ANSI 936`, `GBK`, `8859-1`...) and the DBF header's language driver id (byte 29: 0x4D is
 * GBK, what ArcGIS and QGIS write in China) become a WHATWG TextDecoder label. When nothing says
 * which code page the bytes are in, `guessEncoding` decides from the bytes (UTF-8, else GBK when
 * the high bytes come in GB2312-like pairs, else windows-1252) and the caller warns.
 */

/** How a DBF's text is to be decoded: a TextDecoder label, or one of our own OEM tables. */
export interface CodePage {
  /** TextDecoder label (`utf-8`, `gbk`, `windows-1252`...) or `cp437` / `cp850` (own tables). */
  label: string;
  /** The Windows code page number or name, for messages (`936`, `UTF-8`, `852`...). */
  name: string;
  /** False when neither TextDecoder nor our tables can decode it (non-ASCII bytes are lost). */
  supported: boolean;
}

/** Windows code page number → TextDecoder label (the ones browsers and Node decode). */
const WINDOWS: Record<string, string> = {
  '65001': 'utf-8',
  '936': 'gbk',
  '54936': 'gb18030',
  '950': 'big5',
  '932': 'shift_jis',
  '949': 'euc-kr',
  '874': 'windows-874',
  '866': 'ibm866',
  '20866': 'koi8-r',
  '21866': 'koi8-u',
  '10000': 'macintosh',
  '10007': 'x-mac-cyrillic',
  '51932': 'euc-jp',
  '20932': 'euc-jp',
  '437': 'cp437',
  '850': 'cp850',
};
for (let n = 1250; n <= 1258; n++) WINDOWS[String(n)] = `windows-${n}`;
for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16]) {
  WINDOWS[String(28590 + n)] = `iso-8859-${n}`;
}

/** Names written in .cpg files other than numbers (upper case, without spaces, `-` or `_`). */
const NAMES: Record<string, string> = {
  UTF8: '65001',
  GBK: '936',
  GB2312: '936',
  EUCCN: '936',
  GB18030: '54936',
  BIG5: '950',
  BIG5HKSCS: '950',
  SJIS: '932',
  SHIFTJIS: '932',
  EUCKR: '949',
  KSC5601: '949',
  UHC: '949',
  EUCJP: '51932',
  KOI8R: '20866',
  KOI8U: '21866',
  LATIN1: '1252',
  MACROMAN: '10000',
};

const SHOWN: Record<string, string> = {
  '65001': 'UTF-8',
  '54936': 'GB18030',
  '1252': 'windows-1252',
};

function page(name: string): CodePage {
  const label = WINDOWS[name];
  return label
    ? { label, name: SHOWN[name] ?? name, supported: true }
    : { label: 'windows-1252', name, supported: false };
}

/**
 * The code page a `.cpg` names, or null when its text is not one (empty, `ANSI` alone, or an
 * HTML page saved under that name).
 */
export function codePageFromCpg(text: string): CodePage | null {
  const t = text
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase();
  if (t === '' || t.length > 40) return null;
  const key = t.replace(/[\s_-]/g, '');
  const iso = /^(?:ISO)?8859(\d{1,2})$/.exec(key);
  if (iso) {
    const n = Number(iso[1]);
    return WINDOWS[String(28590 + n)] ? page(String(28590 + n)) : null;
  }
  const num = /^(?:ANSI|CP|MS|WINDOWS|IBM|OEM|CODEPAGE)?(\d{3,5})$/.exec(key);
  if (num) return page(num[1] ?? '');
  const named = NAMES[key];
  return named ? page(named) : null;
}

/** ESRI / dBase language driver ids (DBF byte 29) → Windows code page. 0x57 is "ANSI". */
const LDID: Record<number, string> = {
  1: '437',
  2: '850',
  3: '1252',
  4: '10000',
  8: '865',
  9: '437',
  10: '850',
  11: '437',
  13: '437',
  14: '850',
  15: '437',
  16: '850',
  17: '437',
  18: '850',
  19: '932',
  20: '850',
  21: '437',
  22: '850',
  23: '865',
  24: '437',
  25: '437',
  26: '850',
  27: '437',
  28: '863',
  29: '850',
  31: '852',
  34: '852',
  35: '852',
  36: '860',
  37: '850',
  38: '866',
  55: '850',
  64: '852',
  77: '936',
  78: '949',
  79: '950',
  80: '874',
  88: '1252',
  89: '1252',
  100: '852',
  101: '866',
  102: '865',
  103: '861',
  106: '737',
  107: '857',
  108: '863',
  120: '950',
  121: '949',
  122: '936',
  123: '932',
  124: '874',
  125: '1255',
  126: '1256',
  134: '737',
  135: '852',
  136: '857',
  150: '10007',
  151: '10029',
  152: '10006',
  200: '1250',
  201: '1251',
  202: '1254',
  203: '1253',
  204: '1257',
};

/** The byte ESRI writes for "the ANSI code page of the computer that wrote the file". */
export const LDID_ANSI = 0x57;

/** The code page a DBF language driver id names, or null (0x00, 0x57 "ANSI", unknown ids). */
export function codePageFromLdid(ldid: number): CodePage | null {
  const name = LDID[ldid];
  return name ? page(name) : null;
}

/** The upper halves (0x80-0xFF) of the DOS code pages TextDecoder does not know. */
const OEM: Record<string, string> = {
  cp437:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  cp850:
    'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
};

/**
 * windows-1252 at 0x80-0x9F (WHATWG). Node 20's TextDecoder decodes windows-1252 (and so the
 * labels iso-8859-1, latin1, ascii) as Latin-1, giving C1 controls instead of € – “ ”, so we do
 * it ourselves.
 */
const WIN1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decode1252(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    s += b >= 0x80 && b < 0xa0 ? (WIN1252_C1[b - 0x80] ?? '') : String.fromCharCode(b);
  }
  return s;
}

/** A decoder for a code page label (TextDecoder's, or an OEM table). Never throws. */
export function decoderFor(label: string): (bytes: Uint8Array) => string {
  const table = OEM[label];
  if (table) {
    return (bytes) => {
      let s = '';
      for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : (table[b - 0x80] ?? '?');
      return s;
    };
  }
  let decoder: TextDecoder | null;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = null;
  }
  if (!decoder || decoder.encoding === 'windows-1252') return decode1252;
  const d = decoder;
  return (bytes) => d.decode(bytes);
}

/**
 * True when the bytes are valid UTF-8 (RFC 3629: no overlong forms, no surrogates), allowing a
 * sequence cut off at the end: fixed-width DBF fields often cut a multi-byte character in two.
 */
function validUtf8(c: Uint8Array): boolean {
  const n = c.length;
  let i = 0;
  while (i < n) {
    const b = c[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return false;
    for (let k = 1; k <= need; k++) {
      const x = c[i + k];
      if (x === undefined) return true; // cut off at the end of the field
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** True when every chunk is valid UTF-8 (a sequence cut off at a chunk's end is allowed). */
export function isUtf8(chunks: Iterable<Uint8Array>): boolean {
  for (const c of chunks) if (!validUtf8(c)) return false;
  return true;
}

/** True when no chunk has a byte above 0x7F. */
export function isAscii(chunks: Iterable<Uint8Array>): boolean {
  for (const c of chunks) for (const b of c) if (b > 0x7f) return false;
  return true;
}

/**
 * Chinese text in GBK is mostly GB2312 characters, two high bytes each (0xA1-0xFE); Latin text in
 * windows-1252 has its high bytes mostly alone between ASCII letters. True when most high bytes
 * pair up.
 */
export function looksLikeGbk(chunks: Iterable<Uint8Array>): boolean {
  let paired = 0;
  let alone = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      const b = c[i]!;
      if (b < 0x81) continue;
      const next = c[i + 1];
      if (next !== undefined && next >= 0x80 && next <= 0xfe) {
        paired++;
        i++;
      } else {
        alone++;
      }
    }
  }
  return paired > 0 && alone <= paired / 10;
}

/** An encoding for bytes nothing declares: UTF-8 when valid, else GBK-like pairs, else 1252. */
export function guessEncoding(chunks: Uint8Array[]): CodePage {
  if (isUtf8(chunks)) return page('65001');
  if (looksLikeGbk(chunks)) return { label: 'gb18030', name: 'GB18030', supported: true };
  return page('1252');
}
