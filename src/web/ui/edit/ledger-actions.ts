/**
 * Writes to the server and their effect on the app: every answer replaces the row in the ledger
 * the map and table show; a 409 opens the conflict dialog; other errors become a notice whose
 * words say what happened (a 401/403 from the server is shown even when the UI offered the action).
 */
import type { Initiative } from '../../../core/ledger/model.ts';
import { ApiError, api, type ServerRow } from '../../api/client.ts';
import { metaOf, readRow, readRows } from '../../api/rows.ts';
import { reasonIn } from '../../i18n/reason-in.ts';
import { STRINGS } from '../../i18n/strings.ts';
import { type LocalText, useAtlas } from '../../state/store.ts';
import type { Lang } from '../../state/url.ts';
import { useEdit } from './edit-store.ts';
import { fieldErrorText } from './field-error-text.ts';
import { EDIT_STRINGS, type EditKey } from './strings.ts';

function tr(key: EditKey): string {
  return EDIT_STRINGS[useAtlas.getState().lang][key];
}

const KIND_KEY: Record<ApiError['kind'], EditKey> = {
  network: 'errNetwork',
  unauthorized: 'errUnauthorized',
  forbidden: 'errForbidden',
  not_found: 'errNotFound',
  conflict: 'errConflict',
  precondition: 'errPrecondition',
  validation: 'errValidation',
  rate_limited: 'errRateLimited',
  server: 'errServer',
};

/** A user-facing sentence for an error (the server's own words added where they help). */
export function errorText(e: unknown): string {
  const zh = useAtlas.getState().lang === 'zh';
  if (e instanceof ApiError) {
    const base = tr(KIND_KEY[e.kind]);
    // The server's own words are English: in Chinese they are only a detail (errorDetail).
    if ((e.kind === 'validation' || e.kind === 'server') && !zh) return `${base} ${e.message}`;
    if (zh && (e.kind === 'validation' || e.kind === 'server')) return base.replace(/：$/, '。');
    return base;
  }
  if (zh) return tr('errUnexpected');
  return e instanceof Error ? e.message : String(e);
}

/** The raw English behind errorText in Chinese (the server's or a library's words), else null. */
export function errorDetail(e: unknown): string | null {
  if (useAtlas.getState().lang !== 'zh') return null;
  if (e instanceof ApiError) {
    return e.kind === 'validation' || e.kind === 'server' || e.kind === 'network'
      ? e.message || null
      : null;
  }
  return e instanceof Error ? e.message : String(e);
}

export function notifyError(e: unknown, id = 'edit-error'): void {
  const details: LocalText[] =
    e instanceof ApiError ? e.errors.map((x) => (lang: Lang) => fieldErrorText(x, lang)) : [];
  const raw = errorDetail(e);
  if (raw && details.length === 0) details.push(raw);
  useAtlas.getState().addNotice({ id, level: 'error', text: errorText(e), details });
}

export function notifyInfo(text: string, id = 'edit-info'): void {
  useAtlas.getState().addNotice({ id, level: 'info', text, details: [] });
}

/** Puts the server's ledger into the app (replacing data/initiatives.csv's rows). */
function pushLedger(ledger: Initiative[]): void {
  const a = useAtlas.getState();
  if (a.data && a.data.initiatives !== ledger) a.setData({ ...a.data, initiatives: ledger });
}

/** Reads the ledger from the server (If-None-Match: nothing is re-read when it has not changed). */
export async function loadLedger(): Promise<void> {
  const s = useEdit.getState();
  const res = await api.list(s.ledger ? s.etag : null);
  if (!res) return;
  const { rows, meta, problems } = readRows(res.items);
  useEdit.setState({ ledger: rows, meta, etag: res.etag });
  pushLedger(rows);
  if (problems.length > 0) {
    useAtlas.getState().addNotice({
      id: 'server-ledger-problems',
      level: 'warning',
      text: `${problems.length} ${STRINGS[useAtlas.getState().lang].rows}: ${tr('errValidation')}`,
      details: problems.map((p) => (lang: Lang) => reasonIn(p, lang)),
    });
  }
}

/** Replaces (or adds) one row after a write answered with it. */
export function applyRow(raw: ServerRow): void {
  const r = readRow(raw);
  const s = useEdit.getState();
  if (!r.ok || !s.ledger) return;
  const i = s.ledger.findIndex((x) => x.id === r.row.id);
  const ledger = i >= 0 ? s.ledger.map((x, j) => (j === i ? r.row : x)) : [...s.ledger, r.row];
  const meta = new Map(s.meta);
  meta.set(r.row.id, metaOf(raw as unknown as Record<string, unknown>));
  useEdit.setState({ ledger, meta, etag: null, rev: s.rev + 1 });
  pushLedger(ledger);
}

function dropRow(id: string): void {
  const s = useEdit.getState();
  if (!s.ledger) return;
  const ledger = s.ledger.filter((x) => x.id !== id);
  const meta = new Map(s.meta);
  meta.delete(id);
  useEdit.setState({ ledger, meta, etag: null, rev: s.rev + 1 });
  pushLedger(ledger);
}

/**
 * PATCHes the changed columns with the version this user saw. A 409 opens the conflict dialog
 * (nothing is lost: this user's values are kept there); returns true when saved.
 */
export async function saveChanges(
  id: string,
  changes: Partial<Initiative>,
  note: string,
  version?: number,
): Promise<boolean> {
  const v = version ?? useEdit.getState().meta.get(id)?.version ?? 0;
  try {
    applyRow(await api.patch(id, v, changes, note.trim() || undefined));
    notifyInfo(tr('saved'));
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.kind === 'conflict' && e.current) {
      const fields = e.conflicts.filter((f): f is keyof Initiative => f in changes);
      useEdit.setState({
        conflict: { id, mine: changes, note, current: e.current, fields },
      });
      return false;
    }
    notifyError(e);
    throw e;
  }
}

export async function createProject(row: Initiative): Promise<ServerRow> {
  const created = await api.create(row);
  applyRow(created);
  notifyInfo(tr('saved'));
  return created;
}

export async function deleteProject(id: string, name: string): Promise<void> {
  const v = useEdit.getState().meta.get(id)?.version ?? 0;
  try {
    await api.remove(id, v);
  } catch (e) {
    notifyError(e);
    return;
  }
  dropRow(id);
  useAtlas.getState().select(null);
  useEdit.setState({ undo: { id, name } });
}

export async function restoreProject(id: string): Promise<void> {
  try {
    applyRow(await api.restore(id));
    useEdit.setState({ undo: null });
    useAtlas.getState().select({ kind: 'initiative', id });
    notifyInfo(tr('restored'));
  } catch (e) {
    notifyError(e);
  }
}
