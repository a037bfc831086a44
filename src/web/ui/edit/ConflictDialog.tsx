/**
 * A 409 on save: for each field both people changed, the saved value and this user's value side
 * by side; the user keeps one per field. Nothing is lost: the saved value stays in the history,
 * and a value of this user's that is not kept is written into the change's note.
 */
import { useState } from 'react';
import type { Initiative } from '../../../core/ledger/model.ts';
import { valueLabel } from '../../i18n/values.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { type Choice, resolveConflict } from './form-model.ts';
import { applyRow, errorText, notifyInfo, saveChanges } from './ledger-actions.ts';
import { COLUMN_LABELS, useEditT } from './strings.ts';

function show(v: unknown, empty: string): string {
  return v === null || v === undefined || v === '' ? empty : String(v);
}

export function ConflictDialog() {
  const t = useEditT();
  const lang = useAtlas((s) => s.lang);
  const conflict = useEdit((s) => s.conflict);
  const [choice, setChoice] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const { current } = conflict;
  const fields = conflict.fields.length
    ? conflict.fields
    : (Object.keys(conflict.mine) as (keyof Initiative)[]);
  const apply = async () => {
    setBusy(true);
    setError(null);
    const c = { ...conflict, fields };
    const { changes, dropped } = resolveConflict(c, choice);
    const kept = Object.entries(dropped)
      .map(([k, v]) => `${k}: ${show(v, '')}`)
      .join('; ');
    const note = [conflict.note.trim(), kept && `(${t('keepTheirs')}; ${t('yours')}: ${kept})`]
      .filter(Boolean)
      .join(' ');
    applyRow(current);
    useEdit.setState({ conflict: null });
    setChoice({});
    try {
      if (Object.keys(changes).length > 0) {
        await saveChanges(conflict.id, changes, note, current.version);
      } else if (kept) {
        // Nothing to write: this user's values are still shown, to copy if needed.
        notifyInfo(`${t('keepTheirs')}. ${t('yours')}: ${kept}`, 'conflict-kept');
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal" role="dialog" aria-labelledby="conflict-h" data-testid="conflict-dialog">
      <div className="modal-body wide">
        <h2 id="conflict-h">{t('conflictTitle')}</h2>
        <p>{t('conflictIntro')}</p>
        <table className="conflict-table">
          <thead>
            <tr>
              <th>{t('field')}</th>
              <th>{t('theirs').replace('{who}', current.updated_by ?? '?')}</th>
              <th>{t('yours')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => {
              const pickIt = (c: Choice) => setChoice((o) => ({ ...o, [f]: c }));
              const chosen = choice[f] ?? 'mine';
              return (
                <tr key={f} data-testid={`conflict-${f}`}>
                  <th scope="row">{COLUMN_LABELS[f]?.[lang] ?? f}</th>
                  <td>
                    <label>
                      <input
                        type="radio"
                        name={`c-${f}`}
                        checked={chosen === 'theirs'}
                        onChange={() => pickIt('theirs')}
                        data-testid={`conflict-theirs-${f}`}
                      />{' '}
                      <span data-testid={`conflict-theirs-value-${f}`}>
                        {show(valueLabel(f, current[f], lang), t('empty'))}
                      </span>
                    </label>
                  </td>
                  <td>
                    <label>
                      <input
                        type="radio"
                        name={`c-${f}`}
                        checked={chosen === 'mine'}
                        onChange={() => pickIt('mine')}
                        data-testid={`conflict-mine-${f}`}
                      />{' '}
                      <span data-testid={`conflict-mine-value-${f}`}>
                        {show(valueLabel(f, conflict.mine[f], lang), t('empty'))}
                      </span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {error && <p className="form-error">{error}</p>}
        <div className="form-actions">
          <button type="button" disabled={busy} onClick={apply} data-testid="conflict-apply">
            {t('applyChoice')}
          </button>
        </div>
      </div>
    </div>
  );
}
