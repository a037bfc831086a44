/** Binary files refused before the text loaders see them; UTF-16 with a BOM still read. */
import { describe, expect, it } from 'vitest';
import { loadFile, notTextReason } from '../../../src/core/formats/index.ts';
import { fixtureBytes } from './helpers.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];

/** Bytes of a text in UTF-16LE with its BOM (Excel's "Unicode text"). */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = c & 0xff;
    out[3 + 2 * i] = c >> 8;
  }
  return out;
}

describe('binary files named as text', () => {
  it('random binary bytes named .csv: "not a text file", no column picker', async () => {
    // A deterministic pseudo-random byte stream (with NULs), as a binary export would be.
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      bytes[i] = x >> 16;
    }
    const r = await loadFile(bytes, 'data.csv');
    expect(r.fatal).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.reason).toMatch(/^not a text file: /);
    expect(r.meta.columns).toBeUndefined();
  });

  it('a PNG named .csv is named as a PNG image', async () => {
    const r = await loadFile(new Uint8Array([...PNG, ...new Array(64).fill(0x41)]), 'map.csv');
    expect(r.fatal).toBe(true);
    expect(r.errors[0]).toMatchObject({
      field: 'file',
      reason: 'not a text file: this is a PNG image, not CSV',
    });
  });

  it('an .xlsx workbook named .csv is named as one, with the fix', async () => {
    const r = await loadFile(fixtureBytes('points.xlsx'), 'points.csv');
    expect(r.errors[0]!.reason).toBe(
      'not a text file: this is an Excel workbook (.xlsx), not CSV: rename it .xlsx to import its first sheet',
    );
  });

  it('a zipped Shapefile named .geojson, a PDF named .kml, an .xls named .gpx', async () => {
    const zip = await loadFile(fixtureBytes('parcels.zip'), 'parcels.geojson');
    expect(zip.errors[0]!.reason).toMatch(
      /^not a text file: this is a zip file \(a zipped Shapefile\?\), not GeoJSON/,
    );
    const pdf = await loadFile(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), 'a.kml');
    expect(pdf.errors[0]!.reason).toBe('not a text file: this is a PDF document, not KML');
    const xls = await loadFile(fixtureBytes('points.xls'), 'a.gpx');
    expect(xls.errors[0]!.reason).toBe(
      'not a text file: this is an old Office file (.xls or .doc), not GPX',
    );
  });

  it('UTF-16LE with a BOM still loads (its ASCII has a NUL every other byte)', async () => {
    const r = await loadFile(utf16le('name\tlon\tlat\r\n北京\t116.4\t39.9\r\n'), 'unicode.txt');
    expect(r.fatal).toBe(false);
    expect(r.meta.encoding).toBe('utf-16le');
    expect(r.points!.properties[0]!.name).toBe('北京');
    expect(r.points!.lons[0]).toBe(116.4);
  });

  it('UTF-16LE without a BOM: named as such, not as garbage', () => {
    const bytes = utf16le('name,lon,lat\r\nA,116.4,39.9\r\n').subarray(2);
    expect(notTextReason(bytes, 'CSV')).toMatch(/looks like UTF-16 text without a byte-order mark/);
  });

  it('text of every kind we read is never refused: UTF-8, UTF-8 BOM, GBK, a form feed', () => {
    for (const f of [
      'points-utf8-bom.csv',
      'points-gbk.csv',
      'points-semicolon.csv',
      'places.kml',
    ]) {
      expect(notTextReason(fixtureBytes(f), 'CSV')).toBeNull();
    }
    expect(notTextReason(new TextEncoder().encode('a,b\f\n1,2\n'), 'CSV')).toBeNull();
    expect(notTextReason(new Uint8Array(0), 'CSV')).toBeNull();
  });

  it('many control characters (but no NUL) are binary too', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(notTextReason(bytes, 'CSV')).toBe(
      'not a text file: 34% of its first 200 bytes are control characters (binary data), not CSV',
    );
  });
});
