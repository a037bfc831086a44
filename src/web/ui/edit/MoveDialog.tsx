/** After a pin is dropped: how exact the new site is and which source places it, then PATCH. */
import { type FormEvent, useState } from 'react';
import { PRECISIONS, type Precision, splitSources } from '../../../core/ledger/model.ts';
import { PRECISION_LABELS } from '../../i18n/strings.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { errorText, saveChanges } from './ledger-actions.ts';
import { useEditT } from './strings.ts';

/** The row's source cell with `added` put last (unless it is already named). */
export function withSource(cell: string, added: string): string {
  const parts = splitSources(cell);
  const a = added.trim();
  return (parts.includes(a) ? parts : [...parts, a]).join(' | ');
}

export function MoveDialog() {
  const t = useEditT();
  const lang = useAtlas((s) => s.lang);
  const moved = useEdit((s) => s.moved);
  const row = useAtlas((s) => s.data?.initiatives.find((r) => r.id === moved?.id));
  const [precision, setPrecision] = useState<Precision>('exact');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!moved || !row) return null;
  const close = () => useEdit.setState({ moved: null, mode: 'idle' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!source.trim()) {
      setError(t('sourceRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const lon = Number(moved.lon.toFixed(6));
    const lat = Number(moved.lat.toFixed(6));
    const changes = {
      lon,
      lat,
      location_precision: precision,
      source: withSource(row.source, source),
    };
    try {
      await saveChanges(row.id, changes, note.trim() || `${t('newLocation')}: ${source.trim()}`);
      close();
      setSource('');
      setNote('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal" role="dialog" aria-labelledby="move-h" data-testid="move-dialog">
      <form onSubmit={submit} className="modal-body">
        <h2 id="move-h">{t('newLocation')}</h2>
        <p className="muted">
          {moved.lat.toFixed(6)}, {moved.lon.toFixed(6)}
        </p>
        <label className="edit-field">
          <span className="edit-label">{t('precisionQ')}</span>
          <select
            value={precision}
            onChange={(e) => setPrecision(e.target.value as Precision)}
            data-testid="move-precision"
          >
            {PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {PRECISION_LABELS[p][lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="edit-field">
          <span className="edit-label">{t('sourceQ')}</span>
          <input
            value={source}
            placeholder="https://…"
            onChange={(e) => setSource(e.target.value)}
            data-testid="move-source"
          />
        </label>
        <label className="edit-field">
          <span className="edit-label">{t('note')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="move-note" />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="move-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={busy} data-testid="move-save">
            {t('save')}
          </button>
          <button type="button" className="link" onClick={close}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
