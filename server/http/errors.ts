/**
 * Errors that end a request with a JSON answer (`{"error", "errors"?, ...}` as SERVER.md says).
 * Thrown inside a transaction they also roll it back: nothing is written.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageCode, MessageParams } from '../../src/core/common/messages.ts';

export interface FieldError {
  field: string;
  reason: string;
  /**
   * The reason's code and values in the core's catalogue (src/core/common/messages.ts): extra keys
   * beside `reason` (which stays the English), so a client can word the error in its language.
   */
  code?: MessageCode;
  params?: MessageParams;
  /** In a batch: the 0-based index of the row in `upserts` or `deletes`, and its id. */
  row?: number;
  id?: string;
  list?: 'upserts' | 'deletes';
}

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function fieldErrors(status: ContentfulStatusCode, message: string, errors: FieldError[]) {
  return new HttpError(status, message, { errors });
}

export function sendError(c: Context, e: HttpError) {
  return c.json({ error: e.message, ...e.extra }, e.status);
}

/** The request body as JSON, or a 400 naming the problem. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new HttpError(400, 'the request has no body (a JSON object)');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
}

/** A PostgreSQL unique violation (SQLSTATE 23505), from pg or PGlite. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
