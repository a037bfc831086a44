/**
 * The `atlas` command dispatcher: picks the subcommand, prints help, and maps failures to the
 * contract's exit codes (0 success, 1 invalid input with {"errors":[...]} on stderr, 2 usage error
 * with the usage on stderr).
 */
import { readFileSync } from 'node:fs';
import { InputError, type Io, issueJson, UsageError } from './common.ts';
import { COMMAND_HELP, MAIN_HELP } from './help.ts';

type Command = (args: string[], io: Io) => Promise<number | 'help'>;

/** Subcommands, loaded on use (the analytics bring Turf, which takes a moment to load). */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  area: async () => (await import('./area.ts')).area,
  totals: async () => (await import('./totals.ts')).totals,
  nearest: async () => (await import('./nearest.ts')).nearest,
  coverage: async () => (await import('./coverage.ts')).coverage,
  convert: async () => (await import('./convert.ts')).convert,
  validate: async () => (await import('./validate.ts')).validate,
  user: async () => (await import('./user.ts')).user,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/** Runs `atlas` with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = args[0];
    if (topic !== undefined && COMMAND_HELP[topic]) io.out(`${COMMAND_HELP[topic]}\n`);
    else io.out(MAIN_HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version()}\n`);
    return 0;
  }
  if (name === undefined) {
    io.err(`atlas: missing command\n\n${MAIN_HELP}`);
    return 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`atlas: unknown command '${name}'\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    const command = await load();
    const code = await command(args, io);
    if (code === 'help') {
      io.out(`${COMMAND_HELP[name]}\n`);
      return 0;
    }
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`atlas ${name}: ${e.message}\n\n${COMMAND_HELP[name]}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`${JSON.stringify({ errors: e.issues.map((i) => issueJson(i)) })}\n`);
      return 1;
    }
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.err(
      `${JSON.stringify({ errors: [{ field: '', reason: `internal error: ${message}` }] })}\n`,
    );
    return 1;
  }
}
