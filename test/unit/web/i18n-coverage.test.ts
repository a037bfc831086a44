/**
 * Every problem the file readers produce carries a code with a Chinese template, so the app never
 * shows an English reason in its Chinese UI: every fixture file is loaded (also under a wrong
 * extension, and a spreadsheet with a sheet it lacks), written out as RFC 7946, and each error,
 * warning and note is checked, down to the messages nested inside it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPolygonal } from '../../../src/core/analytics/validate.ts';
import type { MessageParams } from '../../../src/core/common/messages.ts';
import type { Problem } from '../../../src/core/common/problem.ts';
import { loadFile } from '../../../src/core/formats/index.ts';
import { resultToRfc7946, toRfc7946 } from '../../../src/core/formats/rfc7946-write.ts';
import { readZip } from '../../../src/core/formats/zip.ts';
import { parseInitiativesCsv } from '../../../src/core/ledger/validate.ts';
import { parseWorkspace } from '../../../src/core/workspace/model.ts';
import { checkRegions } from '../../../src/core/workspace/region-repair.ts';
import { PROBLEM_ZH, reasonZh } from '../../../src/web/i18n/problems.ts';

const ROOT = join(import.meta.dirname, '../../fixtures');
const READ = /\.(csv|tsv|txt|geojson|json|kml|gpx|zip|xlsx|xls|ods|shp|dbf)$/i;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (READ.test(name)) yield path;
  }
}

/** What is wrong with one problem's coding, or null when the app can word all of it in Chinese. */
function uncoded(p: Problem): string | null {
  if (p.code === undefined) return 'no code';
  if (!(p.code in PROBLEM_ZH)) return `code ${p.code} has no zh template`;
  for (const [k, v] of Object.entries(p.params ?? ({} as MessageParams))) {
    if (k.endsWith(':code') && !(String(v) in PROBLEM_ZH)) return `nested ${k}=${v} unknown`;
  }
  const zh = reasonZh(p.code, p.params);
  if (zh === null || /\{\w+\}/.test(zh)) return `zh template left unfilled: ${zh}`;
  return null;
}

const text = (s: string) => new TextEncoder().encode(s);

