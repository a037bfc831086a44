/** `atlas coverage --parks P --regions R`: park service-radius coverage per region. */
import type { FeatureCollection, Geometry } from 'geojson';
import { parseCoverageRule } from '../src/core/analytics/coverage-rule.ts';
import type { PopulationInput } from '../src/core/analytics/index.ts';
import type { LoadResult } from '../src/core/formats/index.ts';
import {
  COMMON_OPTIONS,
  InputError,
  type Io,
  parse,
  pointLayer,
  Reporter,
  readInput,
  required,
  UsageError,
  writeJson,
} from './common.ts';
import type { polygonLayer as PolygonLayer } from './layers.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
  parks: { type: 'string' },
  regions: { type: 'string' },
  rule: { type: 'string' },
  residential: { type: 'string' },
  population: { type: 'string' },
  'pop-field': { type: 'string' },
  'id-field': { type: 'string' },
} as const;

/** Population as points (a table or Point features) or polygons (Polygon/MultiPolygon features). */
function populationInput(
  file: string,
  field: string,
  loaded: LoadResult,
  reporter: Reporter,
  polygonLayer: typeof PolygonLayer,
): PopulationInput {
  if (loaded.kind === 'points') {
    reporter.warn(file, loaded.errors);
    return { points: loaded.points!, field };
  }
  const bad = new Set(loaded.errors.map((e) => e.feature));
  const types = new Set(
    loaded.features!.features.flatMap((f, i) =>
      bad.has(i) || !f.geometry ? [] : [f.geometry.type],
    ),
  );
  const polygonal = [...types].every((t) => t === 'Polygon' || t === 'MultiPolygon');
  if (types.size > 0 && polygonal) {
    return { polygons: polygonLayer(file, 'population polygons', loaded), field };
  }
  if (types.size === 1 && types.has('Point')) {
    const { points, skipped } = pointLayer(loaded);
    reporter.warn(file, skipped);
    return { points, field };
  }
  throw new InputError([
    {
      file,
      field: 'geometry',
      reason: `population must be all points or all polygons (found ${[...types].join(', ') || 'no geometry'})`,
    },
  ]);
}

export async function coverage(args: string[], io: Io): Promise<number | 'help'> {
  const { values } = parse('coverage', args, OPTIONS);
  if (values.help) return 'help';
  const parksFile = required('coverage', values, 'parks');
  const regionsFile = required('coverage', values, 'regions');
  const popFile = values.population;
  const popField = values['pop-field'];
  if (popFile !== undefined && popField === undefined)
    throw new UsageError('--population needs --pop-field', 'coverage');
  if (popField !== undefined && popFile === undefined)
    throw new UsageError('--pop-field needs --population', 'coverage');
  const parsedRule = values.rule !== undefined ? parseCoverageRule(values.rule) : undefined;
  if (parsedRule && 'error' in parsedRule)
    throw new UsageError(`--rule: ${parsedRule.error}`, 'coverage');
  const rule = parsedRule?.ok;
  const crs = 'wgs84';
  const idField = values['id-field'];
  const reporter = new Reporter(io, 'coverage', values.progress ?? io.errIsTTY);
  // Loaded after the arguments are checked: the analytics bring Turf, slow to load.
  const { parkCoverage } = await import('../src/core/analytics/index.ts');
  const { failOnSkipped, polygonLayer } = await import('./layers.ts');

  const regions = polygonLayer(
    regionsFile,
    'regions',
    await readInput(regionsFile, { crs, reporter }),
  );
  const parksLoaded = await readInput(parksFile, { crs, reporter });
  if (parksLoaded.kind === 'points') {
    throw new InputError([
      {
        file: parksFile,
        field: 'geometry',
        reason: `parks must be polygons, but this is a point table (${parksLoaded.format})`,
      },
    ]);
  }
  reporter.warn(parksFile, parksLoaded.errors);
  let residential: FeatureCollection<Geometry | null> | undefined;
  if (values.residential !== undefined) {
    residential = polygonLayer(
      values.residential,
      'residential land',
      await readInput(values.residential, { crs, reporter }),
    );
  }
  const popLoaded = popFile !== undefined ? await readInput(popFile, { crs, reporter }) : undefined;
  const population = popLoaded
    ? populationInput(popFile!, popField!, popLoaded, reporter, polygonLayer)
    : undefined;

  reporter.progress(
    `coverage of ${parksLoaded.features!.features.length} parks over ${regions.features.length} regions`,
  );
  const result = parkCoverage(regions, parksLoaded.features!, {
    ...(rule ? { rule } : {}),
    ...(idField !== undefined ? { idField } : {}),
    ...(residential ? { residential } : {}),
    ...(population ? { population } : {}),
  });
  failOnSkipped(regionsFile, result.skipped.regions);
  if (values.residential !== undefined)
    failOnSkipped(values.residential, result.skipped.residential);
  const asIssue = (r: { feature: number; reason: string }) => ({
    feature: r.feature,
    field: 'geometry',
    reason: r.reason,
  });
  // Parks with errors were already reported by the loader; report only the analytics' own finds.
  const reported = new Set(parksLoaded.errors.map((e) => e.feature));
  reporter.warn(
    parksFile,
    result.skipped.parks.filter((p) => !reported.has(p.feature)).map(asIssue),
  );
  reporter.warn(regionsFile, result.repaired.regions.map(asIssue));
  reporter.warn(parksFile, result.repaired.parks.map(asIssue));
  if (popLoaded) {
    // Points from a table are numbered by data row; points from features by feature position.
    const isTable = popLoaded.kind === 'points';
    reporter.warn(
      popFile!,
      result.skipped.population.map((p) => {
        const at = 'row' in p ? p.row : p.feature;
        return isTable
          ? { row: at, field: popField!, reason: p.reason }
          : { feature: at, field: popField!, reason: p.reason };
      }),
    );
  }
  const qualifying = result.parks.filter((p) => p.radius_m !== null).length;
  reporter.progress(
    `rule ${result.rule}, denominator ${result.denominator}, ${qualifying}/${result.parks.length} parks qualify`,
  );
  writeJson(io, { regions: result.regions });
  reporter.progress('done');
  return 0;
}
