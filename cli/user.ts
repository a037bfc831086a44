/**
 * `atlas user add NAME --role admin|editor|viewer --password-stdin` and
 * `atlas user passwd NAME --password-stdin`: users of the atlas server, on the database the server
 * uses (DATABASE_URL, else PGlite in ATLAS_DATA_DIR, default ./.atlas). Migrations run first, so
 * the first admin can be made before the first start. The password is read from standard input
 * only (never an argument, never a default); one trailing newline is dropped.
 */
import {
  LastAdminError,
  UserExistsError,
  UserInputError,
  UserNotFoundError,
} from '../server/auth/users.ts';
import { ROLES, type Role } from '../server/types.ts';
import { COMMON_OPTIONS, InputError, type Io, parse, UsageError } from './common.ts';

/** The CLI's Io, with standard input (tests inject it; default: process.stdin). */
export interface UserIo extends Io {
  readStdin?: () => Promise<string>;
  env?: NodeJS.ProcessEnv;
}

const OPTIONS = {
  ...COMMON_OPTIONS,
  role: { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      '--password-stdin reads the password from standard input: pipe it in (e.g. from a password manager) or type it and end with Ctrl-D',
      'user',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function inputError(field: string, reason: string): InputError {
  return new InputError([{ field, reason }]);
}

export async function user(args: string[], io: UserIo): Promise<number | 'help'> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    if (sub === undefined) throw new UsageError("missing 'add' or 'passwd'", 'user');
    return 'help';
  }
  if (sub !== 'add' && sub !== 'passwd') {
    throw new UsageError(`unknown subcommand '${sub}' (use 'add' or 'passwd')`, 'user');
  }
  const { values, positionals } = parse('user', rest, OPTIONS, 1);
  if (values.help) return 'help';
  const name = positionals[0] ?? '';
  let role: Role | undefined;
  if (sub === 'add') {
    if (values.role === undefined) throw new UsageError('missing --role', 'user');
    if (!(ROLES as readonly string[]).includes(values.role)) {
      throw new UsageError(
        `--role must be one of ${ROLES.join(', ')} (got '${values.role}')`,
        'user',
      );
    }
    role = values.role as Role;
  } else if (values.role !== undefined) {
    throw new UsageError("--role is for 'add' (an admin changes a role over the API)", 'user');
  }
  if (!values['password-stdin']) {
    throw new UsageError(
      'missing --password-stdin (the password is read from standard input; there is no default password)',
      'user',
    );
  }
  const password = stripNewline(await (io.readStdin ?? readProcessStdin)());
  if (password === '') throw inputError('password', 'no password on standard input');

  const { dbOptionsFromEnv, openDb } = await import('../server/db/index.ts');
  const { migrate } = await import('../server/db/migrate.ts');
  const { createUser, setPassword } = await import('../server/auth/users.ts');
  const options = dbOptionsFromEnv(io.env ?? process.env);
  let db: Awaited<ReturnType<typeof openDb>>;
  try {
    db = await openDb(options);
  } catch (e) {
    throw inputError('database', e instanceof Error ? e.message : String(e));
  }
  try {
    await migrate(db);
    if (sub === 'add' && role) {
      await createUser(db, { name, role, password });
      io.out(`${JSON.stringify({ user: { name, role } })}\n`);
    } else {
      await db.tx((q) => setPassword(q, name, password));
      io.out(`${JSON.stringify({ user: { name }, password: 'changed', sessions: 'ended' })}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UserInputError) throw new InputError(e.errors);
    if (
      e instanceof UserExistsError ||
      e instanceof UserNotFoundError ||
      e instanceof LastAdminError
    ) {
      throw inputError('name', e.message);
    }
    throw e;
  } finally {
    await db.close();
  }
}