/** A zip of stored (uncompressed) entries. */
function zip(entries: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = text(name);
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const c = new Uint8Array(46 + n.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    c.set(n, 46);
    parts.push(local, data);
    central.push(c);
    offset += local.length + data.length;
  }
  const size = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + size + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Inputs the fixtures do not have, each meant to make the readers say something. */
async function madeUp(): Promise<Array<[string, Uint8Array | string, Record<string, unknown>]>> {
  const parcels = readZip(new Uint8Array(readFileSync(join(ROOT, 'formats/parcels.zip'))));
  const layer = await Promise.all(parcels.map(async (e) => [e.name, await e.read()] as const));
  const part = (ext: string) => layer.find(([n]) => n.endsWith(ext))![1];
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const fc = (extra: string, geometry: string) =>
    `{"type":"FeatureCollection"${extra},"features":[{"type":"Feature","properties":{},"geometry":${geometry}}]}`;
  const pt = '{"type":"Point","coordinates":[116.4,39.9]}';
  return [
    ['empty.zip', zip([]), {}],
    ['readme.zip', zip([['readme.txt', text('hi')]]), {}],
    [
      'two.zip',
      zip([
        ['a.shp', part('.shp')],
        ['a.shx', part('.shx')],
        ['a.dbf', text('short')],
        ['b.shp', part('.shp')],
        ['c.shp', text('not a shapefile at all, not at all, no, not one bit of it')],
        ['d.shp', part('.shp')],
        ['d.dbf', part('.dbf')],
        ['d.cpg', text('no such code page')],
        ['d.prj', text('nonsense')],
      ]),
      {},
    ],
    ['text.zip', 'not bytes', {}],
    ['text.xlsx', 'not bytes', {}],
    ['png.csv', new Uint8Array([...png, ...new Array(64).fill(0x41)]), {}],
    ['utf16.csv', new Uint8Array([...text('lon,lat\n1,2\n')].flatMap((b) => [b, 0])), {}],
    ['control.csv', new Uint8Array(200).fill(1), {}],
    ['x.csv', text('lon,lat\n1,2\n'), { format: 'nope' }],
    ['headers.csv', text('\n\nlon,lat,,lat\n116,39,a,b\n1,2\n"open'), { idField: 'ref' }],
    ['near.geojson', text(fc(',"crs":{"type":"name","properties":{"name":"EPSG:4490"}}', pt)), {}],
    ['far.geojson', text(fc(',"crs":{"type":"name","properties":{"name":"EPSG:32650"}}', pt)), {}],
    [
      'merc.geojson',
      text(
        fc(
          ',"crs":{"type":"name","properties":{"name":"EPSG:3857"}}',
          '{"type":"Point","coordinates":[12958000,4852000]}',
        ),
      ),
      {},
    ],
    [
      'member.geojson',
      text(fc('', '{"type":"GeometryCollection","geometries":[{"type":"Point"}]}')),
      {},
    ],
    ['enc.kml', text('<?xml version="1.0" encoding="x-nope"?><kml><Document/></kml>'), {}],
    ['root.kml', text('<?xml version="1.0"?><gpx></gpx>'), {}],
    ['broken.gpx', text('<?xml version="1.0"?><gpx><trk></gpx>'), {}],
  ];
}

describe('every problem the readers report has a code and a Chinese template', () => {
  it('over all fixture files (as named, and renamed to formats they are not)', async () => {
    const bad: string[] = [];
    const seen = new Set<string>();
    let problems = 0;
    const check = (file: string, list: readonly Problem[]) => {
      for (const p of list) {
        problems++;
        if (p.code) seen.add(p.code);
        for (const [k, v] of Object.entries(p.params ?? {}))
          if (k.endsWith(':code')) seen.add(`${v}`);
        const why = uncoded(p);
        if (why) bad.push(`${file}: ${why}: ${p.reason}`);
      }
    };
    const paths = [...files(ROOT)];
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) {
      const bytes = new Uint8Array(readFileSync(path));
      const name = path.slice(ROOT.length + 1);
      const tries: Array<[string, Record<string, unknown>]> = [[name, {}]];
      // Renamed: a binary file read as CSV, a text file read as a zipped Shapefile or a workbook.
      tries.push([`${name}.csv`, {}], [`${name}.zip`, {}], [`${name}.xlsx`, {}]);
      if (/\.xlsx?$/.test(name)) tries.push([name, { sheet: 'no such sheet' }]);
      for (const [as, options] of tries) {
        const r = await loadFile(bytes, as, options);
        check(as, r.errors);
        check(as, r.warnings);
        if (!r.fatal) {
          const out = resultToRfc7946(r);
          check(`${as} (RFC 7946)`, out.warnings);
          check(`${as} (RFC 7946)`, out.dropped);
        }
      }
    }
    for (const [as, bytes, options] of await madeUp()) {
      const r = await loadFile(bytes, as, options);
      check(as, r.errors);
      check(as, r.warnings);
    }
    const written = toRfc7946([
      {
        type: 'Feature',
        id: [1] as never,
        bbox: [0, 0, 1],
        crs: {},
        coordinates: [],
        properties: 5 as never,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0, 0, 9],
              [1, 0],
              [1, 1],
            ],
          ],
        },
      } as never,
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 0]] } },
    ]);
    check('written', [...written.warnings, ...written.dropped]);
    check('workspace', parseWorkspace({ regions: [1], layers: [{}] }).problems);
    const bowTie = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    check('regions', checkRegions([{ id: 'r', name: 'r', geometry: bowTie } as never], []).notes);
    expect(bad).toEqual([]);
    // The check saw a fair share of the catalogue (not a run where nothing was reported).
    expect(problems).toBeGreaterThan(200);
    expect(seen.size).toBeGreaterThan(80);
  }, 240_000);
});

describe('ledger checks and analytics reasons are coded too', () => {
  it('the ledger fixtures (data:check) and every analytics input, with and without repair', () => {
    const bad: string[] = [];
    let seen = 0;
    const check = (where: string, list: readonly Problem[]) => {
      for (const p of list) {
        seen++;
        const why = uncoded(p);
        if (why) bad.push(`${where}: ${why}: ${p.reason}`);
      }
    };
    for (const name of readdirSync(join(ROOT, 'data')).filter((n) => n.endsWith('.csv'))) {
      const csv = readFileSync(join(ROOT, 'data', name), 'utf8');
      check(name, parseInitiativesCsv(csv, { cityIds: new Set(['tongzhou']) }, name).issues);
    }
    for (const name of readdirSync(join(ROOT, 'in')).filter((n) => n.endsWith('.geojson'))) {
      const fc = JSON.parse(readFileSync(join(ROOT, 'in', name), 'utf8')) as never;
      for (const repair of [true, false]) {
        const r = readPolygonal(fc, { repair });
        check(`${name} (repair ${repair})`, [...r.skipped, ...r.repaired]);
      }
    }
    expect(bad).toEqual([]);
    expect(seen).toBeGreaterThan(20);
  });
});
