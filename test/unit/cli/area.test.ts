import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellArea } from '../analytics/helpers.ts';
import { atlas, CLI, FORMATS, IN, json, ROOT, stderrErrors } from './helpers.ts';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
type Areas = { features: Array<{ id: string | number; area_m2: number }>; total_m2: number };

describe('atlas area', () => {
  it('1°x1° cells, a hole and a multipolygon against the closed-form ellipsoidal area (0.01 %)', () => {
    const out = json<Areas>(atlas('area', `${IN}/area-cells.geojson`));
    expect(Object.keys(out)).toEqual(['features', 'total_m2']);
    const byId = Object.fromEntries(out.features.map((f) => [f.id, f.area_m2]));
    expect(Object.keys(byId)).toEqual(['cell-0', 'cell-40', 'cell-60', 'holed', 'two-cells']);
    // Published: a 1°x1° cell at the equator is about 12,308 km² (WGS84).
    expect(byId['cell-0']! / 1e6).toBeCloseTo(12308, -1);
    expect(rel(byId['cell-0']!, cellArea(116, 0, 117, 1))).toBeLessThan(1e-4);
    expect(rel(byId['cell-40']!, cellArea(116, 40, 117, 41))).toBeLessThan(1e-4);
    expect(rel(byId['cell-60']!, cellArea(116, 60, 117, 61))).toBeLessThan(1e-4);
    const holed = cellArea(116, 40, 117, 41) - cellArea(116.25, 40.25, 116.75, 40.75);
    expect(rel(byId.holed!, holed)).toBeLessThan(1e-4);
    const two = cellArea(116, 40, 117, 41) + cellArea(118, 40, 119, 41);
    expect(rel(byId['two-cells']!, two)).toBeLessThan(1e-4);
    const sum = out.features.reduce((s, f) => s + f.area_m2, 0);
    expect(out.total_m2).toBeCloseTo(sum, 3);
  });

  it('ids: feature id, else properties.id, else the 0-based index; --id-field first', () => {
    const plain = json<Areas>(atlas('area', `${IN}/totals-regions.geojson`));
    expect(plain.features.map((f) => f.id)).toEqual(['A', 1, 'C']);
    const withField = json<Areas>(
      atlas('area', `${IN}/totals-regions.geojson`, '--id-field', 'name'),
    );
    expect(withField.features.map((f) => f.id)).toEqual(['A', 'B', 'C']);
  });

  it('a zipped Shapefile with a null shape: invalid input named by file, feature and field', () => {
    const shp = atlas('area', `${FORMATS}/parcels.zip`);
    expect(stderrErrors(shp)).toEqual([
      {
        file: `${FORMATS}/parcels.zip`,
        feature: 2,
        field: 'geometry',
        reason: 'no geometry (null)',
      },
    ]);
  });

  it('a KML polygon (ids from --id-field name)', () => {
    const kml = json<Areas>(atlas('area', `${CLI}/square.kml`, '--id-field', 'name'));
    expect(kml.features.map((f) => f.id)).toEqual(['cell']);
    expect(rel(kml.features[0]!.area_m2, cellArea(116.6, 39.9, 116.61, 39.91))).toBeLessThan(1e-4);
  });

  it('a feature that is not a polygon: exit 1 naming file, feature and field', () => {
    const errors = stderrErrors(atlas('area', `${CLI}/regions-with-point.geojson`));
    expect(errors).toEqual([
      {
        file: `${CLI}/regions-with-point.geojson`,
        feature: 1,
        field: 'geometry',
        reason: 'geometry type Point is not Polygon or MultiPolygon (features must be polygons)',
      },
    ]);
  });

  it('every bad polygon is reported at once (loader and analytics checks)', () => {
    const errors = stderrErrors(atlas('area', `${IN}/bad-regions.geojson`));
    expect(errors).toEqual([
      {
        file: `${IN}/bad-regions.geojson`,
        feature: 2,
        field: 'geometry',
        reason: 'empty geometry (no ring with 3 distinct vertices)',
      },
      {
        file: `${IN}/bad-regions.geojson`,
        feature: 3,
        field: 'geometry',
        reason: 'non-numeric coordinate at coordinates[0][1]',
      },
    ]);
  });

  it('a self-intersecting polygon (bow-tie) is repaired with a warning on stderr: two triangles', () => {
    const run = atlas('area', `${CLI}/bow-tie.geojson`);
    const out = json<Areas>(run);
    expect(run.stderr).toMatch(
      /warning: .*bow-tie\.geojson \(feature 0, geometry\): self-intersecting polygon near \[116\.605, 39\.905\]/,
    );
    // Each triangle is a quarter of the 0.01° cell.
    expect(rel(out.features[0]!.area_m2, cellArea(116.6, 39.9, 116.61, 39.91) / 2)).toBeLessThan(
      1e-3,
    );
  });

  it.skipIf(!existsSync(join(ROOT, 'data/boundaries.geojson')))(
    'real data: Tongzhou District is about 906 km² (official figure) within 3 %',
    () => {
      const out = json<Areas>(atlas('area', 'data/boundaries.geojson'));
      const tongzhou = out.features.find((f) => f.id === 'tongzhou');
      expect(tongzhou).toBeDefined();
      expect(rel(tongzhou!.area_m2, 906e6)).toBeLessThan(0.03);
    },
  );
});
