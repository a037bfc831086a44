/**
 * Types shared by the server's parts: the signed-in user and the Hono environment every route
 * sees (`c.get('db')`, `c.get('user')`).
 */
import type { Db } from './db/index.ts';

export type Role = 'admin' | 'editor' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'editor', 'viewer'];

export interface SessionUser {
  name: string;
  role: Role;
}

export interface AppEnv {
  Variables: {
    db: Db;
    /** The signed-in user, or null (set by the session middleware on every request). */
    user: SessionUser | null;
  };
}
