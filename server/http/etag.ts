/**
 * Entity tags: a list carries its data's revision, a row its version. `If-None-Match` answers
 * 304 when it names the current tag; `If-Match` on a write names the version the client edited.
 */
import { HttpError } from './errors.ts';

/** The opaque part of an entity tag: `W/"12"` and `"12"` are both `12`. */
function opaque(tag: string): string {
  return tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/** True when `If-None-Match` names `etag` (weak comparison) or is `*`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const want = opaque(etag);
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === want);
}

/**
 * The version an `If-Match` header names: `"3"` (also `W/"3"` or a bare 3). Missing: 428;
 * anything else: 400.
 */
export function ifMatchVersion(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new HttpError(
      428,
      'If-Match is required: send the version you edited, e.g. If-Match: "3"',
    );
  }
  const v = opaque(header);
  if (!/^\d{1,9}$/.test(v)) {
    throw new HttpError(
      400,
      `If-Match must name one version, e.g. "3" (got ${header.slice(0, 40)})`,
    );
  }
  return Number(v);
}
