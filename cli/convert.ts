/** `atlas convert <input> [--crs ...] [-o out.geojson]`: any input as GeoJSON in WGS84. */
import { toFeatureCollection } from '../src/core/formats/index.ts';
import {
  COMMON_OPTIONS,
  crsOption,
  formatOption,
  InputError,
  type Io,
  parse,
  Reporter,
  readInput,
  UsageError,
} from './common.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
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
  const loaded = await readInput(file, { crs, reporter, ...(format ? { format } : {}) });
  reporter.warn(file, loaded.errors);
  const fc = toFeatureCollection(loaded);
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
  const left = loaded.errors.length > 0 ? `; ${loaded.errors.length} problems, listed above` : '';
  io.err(`atlas convert: wrote ${fc.features.length} features to ${output}${left}\n`);
  return 0;
}
