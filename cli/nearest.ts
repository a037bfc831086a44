/** `atlas nearest --from P --to F [--k N]`: the k nearest features to each point. */
import type { FeaturesInput, PointSet } from '../src/core/analytics/index.ts';
import { parseNumber } from '../src/core/common/number.ts';
import {
  COMMON_OPTIONS,
  crsOption,
  INPUT_OPTIONS,
  type Io,
  parse,
  pointLayer,
  Reporter,
  readInput,
  required,
  sheetOption,
  UsageError,
  writeJson,
} from './common.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  from: { type: 'string' },
  to: { type: 'string' },
  k: { type: 'string' },
  'max-distance': { type: 'string' },
  'id-field': { type: 'string' },
  crs: { type: 'string' },
  'to-crs': { type: 'string' },
} as const;

function positive(name: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  if (n === null || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      `--${name} must be a positive ${integer ? 'integer' : 'number'} (got '${text}')`,
      'nearest',
    );
  }
  return n;
}

export async function nearest(args: string[], io: Io): Promise<number | 'help'> {
  const { values } = parse('nearest', args, OPTIONS);
  if (values.help) return 'help';
  const fromFile = required('nearest', values, 'from');
  const toFile = required('nearest', values, 'to');
  const k = positive('k', values.k, true) ?? 1;
  const maxDistance = positive('max-distance', values['max-distance'], false);
  const crs = crsOption('nearest', values.crs);
  const toCrs = crsOption('nearest', values['to-crs'], 'to-crs');
  const idField = values['id-field'];
  const reporter = new Reporter(io, 'nearest', values.progress ?? io.errIsTTY);
  // Loaded after the arguments are checked: the analytics bring Turf, slow to load.
  const { nearest: nearestOf } = await import('../src/core/analytics/index.ts');
  const idOpt = {
    ...(idField !== undefined ? { idField } : {}),
    ...sheetOption('nearest', values.sheet),
  };

  const fromLoaded = await readInput(fromFile, { crs, reporter, ...idOpt });
  const { points: from, skipped } = pointLayer(fromLoaded, idField);
  reporter.warn(fromFile, skipped);
  const toLoaded = await readInput(toFile, { crs: toCrs, reporter, ...idOpt });
  // Targets keep their file positions: features with errors are skipped by the analytics.
  const to: FeaturesInput | PointSet =
    toLoaded.kind === 'points' ? toLoaded.points! : toLoaded.features!;
  reporter.warn(toFile, toLoaded.errors);
  reporter.progress(`nearest ${k} for ${from.lons.length} points`);
  const result = nearestOf(from, to, {
    k,
    ...(maxDistance !== undefined ? { maxDistance } : {}),
    ...idOpt,
  });
  writeJson(io, { results: result.results });
  reporter.progress('done');
  return 0;
}
