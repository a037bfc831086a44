/**
 * THE problem report: one shape for everything that is wrong with an input (a file, a row, a
 * feature, a field, a stored record), and one formatter for people. FormatIssue (importers),
 * DataIssue (data/ files), FeatureIssue (analytics) and the CLI's InputIssue are this type with
 * some fields required. The CLI's JSON (BRIEF §5: {"errors":[{"row"|"feature":N,"field","reason"}]})
 * is `problemJson`.
 */

import type { MessageCode, MessageParams } from './messages.ts';

export interface Problem {
  /** The file (its name as the user gave it). */
  file?: string;
  /** 1-based data row of a table (the header is not counted). */
  row?: number;
  /** 0-based index of a feature in its collection. */
  feature?: number;
  /** The row's or feature's id, when it has one. */
  id?: string | number;
  /** The column, property or part at fault (`lat`, `geometry`, `json`, `header`, `zip`...). */
  field?: string;
  /** What is wrong, in English, starting lower-case ("is out of range", "not a number: ..."). */
  reason: string;
  /** 1-based line and column of a syntax error in a text file. */
  line?: number;
  column?: number;
  /**
   * The message's code in THE catalogue (common/messages.ts) and its values, when it has one: the
   * app words the problem in its language from these; `reason` stays the English (CLI) text.
   */
  code?: MessageCode;
  params?: MessageParams;
  /** Default: an error for the row/feature it names (which is left out). */
  severity?: 'error' | 'warning';
}

/**
 * A problem as one line of English, as the CLI prints it after "warning: ":
 * `file (row 4, line 5, id "tz-a", lat): is out of range`,
 * `parks.geojson (feature 2, geometry): self-intersecting polygon near [116.6, 39.9]`;
 * without a file, `row 3, lon: not a number: "abc"`; just the reason when nothing locates it.
 * The app shows this text in English and words coded problems in Chinese from their code and
 * params (src/web/i18n/problems.ts).
 */
export function formatProblem(p: Problem): string {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  else if (p.feature !== undefined) parts.push(`feature ${p.feature}`);
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  if (p.column !== undefined) parts.push(`column ${p.column}`);
  if (p.id !== undefined && p.id !== '') parts.push(`id ${JSON.stringify(String(p.id))}`);
  if (p.field) parts.push(p.field);
  const where = parts.join(', ');
  if (p.file) return `${p.file}${where ? ` (${where})` : ''}: ${p.reason}`;
  return where ? `${where}: ${p.reason}` : p.reason;
}

/**
 * The problem as the CLI contract prints it: file (optional), row or feature, field, reason, then
 * line/column when known. Keys in that order; nothing else.
 */
export function problemJson(p: Problem, withFile = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (withFile && p.file !== undefined) out.file = p.file;
  if (p.row !== undefined) out.row = p.row;
  if (p.feature !== undefined) out.feature = p.feature;
  out.field = p.field ?? '';
  out.reason = p.reason;
  if (p.line !== undefined) out.line = p.line;
  if (p.column !== undefined) out.column = p.column;
  return out;
}
