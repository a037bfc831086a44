/** scripts/boundaries/finish.ts: rounding, and the last steps of every output geometry. */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  checkGeometry,
  type FinishOptions,
  finish,
  round,
  roundRing,
} from '../../../scripts/boundaries/finish.ts';
import { type Ring, signedArea2 } from '../../../scripts/boundaries/rings.ts';
import { findSelfIntersection } from '../../../src/core/analytics/validate.ts';

const square = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const identity = (r: Ring) => r;
const options = (o: Partial<FinishOptions> = {}): FinishOptions => ({
  where: 'w',
  keepCollapsed: false,
  warnings: [],
  notes: [],
  ...o,
});

describe('round, roundRing', () => {
  it('rounds to 5 decimals by default, never to -0', () => {
    expect(round(116.123456)).toBe(116.12346);
    expect(round(39.9609375)).toBe(39.96094); // 3996093.75 → 3996094
    expect(round(116.4443359375)).toBe(116.44434);
    expect(Object.is(round(-0.000001), 0)).toBe(true);
    expect(round(-1.000004)).toBe(-1);
    expect(round(1.25, 1)).toBe(1.3);
  });

  it('cleans the repeats that rounding makes', () => {
    expect(
      roundRing([
        [0, 0],
        [0.000001, 0.000002],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
  });
});

describe('finish', () => {
  it('rounds and orients (outer ring counter-clockwise)', () => {
    const cw = [...square(116.123456, 39.000004, 0.01)].reverse();
    const out = finish([[cw]], identity, options());
    expect(out).toHaveLength(1);
    const ring = out[0]![0]!;
    expect(signedArea2(ring)).toBeGreaterThan(0);
    expect(ring.map((p) => p.join(' ')).sort()).toEqual(
      ['116.12346 39', '116.12346 39', '116.13346 39', '116.13346 39.01', '116.12346 39.01'].sort(),
    );
  });

  const collapse = (r: Ring): Ring => [r[0]!, r[1]!, r[0]!];

  it('drops a polygon whose outer ring collapses (basemap layers)', () => {
    expect(finish([[square(0, 0, 0.01)]], collapse, options())).toEqual([]);
  });

  it('keeps a collapsed place ring unsimplified, with a warning, when it is ≥ 0.05 km²', () => {
    const o = options({ keepCollapsed: true });
    // 0.01° square at the equator: about 1.23 km².
    const out = finish([[square(0, 0, 0.01)]], collapse, o);
    expect(out).toHaveLength(1);
    expect(out[0]![0]).toHaveLength(5);
    expect(o.warnings).toEqual(['w: kept ring 0 unsimplified (it collapsed)']);
    // 0.001° square: about 0.012 km², dropped.
    expect(finish([[square(0, 0, 0.001)]], collapse, options({ keepCollapsed: true }))).toEqual([]);
  });

  it('drops a collapsed hole and keeps its outer ring', () => {
    const outer = square(0, 0, 1);
    const hole = [...square(0.2, 0.2, 0.5)].reverse();
    const simplify = (r: Ring) => (r === hole ? collapse(r) : r);
    expect(finish([[outer, hole]], simplify, options())).toEqual([[outer]]);
  });

  it('drops parts under minPartM2 (slivers) with a note', () => {
    const o = options({ minPartM2: 50_000 });
    const out = finish([[square(0, 0, 0.01)], [square(1, 1, 0.001)]], identity, o);
    expect(out).toEqual([[square(0, 0, 0.01)]]);
    expect(o.notes).toEqual(['w: dropped 1 sliver(s) < 50000 m²']);
  });

  it('repairs a self-intersecting ring (bow tie) with a note', () => {
    const bowTie: Position[] = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ];
    const o = options();
    const out = finish([[bowTie]], identity, o);
    expect(o.notes).toHaveLength(1);
    expect(o.notes[0]).toMatch(/^w: repaired a self-intersection near /);
    expect(out).toHaveLength(2);
    expect(findSelfIntersection(out)).toBeNull();
    for (const poly of out) expect(signedArea2(poly[0]!)).toBeCloseTo(0.5, 9); // 2 × 0.25
  });
});

describe('checkGeometry', () => {
  it('reports empty geometries, short and unclosed rings', () => {
    const problems: string[] = [];
    checkGeometry([], 'a', problems);
    checkGeometry(
      [
        [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      ],
      'b',
      problems,
    );
    checkGeometry(
      [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      ],
      'c',
      problems,
    );
    expect(problems).toEqual([
      'a: empty geometry',
      'b: a ring has 3 positions',
      'c: ring not closed',
    ]);
  });

  it('says nothing of a valid square', () => {
    const problems: string[] = [];
    checkGeometry([[square(0, 0, 1)]], 'd', problems);
    expect(problems).toEqual([]);
  });
});
