/**
 * togeojson's own KML and GPX test files, read through our registry, against the output their
 * authors publish (the Vitest snapshot of `tj.kml(dom)` / `tj.gpx(dom)`, copied from
 * placemark/togeojson; see test/fixtures/wild/togeojson/README.md). Every feature is kept in
 * place; a feature we cannot use must be listed in `errors`, never dropped in silence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../src/core/formats/registry.ts';

const DIR = join(import.meta.dirname, '../../fixtures/wild/togeojson');

interface Expected {
  type: string;
  features: Array<{ geometry: unknown; properties: Record<string, unknown> }>;
}

/** The snapshot file's entries (`exports[...] = \`...\``), pretty-format turned into JSON. */
function snapshots(): Map<string, Expected> {
  const text = readFileSync(join(DIR, 'index.test.ts.snap'), 'utf8');
  const entries: Record<string, string> = {};
  // The snapshot file is a CommonJS module of template literals.
  new Function('exports', text)(entries);
  const out = new Map<string, Expected>();
  for (const [key, value] of Object.entries(entries)) {
    const file = /> (.+) 1$/.exec(key)?.[1];
    if (!file) continue;
    let json = '';
    let inString = false;
    for (const ch of value) {
      if (ch === '"') inString = !inString;
      if (inString && ch === '\n') json += '\\n';
      else if (inString && ch === '\t') json += '\\t';
      else if (inString && ch === '\r') json += '\\r';
      else if (inString && ch === '\\') json += '\\\\';
      else json += ch;
    }
    out.set(file, JSON.parse(json.replace(/,(\s*[\]}])/g, '$1')) as Expected);
  }
  return out;
}

/** Deep equality with numbers compared to 1e-6. */
function close(a: unknown, b: unknown, at = ''): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-6 ? null : `${at}: ${a} != ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: length ${a.length} != ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const e = close(a[i], b[i], `${at}[${i}]`);
      if (e) return e;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const e = close(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${at}.${k}`,
      );
      if (e) return e;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${at}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
}

/**
 * Where the installed togeojson (7.1.3) differs from the snapshot (7.1.2): in addresses.kml a
 * MultiGeometry of a Point without coordinates and a 2-vertex LineString is now read as that
 * LineString, where 7.1.2 gave a Point at its first vertex.
 */
const NEWER_TOGEOJSON: Record<string, number[]> = { 'addresses.kml': [1, 13] };

const expected = snapshots();
const files = readdirSync(DIR).filter((f) => /\.(kml|gpx)$/.test(f));

describe('togeojson test files through loadFile', () => {
  it('has the authors’ expected output for every file it brings', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) expect(expected.has(f), f).toBe(true);
  });

  for (const file of files) {
    it(file, async () => {
      const want = expected.get(file)!;
      const r = await loadFile(new Uint8Array(readFileSync(join(DIR, file))), file);
      expect(r.format).toBe(file.endsWith('.kml') ? 'kml' : 'gpx');
      const got = r.features?.features ?? [];
      expect(got).toHaveLength(want.features.length);
      const reported = new Set(
        r.errors.flatMap((e) => (e.feature === undefined ? [] : [e.feature])),
      );
      // Fatal only when no feature can be used, and then every one is reported.
      if (r.fatal) expect(reported.size, JSON.stringify(r.errors)).toBe(got.length);
      want.features.forEach((w, i) => {
        const g = got[i]!;
        expect(close(g.properties ?? {}, w.properties), `${file} feature ${i} properties`).toBe(
          null,
        );
        if (w.geometry === null)
          expect(reported.has(i), `${file} feature ${i} reported`).toBe(true);
        if (reported.has(i)) return; // unusable geometry, and said so
        if (NEWER_TOGEOJSON[file]?.includes(i)) {
          const line = g.geometry as { type: string; coordinates: number[][] };
          expect(line.type).toBe('LineString');
          expect(
            close(line.coordinates[0], (w.geometry as { coordinates: number[] }).coordinates),
          ).toBe(null);
          return;
        }
        expect(close(g.geometry, w.geometry), `${file} feature ${i} geometry`).toBe(null);
      });
    });
  }

  it('only features without a usable geometry are reported, each by position', async () => {
    const read = async (f: string) =>
      loadFile(new Uint8Array(readFileSync(join(DIR, f))), f).then((r) =>
        r.errors.filter((e) => e.field !== 'file'),
      );
    // null_geometry.kml: one Placemark with no geometry at all.
    expect(await read('null_geometry.kml')).toMatchObject([
      { feature: 0, field: 'geometry', reason: 'no geometry (null)' },
    ]);
    expect(await read('nogeomplacemark.kml')).toMatchObject([
      { feature: 0, field: 'geometry', reason: 'no geometry (null)' },
    ]);
    expect(await read('polygon.kml')).toEqual([]);
    expect(await read('wpt.gpx')).toEqual([]);
  });

  it('non-ASCII names and values survive (UTF-8 files)', async () => {
    const r = await loadFile(
      new Uint8Array(readFileSync(join(DIR, 'simpledata.kml'))),
      'simpledata.kml',
    );
    const want = expected.get('simpledata.kml')!;
    expect(r.features!.features.map((f) => f.properties)).toEqual(
      want.features.map((f) => f.properties),
    );
  });
});
