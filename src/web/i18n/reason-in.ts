/**
 * One coded message (a field error of the edit form or the API, an analytics skip reason) in the
 * UI's language: English is its reason as the core or the server wrote it; Chinese comes from its
 * code and params (problems.ts), and a message without a known code keeps its English.
 */
import type { MessageParams } from '../../core/common/messages.ts';
import type { Lang } from '../state/url.ts';
import { reasonZh } from './problems.ts';

export interface CodedReason {
  reason: string;
  code?: string;
  params?: MessageParams;
}

export function reasonIn(p: CodedReason, lang: Lang): string {
  if (lang === 'en') return p.reason;
  return reasonZh(p.code, p.params) ?? p.reason;
}
