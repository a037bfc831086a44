/**
 * The side files of a Shapefile layer: which code page its .dbf is in (.cpg, else the DBF
 * language byte, else guessed from the bytes with a warning) and whether its .prj can be used
 * (a .prj that is not WKT, or that proj4 cannot read, is ignored with a warning naming it).
 */

import { nest, type Said, say } from '../common/messages.ts';
import {
  type CodePage,
  codePageFromCpg,
  codePageFromLdid,
  decoderFor,
  guessEncoding,
  isAscii,
  isUtf8,
  LDID_ANSI,
} from './codepage.ts';
import { type DbfTable, textChunks } from './dbf.ts';
import { isWebMercatorName } from './mercator.ts';

export interface Encoding {
  /** TextDecoder label (or cp437/cp850) used. */
  label: string;
  decode: (b: Uint8Array) => string;
  warnings: Said[];
}

const hex = (n: number) => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
const short = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
};

/** The code page of a DBF, from its .cpg text (when there is one) and its header. */
export function dbfEncoding(
  dbfName: string,
  table: DbfTable,
  cpg?: { name: string; text: string },
): Encoding {
  const warnings: Said[] = [];
  let cp: CodePage | null = null;
  let source: Said = say('shp_source_ldid', { byte: hex(table.ldid) });
  if (cpg) {
    cp = codePageFromCpg(cpg.text);
    if (cp) source = say('shp_source_cpg', { cpg: cpg.name, text: cpg.text.trim() });
    else warnings.push(say('shp_cpg_not_code_page', { cpg: cpg.name, text: short(cpg.text) }));
  }
  if (!cp) cp = codePageFromLdid(table.ldid);
  const chunks = [...textChunks(table)];
  const use = (page: CodePage): Encoding => ({
    label: page.label,
    decode: decoderFor(page.label),
    warnings,
  });
  if (isAscii(chunks))
    return use(cp?.supported ? cp : { label: 'utf-8', name: 'UTF-8', supported: true });
  if (cp && !cp.supported) {
    warnings.push(
      say('shp_code_page_unsupported', { dbf: dbfName, page: cp.name, ...nest('source', source) }),
    );
    return use({ label: 'windows-1252', name: 'windows-1252', supported: true });
  }
  if (cp && cp.label === 'utf-8' && !isUtf8(chunks)) {
    const g = guessEncoding(chunks);
    warnings.push(
      say('shp_utf8_invalid', { dbf: dbfName, ...nest('source', source), encoding: g.name }),
    );
    return use(g);
  }
  if (cp) return use(cp);
  const g = guessEncoding(chunks);
  warnings.push(
    table.ldid === LDID_ANSI
      ? say('shp_ansi_guessed', { dbf: dbfName, encoding: g.name })
      : say(cpg ? 'shp_code_page_guessed_bad_cpg' : 'shp_code_page_guessed', {
          dbf: dbfName,
          byte: hex(table.ldid),
          encoding: g.name,
        }),
  );
  return use(g);
}

export type PrjUse =
  /** Pass this WKT to shpjs/proj4. */
  | { kind: 'proj4'; wkt: string }
  /** Web Mercator by name: convert with our own spherical formula. */
  | { kind: 'mercator' }
  /** Geographic or unusable: coordinates as they are. */
  | { kind: 'none'; warning?: Said };

const WKT_ROOT =
  /^(PROJCS|GEOGCS|GEOCCS|COMPD_CS|LOCAL_CS|VERT_CS|PROJCRS|GEOGCRS|GEODCRS|BOUNDCRS|COMPOUNDCRS|PROJECTEDCRS|GEODETICCRS)\s*\[/i;

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0 && !quoted;
}

/** A .shp of one point (x, y), to see whether proj4 reads a projection. */
function probeShp(x: number, y: number): DataView {
  const view = new DataView(new ArrayBuffer(128));
  view.setInt32(0, 9994);
  view.setInt32(24, 64);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 1, true);
  view.setInt32(100, 1);
  view.setInt32(104, 10);
  view.setInt32(108, 1, true);
  view.setFloat64(112, x, true);
  view.setFloat64(120, y, true);
  return view;
}

type ParseShp = (shp: DataView, prj?: string) => Array<object | null>;

/** How to use a layer's .prj (absent: none). */
export function prjUse(prjName: string, text: string, parseShp: ParseShp): PrjUse {
  const wkt = text.replace(/^\uFEFF/, '').trim();
  if (!WKT_ROOT.test(wkt) || !balanced(wkt)) {
    return {
      kind: 'none',
      warning: say('shp_prj_unreadable', { prj: prjName, start: short(wkt) }),
    };
  }
  if (isWebMercatorName(wkt)) return { kind: 'mercator' };
  if (/^GEOG(CS|CRS)/i.test(wkt)) {
    // WGS84 longitude/latitude already: taken as is (proj4 would add rounding noise, 15 → 14.999…).
    if (/DATUM\s*\[\s*"(D_)?WGS[ _]?(19)?84"/i.test(wkt)) return { kind: 'none' };
    return { kind: 'proj4', wkt };
  }
  // A projected CRS: proj4 (inside shpjs) must move a probe point, else it could not read it.
  const first = parseShp(probeShp(500000, 4000000), wkt)[0];
  const probe = first && 'coordinates' in first ? first.coordinates : undefined;
  const moved = Array.isArray(probe) && (probe[0] !== 500000 || probe[1] !== 4000000);
  if (!moved) return { kind: 'none', warning: say('shp_prj_unknown', { prj: prjName }) };
  return { kind: 'proj4', wkt };
}
