/**
 * A zod issue as a coded message (common/messages-schema.ts): its English reason is the issue's
 * own message, unchanged (what `atlas check`, the API and the CLI always said), and the code and
 * params let the app word it in Chinese. The schema's fixed messages are written with
 * `schemaText` (which remembers which text is which code), its computed ones carry their code in
 * the issue's params (`schemaIssue`), and zod's own English messages are read back into their
 * values. A message none of these knows gets the code `zod_invalid` with the text as its detail.
 */
import type { z } from 'zod';
import { MESSAGES, type MessageCode, type MessageParams, type Said, say } from './messages.ts';

/** The schema's fixed texts, by their English (filled in as schemas.ts is built). */
const BY_TEXT = new Map<string, Said>();

/** A fixed schema message: its English, remembered so an issue with this text gets its code. */
export function schemaText(code: MessageCode, params?: MessageParams): string {
  const s = say(code, params);
  BY_TEXT.set(s.reason, s);
  return s.reason;
}

/** A computed schema message for `ctx.addIssue`: the English and the code in the params. */
export function schemaIssue(
  code: MessageCode,
  params: MessageParams = {},
): { message: string; params: MessageParams } {
  return { message: say(code, params).reason, params: { code, ...params } };
}

type Reader = [RegExp, MessageCode, readonly string[]];

/** zod's own English messages (its "en" locale) and the values in them. */
const ZOD_ENGLISH: readonly Reader[] = [
  [/^Invalid input: expected (.+), received (.+)$/, 'zod_expected_type', ['expected', 'received']],
  [/^Invalid option: expected one of (.+)$/, 'zod_expected_one_of', ['values']],
  [/^Invalid input: expected (.+)$/, 'zod_expected_value', ['value']],
  [
    /^Too small: expected (\S+) to have (exactly |>=|>)(\S+) (\S+)$/,
    'zod_too_small_size',
    ['origin', 'op', 'limit', 'unit'],
  ],
  [
    /^Too small: expected (\S+) to be (exactly |>=|>)(\S+)$/,
    'zod_too_small',
    ['origin', 'op', 'limit'],
  ],
  [
    /^Too big: expected (\S+) to have (exactly |<=|<)(\S+) (\S+)$/,
    'zod_too_big_size',
    ['origin', 'op', 'limit', 'unit'],
  ],
  [
    /^Too big: expected (\S+) to be (exactly |<=|<)(\S+)$/,
    'zod_too_big',
    ['origin', 'op', 'limit'],
  ],
  [/^Invalid string: must match pattern (.+)$/, 'zod_pattern', ['pattern']],
  [/^Invalid discriminator value\. Expected (.+)$/, 'zod_discriminator', ['options']],
  [/^Unrecognized key(s?): (.+)$/, 'zod_keys', ['plural', 'keys']],
];

const isCode = (c: unknown): c is MessageCode => typeof c === 'string' && c in MESSAGES;

/** The issue's message with its code and values. */
export function zodSaid(issue: Pick<z.core.$ZodIssue, 'message'> & { params?: unknown }): Said {
  const reason = issue.message;
  const p = issue.params as Record<string, unknown> | undefined;
  if (p && isCode(p.code)) {
    const params: MessageParams = {};
    for (const [k, v] of Object.entries(p)) {
      if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
    }
    return { reason, code: p.code, params };
  }
  const fixed = BY_TEXT.get(reason);
  if (fixed) return { ...fixed, reason };
  for (const [re, code, names] of ZOD_ENGLISH) {
    const m = re.exec(reason);
    if (!m) continue;
    const params: MessageParams = {};
    names.forEach((n, i) => {
      params[n] = m[i + 1] ?? '';
    });
    return { reason, code, params };
  }
  return { reason, code: 'zod_invalid', params: { detail: reason } };
}
