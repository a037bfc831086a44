/**
 * CSV files from the wild: PapaParse's own edge cases read as its authors expect, and the
 * reproduced failures of issue 9 (a `"` in a header with `;` or tab, blank first lines, Web
 * Mercator x/y columns, a file whose every row is bad).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, loadCsv, loadFile } from '../../../src/core/formats/index.ts';

const WILD = join(import.meta.dirname, '../../fixtures/wild/papaparse');

interface Case {
  file: string;
  description: string;
  line?: number;
  expected: string[][];
}

const cases = JSON.parse(readFileSync(join(WILD, 'cases.json'), 'utf8')) as Case[];
const isBlank = (row: string[]) => row.every((v) => v.trim() === '');

describe("PapaParse's own test cases, as files", () => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
    const bytes = new Uint8Array(readFileSync(join(WILD, file)));
    // None of these tables has coordinates: the loader stops at "no coordinate columns" and
    // returns what it read: the header (trimmed, by design) and the first data rows.
    const r = loadCsv(bytes, file);
    expect(r.fatal).toBe(true);
    expect(r.errors[0]!.reason).toMatch(/^no coordinate columns found/);
    // Blank lines before the header are skipped (PapaParse returns them as rows [''])...
    const expected = c.expected.slice(c.expected.findIndex((row) => !isBlank(row)));
    expect(r.meta.columns).toEqual(expected[0]!.map((h) => h.trim()));
    // ...and so are blank rows after it.
    expect(r.meta.preview).toEqual(expected.slice(1).filter((row) => !isBlank(row)));
  });

  it('the blank line at the beginning is reported: the header is on line 2', () => {
    const r = loadCsv(readFileSync(join(WILD, 'blank-line-at-beginning.csv')), 'x.csv');
    expect(r.meta.headerLine).toBe(2);
    expect(r.meta.columns).toEqual(['a', 'b', 'c']);
  });

  it('the delimiters PapaParse guesses in its own tests', () => {
    const delimiter = (file: string) =>
      loadCsv(readFileSync(join(WILD, file)), file).meta.delimiter;
    expect(delimiter('pipe-mixed-with-commas.csv')).toBe('|');
    expect(delimiter('comma-min-delta.csv')).toBe(',');
    expect(delimiter('semicolon-quoted-first-field.csv')).toBe(';');
    expect(delimiter('semicolon-escaped-quotes.csv')).toBe(';');
    expect(delimiter('tab.tsv')).toBe('\t');
    expect(delimiter('pipe.csv')).toBe('|');
    // "Should still correctly guess default delimiters when delimiters to guess are not given."
    expect(detectDelimiter('"A","B","C","D"')).toBe(',');
  });

  it('the UTF-8 BOM of utf-8-bom-sample.csv is not part of the first header', () => {
    const r = loadCsv(readFileSync(join(WILD, 'utf-8-bom-sample.csv')), 'x.csv');
    expect(r.meta.encoding).toBe('utf-8-bom');
    expect(r.meta.columns![0]).toBe('A');
  });
});

const enc = (s: string) => new TextEncoder().encode(s);

describe('a " inside a header field (issue 9)', () => {
  it.each([
    [';', 'name;"lon";lat;note "x"\nA;116.4;39.9;ok\nB;121.5;29.8;ok\n'],
    ['\t', 'name\t"lon"\tlat\tnote "x"\nA\t116.4\t39.9\tok\nB\t121.5\t29.8\tok\n'],
    [';', 'na"me;lon;lat\nA;116,4;39,9\nB;121,5;29,8\n'],
  ])('delimiter %j is still found and the points read', async (delimiter, text) => {
    const r = await loadFile(enc(text), 'quoted.csv');
    expect(r.fatal).toBe(false);
    expect(r.meta.delimiter).toBe(delimiter);
    expect(Array.from(r.points!.lons)).toEqual([116.4, 121.5]);
    expect(Array.from(r.points!.lats)).toEqual([39.9, 29.8]);
    expect(r.errors).toEqual([]);
  });
});

describe('blank lines before the header (issue 9)', () => {
  it('are skipped; the header line is named; rows keep their data-row numbers', async () => {
    const r = await loadFile(enc('\n\r\n  \nname,lon,lat\nA,116.4,39.9\nB,121.5,x\n'), 'b.csv');
    expect(r.fatal).toBe(false);
    expect(r.meta.headerLine).toBe(4);
    expect(r.warnings[0]!.reason).toBe('the header is on line 4 (3 blank lines before it skipped)');
    expect(Array.from(r.points!.rows)).toEqual([1]);
    expect(r.errors).toMatchObject([{ row: 2, field: 'lat', reason: 'not a number: "x"' }]);
  });

  it('lines of delimiters only (how Excel saves empty rows) count as blank', async () => {
    const r = await loadFile(enc(';;\n;;\nname;lon;lat\nA;116.4;39.9\n'), 'e.csv');
    expect(r.meta.delimiter).toBe(';');
    expect(r.meta.headerLine).toBe(3);
    expect(r.points!.lons[0]).toBe(116.4);
  });

  it('a file of blank lines only is still "empty file"', async () => {
    const r = await loadFile(enc('\n\n  \n'), 'e.csv');
    expect(r.fatal).toBe(true);
    expect(r.errors[0]!.reason).toBe('empty file: no header row');
  });
});

describe('x/y columns in Web Mercator metres', () => {
  it('are recognised and converted, with the note, instead of every row out of range', async () => {
    // Points in eastern and central China in EPSG:3857 metres.
    const text = 'name,x,y\nA,13363000,3787000\nB,12128000,4040000\nC,13531000,3487000\n';
    const r = await loadFile(enc(text), 'merc.csv');
    expect(r.fatal).toBe(false);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.reason)).toContain(
      'coordinates are in Web Mercator (EPSG:3857) metres, not degrees: converted to WGS84 longitude/latitude',
    );
    // Checked in Python: lon = x / 6378137 · 180/π; lat = (2·atan(exp(y / 6378137)) − π/2) · 180/π.
    expect(r.points!.lons[0]).toBeCloseTo(120.041871, 6);
    expect(r.points!.lats[0]).toBeCloseTo(32.180291, 6);
    expect(r.points!.lons[1]).toBeCloseTo(108.947678, 6);
    expect(r.points!.lats[1]).toBeCloseTo(34.083355, 6);
  });

  it('swapped degree columns are not taken for metres (the swap hint stays)', async () => {
    const r = await loadFile(enc('lon,lat\n39.9,116.4\n29.8,121.5\n'), 's.csv');
    expect(r.fatal).toBe(true);
    expect(r.errors[1]!.reason).toMatch(/are the longitude and latitude columns swapped\?/);
  });
});

describe('no usable row (issue 9)', () => {
  it('is fatal, with the count and the first problem; the row problems follow', async () => {
    const r = await loadFile(enc('name,lon,lat\nA,,39.9\nB,abc,29.8\n'), 'bad.csv');
    expect(r.fatal).toBe(true);
    expect(r.errors[0]).toMatchObject({
      field: 'file',
      reason: 'no usable row: 2 rows, all with problems (first: row 1, lon: blank)',
    });
    expect(r.errors.slice(1)).toMatchObject([
      { row: 1, field: 'lon', reason: 'blank' },
      { row: 2, field: 'lon', reason: 'not a number: "abc"' },
    ]);
  });
});
