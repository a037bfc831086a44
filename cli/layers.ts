/**
 * Polygon layers (regions, residential land, population polygons): every feature must be a usable
 * Polygon or MultiPolygon. Loaded by the subcommands after their arguments are checked, as the
 * analytics bring Turf, which takes a moment to load.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { checkPolygonal } from '../src/core/analytics/index.ts';
import type { LoadResult } from '../src/core/formats/index.ts';
import { InputError, type InputIssue } from './common.ts';

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

/**
 * A polygon layer (regions, residential land): every feature must be a usable Polygon or
 * MultiPolygon, else InputError naming each bad feature. Positions match the file.
 */
export function polygonLayer(
  file: string,
  role: string,
  result: LoadResult,
): FeatureCollection<Geometry | null> {
  if (result.kind === 'points') {
    throw new InputError([
      {
        file,
        field: 'geometry',
        reason: `${role} must be polygons, but this is a point table (${result.format})`,
      },
    ]);
  }
  const issues: InputIssue[] = result.errors.map((e) => ({ file, ...e }));
  const fc = result.features!;
  const bad = new Set(result.errors.map((e) => e.feature));
  fc.features.forEach((f: Feature<Geometry | null>, i) => {
    if (bad.has(i) || !f.geometry) return;
    if (!POLYGONAL.has(f.geometry.type)) {
      issues.push({
        file,
        feature: i,
        field: 'geometry',
        reason: `geometry type ${f.geometry.type} is not Polygon or MultiPolygon (${role} must be polygons)`,
      });
      return;
    }
    // The analytics' own ring checks (e.g. no ring with 3 distinct vertices), so that every
    // problem is reported at once.
    const checked = checkPolygonal(f.geometry);
    if ('error' in checked)
      issues.push({ file, feature: i, field: 'geometry', reason: checked.error });
  });
  if (issues.length > 0)
    throw new InputError(issues.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0)));
  return fc;
}

/** Analytics' skipped polygon features (degenerate rings...) as input errors. */
export function failOnSkipped(
  file: string,
  skipped: ReadonlyArray<{ feature: number; reason: string }>,
): void {
  if (skipped.length === 0) return;
  throw new InputError(
    skipped.map((s) => ({ file, feature: s.feature, field: 'geometry', reason: s.reason })),
  );
}
