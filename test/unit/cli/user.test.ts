/**
 * `atlas user add|passwd`: on the embedded database of ATLAS_DATA_DIR (a temp folder: memory:// is
 * not shared between processes), the password from standard input only, migrations first, exit
 * codes of BRIEF §5 (0 done, 1 invalid input with {"errors"} on stderr, 2 usage), and a clear
 * refusal while another process has the folder open.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import type { UserIo } from '../../../cli/user.ts';
import { verifyPassword } from '../../../server/auth/passwords.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { openDb } from '../../../server/db/index.ts';
import { ROOT, tempDir } from './helpers.ts';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `atlas ...args` in-process with `stdin` as standard input and ATLAS_DATA_DIR=dir. */
async function run(dir: string, stdin: string, ...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const io: UserIo = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    errIsTTY: false,
    writeFile: () => {},
    readStdin: async () => stdin,
    env: { ATLAS_DATA_DIR: dir },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function users(dir: string) {
  const db = await openDb({ dataDir: dir });
  try {
    return (
      await db.query<{ name: string; role: string; password_hash: string }>(
        'select name, role, password_hash from users order by name',
      )
    ).rows;
  } finally {
    await db.close();
  }
}

describe('atlas user: usage errors (exit 2, nothing opened)', () => {
  it.each([
    [['user'], /missing 'add' or 'passwd'/],
    [['user', 'delete', 'ann'], /unknown subcommand 'delete'/],
    [['user', 'add', '--role', 'admin', '--password-stdin'], /missing the input file|missing/],
    [['user', 'add', 'ann', '--password-stdin'], /missing --role/],
    [
      ['user', 'add', 'ann', '--role', 'boss', '--password-stdin'],
      /--role must be one of admin, editor, viewer/,
    ],
    [['user', 'add', 'ann', '--role', 'admin'], /missing --password-stdin .*no default password/],
    [['user', 'add', 'ann', '--role', 'admin', '--password', 'x'], /Unknown option '--password'/],
    [['user', 'passwd', 'ann'], /missing --password-stdin/],
  ])('atlas %j', async (args, message) => {
    const dir = tempDir();
    const r = await run(dir, 'a-long-password\n', ...(args as string[]));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: atlas user add NAME/);
  });

  it('atlas user --help and atlas --help', async () => {
    const r = await run(tempDir(), '', 'user', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Usage: atlas user add NAME --role admin\|editor\|viewer --password-stdin/,
    );
    const all = await run(tempDir(), '', '--help');
    expect(all.stdout).toMatch(/^ {2}user add\|passwd NAME/m);
  });
});

describe('atlas user add / passwd on a data directory', () => {
  it('add: creates the schema and the user (password from stdin, trailing newline dropped); passwd changes it and ends sessions', async () => {
    const dir = tempDir();
    const add = await run(
      dir,
      'first-admin-password\n',
      'user',
      'add',
      'ann',
      '--role',
      'admin',
      '--password-stdin',
    );
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toEqual({ user: { name: 'ann', role: 'admin' } });
    const [ann] = await users(dir);
    expect(ann?.role).toBe('admin');
    expect(await verifyPassword('first-admin-password', ann?.password_hash ?? '')).toBe(true);
    expect(await verifyPassword('first-admin-password\n', ann?.password_hash ?? '')).toBe(false);

    const db = await openDb({ dataDir: dir });
    await createSession(db, 'ann', Date.now());
    await db.close();
    const pw = await run(
      dir,
      'second-admin-password\r\n',
      'user',
      'passwd',
      'ANN',
      '--password-stdin',
    );
    expect(pw.code, pw.stderr).toBe(0);
    const [after] = await users(dir);
    expect(await verifyPassword('second-admin-password', after?.password_hash ?? '')).toBe(true);
    const db2 = await openDb({ dataDir: dir });
    expect((await db2.query('select * from sessions')).rows).toEqual([]);
    await db2.close();
  }, 240_000);

  it('invalid input exits 1 with {"errors"} naming the field; nothing is created', async () => {
    const dir = tempDir();
    const short = await run(
      dir,
      'short\n',
      'user',
      'add',
      'ann',
      '--role',
      'admin',
      '--password-stdin',
    );
    expect(short.code).toBe(1);
    expect(JSON.parse(short.stderr.trim())).toEqual({
      errors: [{ field: 'password', reason: 'the password must have at least 10 characters' }],
    });
    const empty = await run(dir, '\n', 'user', 'add', 'ann', '--role', 'admin', '--password-stdin');
    expect(JSON.parse(empty.stderr.trim()).errors[0].reason).toBe('no password on standard input');
    const badName = await run(
      dir,
      'long-enough-pw',
      'user',
      'add',
      '<b>x</b>',
      '--role',
      'viewer',
      '--password-stdin',
    );
    expect(badName.code).toBe(1);
    expect(JSON.parse(badName.stderr.trim()).errors[0].field).toBe('name');
    expect(await users(dir)).toEqual([]);

    expect(
      (
        await run(
          dir,
          'long-enough-pw',
          'user',
          'add',
          'ed',
          '--role',
          'editor',
          '--password-stdin',
        )
      ).code,
    ).toBe(0);
    const dup = await run(
      dir,
      'long-enough-pw2',
      'user',
      'add',
      'Ed',
      '--role',
      'viewer',
      '--password-stdin',
    );
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const missing = await run(
      dir,
      'long-enough-pw',
      'user',
      'passwd',
      'nobody',
      '--password-stdin',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no user named 'nobody'/);
  }, 240_000);

  it('as a real process: the password piped to stdin; refused with a clear message while the folder is in use', async () => {
    const dir = tempDir();
    const spawn = () =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'cli/atlas.ts',
          'user',
          'add',
          'ann',
          '--role',
          'admin',
          '--password-stdin',
        ],
        {
          cwd: ROOT,
          input: 'piped-password-1\n',
          encoding: 'utf8',
          env: { ...process.env, ATLAS_DATA_DIR: dir, DATABASE_URL: '' },
          timeout: 120_000,
        },
      );
    const held = await openDb({ dataDir: dir });
    const busy = spawn();
    await held.close();
    expect(busy.status, busy.stderr).toBe(1);
    expect(busy.stderr).toMatch(new RegExp(`in use by process ${process.pid}`));
    expect(busy.stderr).toMatch(/stop it and try again/);

    const ok = spawn();
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ user: { name: 'ann', role: 'admin' } });
    const [ann] = await users(dir);
    expect(await verifyPassword('piped-password-1', ann?.password_hash ?? '')).toBe(true);
  }, 240_000);
});
