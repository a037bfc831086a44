/**
 * Borders and coasts from a hand-made topology: two squares sharing one arc.
 */
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  clipLinesToBox,
  collapsedRing,
  roundLine,
  simplifyLine,
  splitAtAntimeridian,
  withoutBoxEdges,
  worldLines,
} from '../../../scripts/boundaries/world-lines.ts';

// Left square 0..1 and right square 1..2 (y 0..1). Arc 0 is their shared border x = 1; arcs 1
// and 2 the rest of each (their coasts). In a ring, ~0 (-1) is arc 0 reversed.
const topo: Topology = {
  type: 'Topology',
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ],
  ],
  objects: {
    countries: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { name: 'Left' } },
        { type: 'Polygon', arcs: [[-1, 2]], properties: { name: 'Right' } },
      ],
    },
  },
};

describe('worldLines', () => {
  it('draws the shared arc once as the border, the others as the coast', () => {
    const out = worldLines(topo, 'countries', { box: [-10, -10, 10, 10], tolerance: 0 });
    expect(out.map((f) => [f.id, f.properties?.kind])).toEqual([
      ['borders', 'border'],
      ['coasts', 'coast'],
    ]);
    expect(out[0]?.geometry.coordinates).toEqual([
      [
        [1, 0],
        [1, 1],
      ],
    ]);
    // The coasts: 3 + 3 unit edges (joined where they meet), the border not among them.
    const coast = out[1]?.geometry.coordinates ?? [];
    const length = coast.reduce(
      (s, l) =>
        s +
        l.slice(1).reduce((t, p, i) => {
          const q = l[i] ?? p;
          return t + Math.hypot((p[0] ?? 0) - (q[0] ?? 0), (p[1] ?? 0) - (q[1] ?? 0));
        }, 0),
      0,
    );
    expect(length).toBe(6);
    expect(JSON.stringify(coast)).not.toContain('[1,0],[1,1]');
  });

  it('keeps only what is inside the box, and leaves out an empty layer', () => {
    const out = worldLines(topo, 'countries', { box: [1.5, -1, 3, 2], tolerance: 0 });
    expect(out.map((f) => f.id)).toEqual(['coasts']);
    for (const line of out[0]?.geometry.coordinates ?? []) {
      for (const p of line) expect(p[0]).toBeGreaterThanOrEqual(1.5);
    }
  });
});

describe('splitAtAntimeridian', () => {
  it('cuts a line where it jumps across lon 180, and keeps the rest whole', () => {
    expect(
      splitAtAntimeridian([
        [
          [178, 0],
          [179, 1],
          [-179, 1],
          [-178, 0],
        ],
        [
          [10, 0],
          [20, 0],
        ],
      ]),
    ).toEqual([
      [
        [178, 0],
        [179, 1],
      ],
      [
        [-179, 1],
        [-178, 0],
      ],
      [
        [10, 0],
        [20, 0],
      ],
    ]);
  });
});

describe('clipLinesToBox', () => {
  it('cuts a line that leaves the box and comes back into two', () => {
    const out = clipLinesToBox(
      [
        [
          [0, 0],
          [0, 5],
          [2, 5],
          [2, 0],
        ],
      ],
      [-1, -1, 3, 3],
    );
    expect(out).toEqual([
      [
        [0, 0],
        [0, 3],
      ],
      [
        [2, 3],
        [2, 0],
      ],
    ]);
  });
});

describe('roundLine', () => {
  it('rounds to 5 decimals (about 1 m) and drops the repeats that makes', () => {
    expect(
      roundLine([
        [116.123456789, 39.987654321],
        [116.123457, 39.987654],
        [116.2, 40],
      ]),
    ).toEqual([
      [116.12346, 39.98765],
      [116.2, 40],
    ]);
  });
});

describe('simplifyLine and collapsedRing', () => {
  it('keeps a closed square closed and whole (its corners are far from the start)', () => {
    const ring = [
      [0, 0],
      [0.5, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyLine(ring, 0.01)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('calls a ring of fewer than 3 distinct points collapsed, an open line never', () => {
    expect(
      collapsedRing([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe(true);
    expect(
      collapsedRing([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toBe(false);
    expect(
      collapsedRing([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(false);
  });
});

describe('withoutBoxEdges', () => {
  it('cuts a line where it runs along the box, and drops a piece that is only that', () => {
    const box = [0, 0, 10, 10] as const;
    expect(
      withoutBoxEdges(
        [
          [
            [5, 5],
            [10, 5],
            [10, 7],
            [5, 7],
          ],
          [
            [0, 2],
            [0, 3],
          ],
        ],
        box,
      ),
    ).toEqual([
      [
        [5, 5],
        [10, 5],
      ],
      [
        [10, 7],
        [5, 7],
      ],
    ]);
  });
});
