/**
 * Self-intersecting polygons: repaired into their valid parts (the bow-tie's two triangles), the
 * area being the true area of those parts, and the user told where, how many parts and the area;
 * in the analytics (CLI) and for the app's regions (drawn, edited, from a layer, restored).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryArea } from '../../../src/core/analytics/area.ts';
import { featureAreas } from '../../../src/core/analytics/index.ts';
import type { Region } from '../../../src/core/workspace/model.ts';
import { checkRegionGeometry, checkRegions } from '../../../src/core/workspace/region-repair.ts';
import { useWorkspace } from '../../../src/web/workspace/store.ts';
import { english } from './helpers.ts';

// A bow-tie over a 0.1° cell: its edges cross at [116.05, 39.05] (straight lon/lat edges, RFC 7946).
const bowTie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116, 39],
      [116.1, 39.1],
      [116.1, 39],
      [116, 39.1],
      [116, 39],
    ],
  ],
};
// Its two lobes, by hand.
const left: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116, 39],
      [116.05, 39.05],
      [116, 39.1],
      [116, 39],
    ],
  ],
};
const right: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116.1, 39],
      [116.1, 39.1],
      [116.05, 39.05],
      [116.1, 39],
    ],
  ],
};
const triangles = geometryArea(left) + geometryArea(right);
const cell: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [116, 39],
      [116.1, 39],
      [116.1, 39.1],
      [116, 39.1],
      [116, 39],
    ],
  ],
};

describe('repair of a self-intersecting polygon', () => {
  it('the hand-made triangles are half the cell (a check of the reference itself)', () => {
    expect(triangles / geometryArea(cell)).toBeCloseTo(0.5, 3);
    // Measured as drawn, the lobes' signed areas cancel: the figure a user must not be given.
    expect(geometryArea(bowTie)).toBeLessThan(triangles / 100);
  });

  it('a bow-tie region becomes its two triangles, with the true area, and a note saying so', () => {
    const c = checkRegionGeometry(bowTie);
    expect('geometry' in c).toBe(true);
    if (!('geometry' in c)) return;
    expect(c.geometry.type).toBe('MultiPolygon');
    expect((c.geometry as MultiPolygon).coordinates).toHaveLength(2);
    expect(Math.abs(geometryArea(c.geometry) - triangles) / triangles).toBeLessThan(1e-9);
    const km2 = Math.round(triangles).toLocaleString('en-US');
    expect(c.note).toBe(
      `self-intersecting polygon near [116.05, 39.05]: repaired into 2 parts (area ${km2} m²) by splitting at the crossings`,
    );
  });

  it('the analytics (atlas area/totals/coverage) give the same area and the same message', () => {
    const r = featureAreas({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'bow', properties: {}, geometry: bowTie }],
    });
    expect(Math.abs(r.total_m2 - triangles) / triangles).toBeLessThan(1e-9);
    expect(english(r.repaired)).toEqual([
      {
        feature: 0,
        id: 'bow',
        reason: expect.stringMatching(
          /^self-intersecting polygon near \[116\.05, 39\.05\]: repaired into 2 parts \(area [\d,]+ m²\)/,
        ),
      },
    ]);
  });

  it('valid regions are untouched; unusable ones are left out with the reason', () => {
    expect(checkRegionGeometry(cell)).toEqual({ geometry: cell, note: null });
    const flat: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [116, 39],
          [116.1, 39],
          [116, 39],
        ],
      ],
    };
    const regions: Region[] = [
      { id: 'a', name: 'cell', shape: 'polygon', geometry: cell },
      { id: 'b', name: 'bow', shape: 'imported', geometry: bowTie },
      { id: 'c', name: 'flat', shape: 'imported', geometry: flat },
    ];
    const c = checkRegions(regions);
    expect(c.changed).toBe(true);
    expect(c.regions.map((r) => r.id)).toEqual(['a', 'b']);
    expect(c.regions[0]).toBe(regions[0]);
    expect(c.issues.map((i) => [i.name, i.leftOut])).toEqual([
      ['bow', false],
      ['flat', true],
    ]);
    expect(c.notes[1]?.reason).toBe(
      'region "flat": left out: empty geometry (no ring with 3 distinct vertices)',
    );
    // Regions already seen (same object) are not checked again.
    expect(checkRegions(c.regions, c.regions).changed).toBe(false);
  });

  it('the app: a bow-tie added to the workspace (drawn, from a layer...) is repaired and reported', () => {
    useWorkspace.setState({ regions: [], report: null });
    useWorkspace.setState({
      regions: [{ id: 'r1', name: 'my bow-tie', shape: 'polygon', geometry: bowTie }],
    });
    const s = useWorkspace.getState();
    expect(s.regions).toHaveLength(1);
    expect(s.regions[0]!.geometry.type).toBe('MultiPolygon');
    expect(Math.abs(geometryArea(s.regions[0]!.geometry) - triangles) / triangles).toBeLessThan(
      1e-9,
    );
    expect(s.report?.name).toBe('my bow-tie');
    expect(s.report?.notes[0]?.reason).toMatch(
      /^region "my bow-tie": self-intersecting polygon near \[116\.05, 39\.05\]: repaired into 2 parts/,
    );
    useWorkspace.setState({ regions: [], report: null });
  });
});
