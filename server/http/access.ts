/**
 * Who may read: anyone, unless ATLAS_PUBLIC_READ=0 (then a signed-in user of any role).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../types.ts';

export function publicReadFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ATLAS_PUBLIC_READ !== '0';
}

export function requireReader(publicRead = publicReadFromEnv()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!publicRead && !c.get('user')) {
      return c.json({ error: 'sign in to read (this atlas is not public)' }, 401);
    }
    await next();
  };
}
