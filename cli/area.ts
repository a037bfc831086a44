/** `atlas area <file>`: ellipsoidal area of every polygon feature. */
import { COMMON_OPTIONS, type Io, parse, Reporter, readInput, writeJson } from './common.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
  'id-field': { type: 'string' },
} as const;

export async function area(args: string[], io: Io): Promise<number | 'help'> {
  const { values, positionals } = parse('area', args, OPTIONS, 1);
  if (values.help) return 'help';
  const idField = values['id-field'];
  const reporter = new Reporter(io, 'area', values.progress ?? io.errIsTTY);
  const file = positionals[0]!;
  // Loaded after the arguments are checked: the analytics bring Turf, slow to load.
  const { featureAreas } = await import('../src/core/analytics/index.ts');
  const { failOnSkipped, polygonLayer } = await import('./layers.ts');
  const loaded = await readInput(file, { crs: 'wgs84', reporter });
  const fc = polygonLayer(file, 'features', loaded);
  reporter.progress(`computing areas of ${fc.features.length} features`);
  const result = featureAreas(fc, idField !== undefined ? { idField } : {});
  failOnSkipped(file, result.skipped);
  reporter.warn(
    file,
    result.repaired.map((r) => ({ feature: r.feature, field: 'geometry', reason: r.reason })),
  );
  writeJson(io, { features: result.features, total_m2: result.total_m2 });
  reporter.progress('done');
  return 0;
}
