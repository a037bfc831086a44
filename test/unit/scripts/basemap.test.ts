/** scripts/boundaries/basemap.ts: clipping a hand-made TopoJSON topology to the basemap box. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { touchesBox, worldFeatures } from '../../../scripts/boundaries/basemap.ts';
import { type Report, WORLD_BOX } from '../../../scripts/boundaries/config.ts';
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

describe('the shipped basemap (data/basemap)', () => {
  const read = (f: string) =>
    JSON.parse(
      readFileSync(join(import.meta.dirname, `../../../data/basemap/${f}.geojson`), 'utf8'),
    ) as FeatureCollection;

  it('draws no country border along the edges of the box the countries were cut to', () => {
    // A segment with both ends on the same side of the box runs along it.
    const [x0, y0, x1, y1] = WORLD_BOX;
    const onEdge = (a: Position, b: Position) =>
      (a[0] === x0 && b[0] === x0) ||
      (a[0] === x1 && b[0] === x1) ||
      (a[1] === y0 && b[1] === y0) ||
      (a[1] === y1 && b[1] === y1);
    const countries = read('countries');
    let segments = 0;
    for (const f of countries.features) {
      expect(f.geometry.type).toBe('MultiLineString');
      for (const line of (f.geometry as MultiLineString).coordinates) {
        for (let i = 1; i < line.length; i++) {
          segments++;
          expect(onEdge(line[i - 1] as Position, line[i] as Position)).toBe(false);
        }
      }
    }
    expect(segments).toBeGreaterThan(4_000);
  });

  it('draws each border once: no segment of the countries or provinces lines is drawn twice', () => {
    for (const [file, kind] of [
      ['countries', undefined],
      ['provinces', 'border'],
    ] as const) {
      const seen = new Set<string>();
      let twice = 0;
      for (const f of read(file).features) {
        if (kind && f.properties?.kind !== kind) continue;
        for (const line of (f.geometry as MultiLineString).coordinates) {
          for (let i = 1; i < line.length; i++) {
            const [a, b] = [String(line[i - 1]), String(line[i])];
            const key = a < b ? `${a}|${b}` : `${b}|${a}`;
            if (seen.has(key)) twice++;
            seen.add(key);
          }
        }
      }
      expect(seen.size, file).toBeGreaterThan(3_000);
      expect(twice, file).toBe(0);
    }
  });

  it('has land beyond the box as well as in it, and sea where there is sea', () => {
    const land = read('land');
    const isLand = (p: [number, number]) =>
      land.features.some((f) => booleanPointInPolygon(p, f as Feature<Polygon | MultiPolygon>));
    // Inside the box (1:50m): Beijing; the Yellow Sea.
    expect(isLand([116.4, 39.9])).toBe(true);
    expect(isLand([123.5, 35.5])).toBe(false);
    // Around it (1:110m): Siberia north of lat 56, Australia, Europe; the open Pacific.
    expect(isLand([100, 65])).toBe(true);
    expect(isLand([134, -25])).toBe(true);
    expect(isLand([10, 50])).toBe(true);
    expect(isLand([170, 30])).toBe(false);
  });
});
