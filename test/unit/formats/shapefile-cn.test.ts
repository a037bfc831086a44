/**
 * Shapefiles as Chinese GIS desktops write them (test/fixtures/formats/make-shapefile-cn.py:
 * GBK attributes 通州区 / 城市绿心森林公园, field 类型), KML/GPX in declared encodings
 * (make-xml-encodings.py), and the code page tables against the published ESRI/dBase values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  codePageFromCpg,
  codePageFromLdid,
  decoderFor,
  guessEncoding,
} from '../../../src/core/formats/codepage.ts';
import { loadFile } from '../../../src/core/formats/registry.ts';
import { FORMAT_FIXTURES } from './helpers.ts';

const load = (dir: string, file: string) =>
  loadFile(new Uint8Array(readFileSync(join(FORMAT_FIXTURES, dir, file))), file);

const WANT = [
  { ID: 1, NAME: '通州区', 类型: '行政区' },
  { ID: 2, NAME: '城市绿心森林公园', 类型: '公园' },
];
const GUESS_ADVICE =
  'add a .cpg file naming the code page (for example 936 for GBK) if names look wrong';

describe('Chinese Shapefiles: the code page of the attributes', () => {
  it.each(['cpg-936.zip', 'cpg-cp936.zip', 'cpg-ansi936.zip', 'ldid-4d.zip'])(
    '%s: GBK stated by .cpg alias or DBF language byte, read without a warning',
    async (file) => {
      const r = await load('shapefile-cn', file);
      expect(r.fatal).toBe(false);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.meta.encoding).toBe('gbk');
      expect(r.features!.features.map((f) => f.properties)).toEqual(WANT);
    },
  );

  it('no .cpg, language byte 0x00: GB18030 guessed from the bytes, and the warning names the file', async () => {
    const r = await load('shapefile-cn', 'ldid-00.zip');
    expect(r.features!.features.map((f) => f.properties)).toEqual(WANT);
    expect(r.warnings).toMatchObject([
      {
        field: 'zip',
        reason: `绿地.dbf: no .cpg and no code page in the DBF header (language byte 0x00); attributes read as GB18030, guessed from the bytes; ${GUESS_ADVICE}`,
      },
    ]);
  });

  it('no .cpg, language byte 0x57 ("ANSI"): guessed, and the warning says what ANSI means', async () => {
    const r = await load('shapefile-cn', 'ldid-57.zip');
    expect(r.features!.features.map((f) => f.properties)).toEqual(WANT);
    expect(r.warnings.map((w) => w.reason)).toEqual([
      `绿地.dbf: the code page is "ANSI" (DBF language byte 0x57: the system code page of the computer that wrote it, not stated) and there is no .cpg; attributes read as GB18030, guessed from the bytes; ${GUESS_ADVICE}`,
    ]);
  });

  it('.cpg "UTF-8" over GBK bytes: not believed, GB18030 guessed and said', async () => {
    const r = await load('shapefile-cn', 'cpg-utf8-gbk.zip');
    expect(r.features!.features.map((f) => f.properties)).toEqual(WANT);
    expect(r.warnings.map((w) => w.reason)).toEqual([
      '绿地.dbf: 绿地.cpg "UTF-8" says UTF-8 but the attributes are not valid UTF-8; read as GB18030, guessed from the bytes',
    ]);
  });
});

describe('Chinese Shapefiles: .prj and coordinates', () => {
  const ring = (r: Awaited<ReturnType<typeof load>>, i: number) =>
    (r.features!.features[i]!.geometry as Polygon).coordinates[0]!;

  it('a .prj holding HTML is ignored with a warning naming it; degrees kept', async () => {
    const r = await load('shapefile-cn', 'bad-prj.zip');
    expect(r.fatal).toBe(false);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.reason)).toEqual([
      '绿地.prj cannot be read as a projection (it starts "<!DOCTYPE html><html><head><ti…"); ignored: coordinates taken as they are',
    ]);
    expect(ring(r, 0)[0]).toEqual([116.6, 39.85]);
    expect(r.features!.features[1]!.properties).toEqual(WANT[1]);
  });

  it('a bad .prj over Web Mercator metres: recognised by the numbers and converted', async () => {
    const r = await load('shapefile-cn', 'bad-prj-mercator.zip');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.reason)).toEqual([
      '绿地.prj cannot be read as a projection (it starts "<!DOCTYPE html><html><head><ti…"); ignored: coordinates taken as they are',
      '绿地.shp: coordinates are in Web Mercator (EPSG:3857) metres, not degrees: converted to WGS84 longitude/latitude',
    ]);
    const [lon, lat] = ring(r, 1)[2]!;
    expect(lon).toBeCloseTo(116.72, 9);
    expect(lat).toBeCloseTo(39.88, 9);
  });

  it('a .prj naming Web Mercator (ESRI Auxiliary Sphere): converted and said', async () => {
    const r = await load('shapefile-cn', 'mercator-prj.zip');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.reason)).toEqual([
      '绿地.prj: coordinates are in Web Mercator (EPSG:3857) metres, not degrees: converted to WGS84 longitude/latitude',
    ]);
    const [lon, lat] = ring(r, 0)[0]!;
    expect(lon).toBeCloseTo(116.6, 9);
    expect(lat).toBeCloseTo(39.85, 9);
  });

  it('lon 180.0000019 is float noise: clamped to 180 with a count; lon 180.5 is still an error', async () => {
    const r = await load('shapefile-cn', 'float-noise.zip');
    expect(r.features!.features).toHaveLength(2);
    expect(ring(r, 0)[2]).toEqual([180, -15]);
    expect(ring(r, 0)[3]).toEqual([180, -16]);
    expect(r.warnings.map((w) => w.reason)).toEqual([
      '2 vertices in 1 feature lay just beyond ±180° longitude or ±90° latitude (by at most 0.0000019°, float rounding) and were moved onto the limit',
    ]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ feature: 1, field: 'geometry' });
    expect(r.errors[0]!.reason).toMatch(/^coordinate out of range \(lon 180\.5,/);
  });

  it('garbage after "PK" and a PNG named .zip get a plain message', async () => {
    const garbage = await load('shapefile-cn', 'garbage.zip');
    expect(garbage).toMatchObject({ fatal: true, format: 'shapefile' });
    expect(garbage.errors).toMatchObject([
      {
        field: 'zip',
        reason:
          'garbage.zip is not a zipped Shapefile: not a zip file, or a damaged one (no zip directory at its end)',
      },
    ]);
    const png = await load('shapefile-cn', 'not-a-zip.zip');
    expect(png.errors).toMatchObject([
      {
        field: 'zip',
        reason:
          'not-a-zip.zip is not a zipped Shapefile: not a zip file (zip the .shp with its .dbf, .prj and .cpg)',
      },
    ]);
  });
});

describe('KML and GPX: declared encodings and BOMs', () => {
  const name = async (file: string) => {
    const r = await load('xml-encodings', file);
    return { r, name: r.features!.features[0]!.properties?.name };
  };

  it.each([
    ['latin1.kml', 'Café Zürich', 'iso-8859-1'],
    ['gbk.kml', '城市绿心森林公园', 'gbk'],
    ['windows-1252.gpx', 'Crème brûlée – 5€', 'windows-1252'],
    ['utf16.gpx', '通州区', 'utf-16le'],
  ])('%s reads as %s (%s), no warning', async (file, want, encoding) => {
    const { r, name: got } = await name(file);
    expect(got).toBe(want);
    expect(r.meta.encoding).toBe(encoding);
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('recognised by content too (a UTF-16 GPX, a Latin-1 KML, with no extension)', async () => {
    const bytes = (f: string) =>
      new Uint8Array(readFileSync(join(FORMAT_FIXTURES, 'xml-encodings', f)));
    expect((await loadFile(bytes('utf16.gpx'), 'upload')).format).toBe('gpx');
    expect((await loadFile(bytes('latin1.kml'), 'upload')).format).toBe('kml');
  });

  it('declared UTF-8 over GBK bytes: GB18030 guessed, and said', async () => {
    const gbk = [0xcd, 0xa8, 0xd6, 0xdd, 0xc7, 0xf8];
    const text = (s: string) => [...new TextEncoder().encode(s)];
    const bytes = new Uint8Array([
      ...text('<?xml version="1.0" encoding="UTF-8"?><kml><Placemark><name>'),
      ...gbk,
      ...text('</name><Point><coordinates>116.65,39.9</coordinates></Point></Placemark></kml>'),
    ]);
    const r = await loadFile(bytes, 'mislabelled.kml');
    expect(r.features!.features[0]!.properties?.name).toBe('通州区');
    expect(r.warnings).toMatchObject([
      {
        field: 'encoding',
        reason:
          'mislabelled.kml: declared UTF-8 but is not valid UTF-8; read as GB18030, guessed from the bytes',
      },
    ]);
  });

  it('no declaration and GBK bytes: GB18030 guessed, with a warning naming the file', async () => {
    const { r, name: got } = await name('undeclared-gbk.kml');
    expect(got).toBe('通州区');
    expect(r.warnings).toMatchObject([
      {
        field: 'encoding',
        reason:
          'undeclared-gbk.kml: not UTF-8 and no encoding declared; read as GB18030, guessed from the bytes',
      },
    ]);
  });
});

describe('code page tables', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['65001', 'utf-8'],
    ['936', 'gbk'],
    ['CP936', 'gbk'],
    ['ANSI 936', 'gbk'],
    ['GBK', 'gbk'],
    ['GB2312', 'gbk'],
    ['GB18030', 'gb18030'],
    ['950', 'big5'],
    ['Big5', 'big5'],
    ['932', 'shift_jis'],
    ['Shift_JIS', 'shift_jis'],
    ['949', 'euc-kr'],
    ['1252', 'windows-1252'],
    ['ANSI 1252', 'windows-1252'],
    ['ANSI 1250\n', 'windows-1250'],
    ['8859-1', 'iso-8859-1'],
    ['ISO-8859-2', 'iso-8859-2'],
    ['88595', 'iso-8859-5'],
    ['866', 'ibm866'],
    ['437', 'cp437'],
  ])('.cpg %j → %s', (text, label) => {
    expect(codePageFromCpg(text)?.label).toBe(label);
  });

  it('.cpg texts that are not code pages', () => {
    expect(codePageFromCpg('')).toBeNull();
    expect(codePageFromCpg('ANSI')).toBeNull();
    expect(codePageFromCpg('<!DOCTYPE html><html>')).toBeNull();
  });

  it.each([
    [0x4d, 'gbk'],
    [0x7a, 'gbk'],
    [0x4e, 'euc-kr'],
    [0x79, 'euc-kr'],
    [0x4f, 'big5'],
    [0x78, 'big5'],
    [0x13, 'shift_jis'],
    [0x7b, 'shift_jis'],
    [0x01, 'cp437'],
    [0x02, 'cp850'],
    [0x03, 'windows-1252'],
    [0x57, undefined],
    [0x00, undefined],
    [0xc8, 'windows-1250'],
    [0xc9, 'windows-1251'],
    [0x26, 'ibm866'],
  ])('DBF language byte 0x%s', (ldid, label) => {
    expect(codePageFromLdid(ldid)?.label).toBe(label);
  });

  it('decoders: cp437 box drawing, windows-1252 C1 range (€ – “”)', () => {
    expect(decoderFor('cp437')(new Uint8Array([0x82, 0xc9, 0xcd, 0xbb]))).toBe('é╔═╗');
    expect(decoderFor('windows-1252')(new Uint8Array([0x80, 0x96, 0x93, 0x94, 0xe9]))).toBe(
      '€–“”é',
    );
    expect(decoderFor('gbk')(new Uint8Array([0xcd, 0xa8, 0xd6, 0xdd, 0xc7, 0xf8]))).toBe('通州区');
  });

  it('guessing: UTF-8, GBK pairs, Latin-1 letters', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(guessEncoding([enc('Hněvošický háj')]).label).toBe('utf-8');
    expect(guessEncoding([new Uint8Array([0xcd, 0xa8, 0xd6, 0xdd, 0xc7, 0xf8])]).label).toBe(
      'gb18030',
    );
    // "Réunion", "Côte d'Ivoire" in windows-1252.
    const latin = [
      new Uint8Array([0x52, 0xe9, 0x75, 0x6e, 0x69, 0x6f, 0x6e]),
      new Uint8Array([0x43, 0xf4, 0x74, 0x65]),
    ];
    expect(guessEncoding(latin).label).toBe('windows-1252');
  });
});
