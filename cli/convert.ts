/**
 * `atlas convert <input> [--crs ...] [-o out.geojson]`: any input as GeoJSON in WGS84, always
 * valid RFC 7946 (written by the core's one writer, rfc7946-write.ts: rings closed and rewound,
 * degenerate parts dropped, ids and bboxes checked; every change reported by feature on stderr).
 */
import { resultToRfc7946 } from '../src/core/formats/rfc7946-write.ts';
import {
  COMMON_OPTIONS,
  crsOption,
  formatOption,
  INPUT_OPTIONS,
  InputError,
  type Io,
  parse,
  Reporter,
  readInput,
  sheetOption,
  UsageError,
} from './common.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  crs: { type: 'string' },
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
} as const;

export async function convert(args: string[], io: Io): Promise<number | 'help'> {
  const { values, positionals } = parse('convert', args, OPTIONS, 1);
  if (values.help) return 'help';
  const crs = crsOption('convert', values.crs);
  const format = formatOption('convert', values.format);
  const output = values.output;
  if (output === '') throw new UsageError('-o needs a file name', 'convert');
  const reporter = new Reporter(io, 'convert', values.progress ?? io.errIsTTY);
  const file = positionals[0]!;
  const loaded = await readInput(file, {
    crs,
    reporter,
    ...(format ? { format } : {}),
    ...sheetOption('convert', values.sheet),
  });
  const written = resultToRfc7946(loaded);
  const problems = [...loaded.errors, ...written.dropped].sort(
    (a, b) => (a.row ?? a.feature ?? -1) - (b.row ?? b.feature ?? -1),
  );
  reporter.warn(file, problems);
  reporter.warn(file, written.warnings);
  const fc = written.collection;
  const text = `${JSON.stringify(fc)}\n`;
  if (output === undefined) {
    io.out(text);
    return 0;
  }
  try {
    io.writeFile(output, text);
  } catch (e) {
    throw new InputError([
      {
        file: output,
        field: 'output',
        reason: `cannot write: ${e instanceof Error ? e.message : String(e)}`,
      },
    ]);
  }
  const left = problems.length > 0 ? `; ${problems.length} left out, listed above` : '';
  io.err(`atlas convert: wrote ${fc.features.length} features to ${output}${left}\n`);
  return 0;
}
