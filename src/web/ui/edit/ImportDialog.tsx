/**
 * Import a ledger file as an update: read with the core's checks, compared with the server's
 * ledger (new / changed / unchanged / missing), then sent as one all-or-nothing POST /batch whose
 * upserts carry the version the preview saw.
 */
import { useState } from 'react';
import { diffLedger, type LedgerDiff } from '../../../core/ledger/diff.ts';
import { readLedgerFile } from '../../../core/ledger/read-file.ts';
import { type DataIssue, locateIssue } from '../../../core/ledger/validate.ts';
import { api } from '../../api/client.ts';
import { formatProblemIn } from '../../i18n/problems.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { errorText, loadLedger, notifyInfo } from './ledger-actions.ts';
import { COLUMN_LABELS, useEditT } from './strings.ts';

interface Preview {
  name: string;
  diff: LedgerDiff;
  problems: DataIssue[];
}

export function ImportDialog() {
  const t = useEditT();
  const lang = useAtlas((s) => s.lang);
  const open = useEdit((s) => s.importOpen);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [deleteMissing, setDeleteMissing] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) return null;
  const close = () => {
    useEdit.setState({ importOpen: false });
    setPreview(null);
    setError(null);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const cities = useAtlas.getState().data?.catalog.cities.map((c) => c.id) ?? [];
    const read = await readLedgerFile(await file.arrayBuffer(), file.name, {
      cityIds: new Set(cities),
    });
    const current = useEdit.getState().ledger ?? [];
    setPreview({
      name: file.name,
      diff: diffLedger(current, read.rows),
      problems: read.issues.map(locateIssue),
    });
  };
  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    const meta = useEdit.getState().meta;
    const { diff } = preview;
    try {
      const res = await api.batch({
        upserts: [
          ...diff.added,
          ...diff.changed.map((c) => ({ ...c.after, version: meta.get(c.id)?.version ?? 0 })),
        ],
        deletes: deleteMissing ? diff.missing.map((r) => r.id) : [],
        note: note.trim() || preview.name,
      });
      useEdit.setState((s) => ({ etag: null, rev: s.rev + 1 }));
      await loadLedger();
      notifyInfo(
        `${t('importDone')}: +${res.created}, ~${res.updated}, −${res.deleted} (${t('batch')} ${String(res.batch)})`,
      );
      close();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const d = preview?.diff;
  return (
    <div className="modal" role="dialog" aria-labelledby="import-h" data-testid="import-dialog">
      <div className="modal-body wide">
        <h2 id="import-h">{t('importTitle')}</h2>
        <label className="edit-field">
          <span className="edit-label">{t('importFile')}</span>
          <input
            type="file"
            accept=".csv,.txt,.xlsx,.xls,.ods"
            onChange={(e) => void onFile(e.target.files?.[0])}
            data-testid="ledger-import-file"
          />
        </label>
        {d && preview && (
          <div className="import-preview" data-testid="import-preview">
            <ul className="import-counts">
              <li data-testid="import-new">
                {d.added.length} {t('importNew')}
              </li>
              <li data-testid="import-changed">
                {d.changed.length} {t('importChanged')}
              </li>
              <li data-testid="import-unchanged">
                {d.unchanged.length} {t('importUnchanged')}
              </li>
              <li data-testid="import-missing">
                {d.missing.length} {t('importMissing')}
              </li>
              {preview.problems.length > 0 && (
                <li className="form-error">
                  {preview.problems.length} {t('importProblems')}
                </li>
              )}
            </ul>
            <details open={d.changed.length <= 10}>
              <summary>{t('importChanged')}</summary>
              <ul>
                {d.changed.slice(0, 200).map((c) => (
                  <li key={c.id}>
                    <code>{c.id}</code>:{' '}
                    {c.fields.map((f) => (
                      <span key={f} className="import-field">
                        {COLUMN_LABELS[f]?.[lang] ?? f}: <del>{String(c.before[f] ?? '')}</del> →{' '}
                        <ins>{String(c.after[f] ?? '')}</ins>{' '}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </details>
            {d.added.length > 0 && (
              <details>
                <summary>{t('importNew')}</summary>
                <ul>
                  {d.added.slice(0, 200).map((r) => (
                    <li key={r.id}>
                      <code>{r.id}</code> {r.name_zh} / {r.name_en}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {preview.problems.length > 0 && (
              <details>
                <summary>{t('importProblems')}</summary>
                <ul>
                  {preview.problems.slice(0, 100).map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: problems by position
                    <li key={i}>{formatProblemIn(p, lang)}</li>
                  ))}
                </ul>
              </details>
            )}
            <label>
              <input
                type="checkbox"
                checked={deleteMissing}
                onChange={(e) => setDeleteMissing(e.target.checked)}
                data-testid="import-delete-missing"
              />{' '}
              {t('importDeleteMissing')} ({d.missing.length})
            </label>
            <label className="edit-field">
              <span className="edit-label">{t('note')}</span>
              <input value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button
            type="button"
            disabled={
              !d ||
              busy ||
              d.added.length + d.changed.length + (deleteMissing ? d.missing.length : 0) === 0
            }
            onClick={apply}
            data-testid="import-apply"
          >
            {t('importApply')}
          </button>
          <button type="button" className="link" onClick={close}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
