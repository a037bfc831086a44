/**
 * What every `atlas` subcommand shares: argument parsing (node:util parseArgs, strict), the two
 * kinds of failure (usage -> exit 2, invalid input -> exit 1), reading input files through the
 * format registry, JSON output, warnings and progress on stderr.
 */
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { formatProblem, problemJson } from '../src/core/common/problem.ts';
import {
  CRS_VALUES,
  type Crs,
  FORMAT_IDS,
  type FormatIssue,
  type LoadResult,
  loadFile,
  type PointColumns,
  toPointColumns,
} from '../src/core/formats/index.ts';

/** Where a command writes: stdout for JSON, stderr for messages. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown then, or with --progress). */
  errIsTTY: boolean;
  /** Writes a file (`convert -o`). */
  writeFile(path: string, text: string): void;
}

/** A usage error: unknown command or flag, missing or malformed argument. Exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** An issue located in a file: the one problem type (src/core/common/problem.ts), field required. */
export type InputIssue = FormatIssue;

/** Invalid input: unreadable file, malformed content, wrong geometry. Exit 1. */
export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => i.reason).join('; '));
  }
}

/** The issue as the contract prints it: file, row or feature, field, reason (then line/column). */
export const issueJson: (issue: InputIssue, withFile?: boolean) => Record<string, unknown> =
  problemJson;

export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  progress: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** Options of the commands that read tables: `--sheet NAME` picks a workbook's sheet. */
export const INPUT_OPTIONS = {
  sheet: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** `--sheet` as read options (nothing when absent; a blank name is a usage error). */
export function sheetOption(command: string, value: unknown): { sheet?: string } {
  if (value === undefined) return {};
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError('--sheet needs a sheet name', command);
  }
  return { sheet: value };
}

/** parseArgs in strict mode, its errors turned into usage errors for `command`. */
export function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: O,
  positionals = 0,
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e), command);
  }
  const values = parsed.values as Record<string, unknown>;
  if (!values.help && parsed.positionals.length !== positionals) {
    const what =
      parsed.positionals.length < positionals
        ? 'missing the input file'
        : `unexpected argument '${parsed.positionals[positionals]}'`;
    throw new UsageError(what, command);
  }
  return parsed;
}

/** A required string option, else a usage error. */
export function required(command: string, values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing --${name}`, command);
  return v;
}

export function crsOption(command: string, value: unknown, flag = 'crs'): Crs {
  if (value === undefined) return 'wgs84';
  if (
    typeof value === 'string' &&
    (CRS_VALUES as readonly string[]).includes(value.toLowerCase())
  ) {
    return value.toLowerCase() as Crs;
  }
  throw new UsageError(
    `--${flag} must be one of ${CRS_VALUES.join(', ')} (got '${String(value)}')`,
    command,
  );
}

export function formatOption(command: string, value: string | undefined): string | undefined {
  if (value === undefined || FORMAT_IDS.includes(value)) return value;
  throw new UsageError(
    `--format must be one of ${FORMAT_IDS.join(', ')} (got '${value}')`,
    command,
  );
}

/** Messages on stderr: warnings always, progress when stderr is a TTY or with --progress. */
export class Reporter {
  private readonly started = Date.now();
  constructor(
    private readonly io: Io,
    private readonly command: string,
    private readonly showProgress: boolean,
  ) {}

  progress(message: string): void {
    if (!this.showProgress) return;
    const s = ((Date.now() - this.started) / 1000).toFixed(1);
    this.io.err(`atlas ${this.command}: [${s} s] ${message}\n`);
  }

  warn(file: string, issues: ReadonlyArray<FormatIssue>, max = 20): void {
    for (const i of issues.slice(0, max)) {
      this.io.err(`atlas ${this.command}: warning: ${formatProblem({ ...i, file })}\n`);
    }
    if (issues.length > max) {
      this.io.err(
        `atlas ${this.command}: warning: ${file}: ${issues.length - max} more not shown\n`,
      );
    }
  }
}

export interface ReadOptions {
  crs: Crs;
  idField?: string;
  /** Force a format id (`--format`). */
  format?: string;
  /** A workbook's sheet (`--sheet`); other formats ignore it. */
  sheet?: string;
  reporter: Reporter;
}

/** Reads and loads one input file; unreadable or unusable as a whole -> InputError. */
export async function readInput(file: string, options: ReadOptions): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : e instanceof Error
              ? e.message
              : String(e);
    throw new InputError([{ file, field: 'file', reason: `cannot read the file: ${why}` }]);
  }
  options.reporter.progress(`reading ${file} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  const result = await loadFile(bytes, file, {
    crs: options.crs,
    ...(options.idField !== undefined ? { idField: options.idField } : {}),
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
  });
  if (result.fatal) throw new InputError(result.errors.map((e) => ({ file, ...e })));
  options.reporter.warn(file, result.warnings);
  const n =
    result.kind === 'points'
      ? (result.points?.lons.length ?? 0)
      : (result.features?.features.length ?? 0);
  options.reporter.progress(
    `${file}: ${result.format}, ${n} ${result.kind === 'points' ? 'points' : 'features'}`,
  );
  return result;
}

/** A point layer: usable points as columns, plus the rows/features left out (with reasons). */
export function pointLayer(
  result: LoadResult,
  idField?: string,
): { points: PointColumns; skipped: FormatIssue[] } {
  return toPointColumns(result, idField);
}

export function writeJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
