/** A project's change history (GET /api/initiatives/:id/history): who, when, from -> to, note. */
import { useEffect, useState } from 'react';
import { api, type HistoryEntry } from '../../api/client.ts';
import { valueLabel } from '../../i18n/values.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { historyNote } from './history-note.ts';
import { errorText } from './ledger-actions.ts';
import { COLUMN_LABELS, type EditKey, useEditT } from './strings.ts';

const ACTION_KEY: Record<HistoryEntry['action'], EditKey> = {
  create: 'actCreate',
  update: 'actUpdate',
  delete: 'actDelete',
  restore: 'actRestore',
};

function show(v: unknown, empty: string): string {
  if (v === null || v === undefined || v === '') return empty;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function when(at: string, lang: 'zh' | 'en'): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}

export function History({ id }: { id: string }) {
  const t = useEditT();
  const lang = useAtlas((s) => s.lang);
  const rev = useEdit((s) => s.rev);
  const [changes, setChanges] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rev re-reads the history after a write
  useEffect(() => {
    let cancelled = false;
    setError(null);
    api
      .history(id)
      .then((c) => !cancelled && setChanges(c))
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
    };
  }, [id, rev]);
  return (
    <section className="history" data-testid="history">
      <h3>{t('history')}</h3>
      {error && <p className="form-error">{error}</p>}
      {!error && changes === null && <p className="muted">{t('historyLoading')}</p>}
      {changes?.length === 0 && <p className="muted">{t('historyEmpty')}</p>}
      <ol>
        {(changes ?? [])
          .map((c, i) => ({ c, key: `${i}-${c.at}` }))
          .reverse()
          .map(({ c, key }) => (
            <li key={key} data-testid="history-entry">
              <div>
                <strong>{c.by}</strong> {t(ACTION_KEY[c.action] ?? 'actUpdate')}{' '}
                <span className="muted">{when(c.at, lang)}</span>
                {c.batch !== null && c.batch !== undefined && (
                  <span className="muted">
                    {' '}
                    ({t('batch')} {String(c.batch)})
                  </span>
                )}
              </div>
              {c.action === 'update' && (
                <ul className="history-fields">
                  {Object.entries(c.fields ?? {}).map(([f, d]) => (
                    <li key={f}>
                      <span className="history-col">{COLUMN_LABELS[f]?.[lang] ?? f}</span>:{' '}
                      <del>{show(valueLabel(f, d.from, lang), t('empty'))}</del> →{' '}
                      <ins>{show(valueLabel(f, d.to, lang), t('empty'))}</ins>
                    </li>
                  ))}
                </ul>
              )}
              {c.note && <div className="history-note">“{historyNote(c.note, lang)}”</div>}
            </li>
          ))}
      </ol>
    </section>
  );
}
