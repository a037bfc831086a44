/**
 * Users: names, roles, scrypt password hashes, disabled flag. Used by the API (admin routes) and
 * the `atlas user` CLI. Every change that takes rights away (disabled, role changed, password
 * changed, deleted) ends the user's sessions in the same transaction.
 */
import type { Queryable } from '../db/index.ts';
import { ROLES, type Role } from '../types.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

export interface FieldError {
  field: string;
  reason: string;
}

/** Invalid input: the fields and why (API 422, CLI exit 1). */
export class UserInputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.reason}`).join('; '));
  }
}

/** The name is taken (API 409). */
export class UserExistsError extends Error {
  constructor(readonly userName: string) {
    super(`a user named '${userName}' already exists`);
  }
}

/** No such user (API 404). */
export class UserNotFoundError extends Error {
  constructor(readonly userName: string) {
    super(`no user named '${userName}'`);
  }
}

/** The change would leave no enabled admin (API 409). */
export class LastAdminError extends Error {
  constructor() {
    super('this would leave no enabled admin');
  }
}

export interface UserInfo {
  name: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name === '') return 'a user name is required';
  if (!NAME.test(name)) {
    return 'a user name is 1 to 64 letters, digits or . _ @ - (starting with a letter or digit)';
  }
  return null;
}

export function isRole(role: unknown): role is Role {
  return typeof role === 'string' && (ROLES as readonly string[]).includes(role);
}

function roleProblem(role: unknown): string | null {
  return isRole(role) ? null : `the role must be one of ${ROLES.join(', ')}`;
}

function check(problems: Array<[string, string | null]>): void {
  const errors = problems
    .filter((p): p is [string, string] => p[1] !== null)
    .map(([field, reason]) => ({ field, reason }));
  if (errors.length > 0) throw new UserInputError(errors);
}

function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}

function toInfo(r: Record<string, unknown>): UserInfo {
  return {
    name: String(r.name),
    role: r.role as Role,
    disabled: r.disabled === true,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  };
}

export async function createUser(
  db: Queryable,
  input: { name: string; role: Role; password: string },
): Promise<void> {
  check([
    ['name', nameProblem(input.name)],
    ['role', roleProblem(input.role)],
    ['password', passwordProblem(input.password)],
  ]);
  const hash = await hashPassword(input.password);
  const r = await db.query(
    `insert into users (name, role, password_hash) values ($1, $2, $3)
     on conflict do nothing returning name`,
    [input.name, input.role, hash],
  );
  if (r.rows.length === 0) throw new UserExistsError(input.name);
}

/** The user whose name matches (without regard to case), or null. */
export async function findUser(
  db: Queryable,
  name: string,
): Promise<(UserInfo & { password_hash: string }) | null> {
  const r = await db.query(
    `select name, role, disabled, created_at, updated_at, password_hash
       from users where lower(name) = lower($1)`,
    [name],
  );
  const row = r.rows[0];
  return row ? { ...toInfo(row), password_hash: String(row.password_hash) } : null;
}

export async function getUser(db: Queryable, name: string): Promise<UserInfo | null> {
  const u = await findUser(db, name);
  if (!u) return null;
  const { password_hash: _, ...info } = u;
  return info;
}

export async function listUsers(db: Queryable): Promise<UserInfo[]> {
  const r = await db.query(
    'select name, role, disabled, created_at, updated_at from users order by name',
  );
  return r.rows.map(toInfo);
}

/** Sets a new password and ends every session of the user. */
export async function setPassword(db: Queryable, name: string, password: string): Promise<void> {
  await updateUser(db, name, { password });
}

export interface UserChange {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

/**
 * Changes a user's role, password or disabled flag. A new role, a new password or disabling ends
 * the user's sessions (except `keepSession`, the token hash of the session making a change to its
 * own password). Refuses to leave no enabled admin.
 */
export async function updateUser(
  db: Queryable,
  name: string,
  change: UserChange,
  keepSession?: string,
): Promise<UserInfo> {
  check([
    ['role', change.role === undefined ? null : roleProblem(change.role)],
    ['password', change.password === undefined ? null : passwordProblem(change.password)],
    [
      'disabled',
      change.disabled === undefined || typeof change.disabled === 'boolean'
        ? null
        : 'disabled is true or false',
    ],
  ]);
  const hash = change.password === undefined ? null : await hashPassword(change.password);
  const current = await findUser(db, name);
  if (!current) throw new UserNotFoundError(name);
  const role = change.role ?? current.role;
  const disabled = change.disabled ?? current.disabled;
  if (current.role === 'admin' && !current.disabled && (role !== 'admin' || disabled)) {
    await assertAnotherAdmin(db, current.name);
  }
  const r = await db.query(
    `update users set role = $2, disabled = $3, password_hash = coalesce($4, password_hash),
            updated_at = now()
      where name = $1
      returning name, role, disabled, created_at, updated_at`,
    [current.name, role, disabled, hash],
  );
  const row = r.rows[0];
  if (!row) throw new UserNotFoundError(name);
  const rightsChanged = role !== current.role || (disabled && !current.disabled);
  if (rightsChanged) {
    await db.query('delete from sessions where user_name = $1', [current.name]);
  } else if (hash !== null) {
    await db.query('delete from sessions where user_name = $1 and token_hash <> $2', [
      current.name,
      keepSession ?? '',
    ]);
  }
  return toInfo(row);
}

/** Deletes a user (their sessions go with them). Refuses to delete the last enabled admin. */
export async function deleteUser(db: Queryable, name: string): Promise<void> {
  const current = await findUser(db, name);
  if (!current) throw new UserNotFoundError(name);
  if (current.role === 'admin' && !current.disabled) await assertAnotherAdmin(db, current.name);
  await db.query('delete from sessions where user_name = $1', [current.name]);
  await db.query('delete from users where name = $1', [current.name]);
}

async function assertAnotherAdmin(db: Queryable, name: string): Promise<void> {
  // Locks the enabled admins' rows (inside a transaction) so two concurrent demotions cannot
  // both see the other as the remaining admin.
  const r = await db.query<{ name: string }>(
    `select name from users where role = 'admin' and not disabled order by name for update`,
  );
  if (!r.rows.some((row) => row.name !== name)) throw new LastAdminError();
}
