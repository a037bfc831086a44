/** scripts/boundaries/basemap.ts: clipping a hand-made TopoJSON topology to the basemap box. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { touchesBox, worldFeatures } from '../../../scripts/boundaries/basemap.ts';
import type { Report } from '../../../scripts/boundaries/config.ts';
import { signedArea2 } from '../../../scripts/boundaries/rings.ts';

const topo = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/scripts/tiny-topology.json'), 'utf8'),
) as Topology;
const box = [60, 10, 150, 56] as const;

describe('touchesBox', () => {
  it('is true for overlapping or touching bboxes only', () => {
    expect(touchesBox([140, 20, 160, 30], box)).toBe(true);
    expect(touchesBox([150, 20, 160, 30], box)).toBe(true);
    expect(touchesBox([170, 20, 175, 25], box)).toBe(false);
    expect(touchesBox([100, 57, 101, 58], box)).toBe(false);
  });
});

describe('worldFeatures', () => {
  const report: Report = { problems: [], warnings: [], notes: [] };
  const out = worldFeatures(
    topo,
    'land',
    { file: 'tiny-topology.json', kind: 'Land', box, tolerance: 0.02 },
    report,
  );

  it('keeps the features that touch the box, sorted by id, named or given the kind', () => {
    expect(out.map((f) => [f.id, f.properties])).toEqual([
      ['A', { name: 'Across' }],
      ['Land', { name: 'Land' }],
    ]);
    expect(report).toEqual({ problems: [], warnings: [], notes: [] });
  });

  it('clips the square across lon 150 to lon 140..150, counter-clockwise', () => {
    const g = out[0]!.geometry as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(1);
    const ring = g.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(new Set(ring.map((p) => p.join(',')))).toEqual(
      new Set(['140,20', '150,20', '150,30', '140,30']),
    );
    expect(signedArea2(ring)).toBe(200); // 2 × 10° × 10°
  });

  it('keeps the square inside the box unchanged', () => {
    const ring = (out[1]!.geometry as Polygon).coordinates[0]!;
    expect(new Set(ring.map((p) => p.join(',')))).toEqual(
      new Set(['100,30', '101,30', '101,31', '100,31']),
    );
  });
});
