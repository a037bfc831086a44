/**
 * The editing part of the details panel for one project: Edit (PATCH with If-Match and a note),
 * Move pin, Delete (with Undo), and the history. Shown to editors and admins only; the history
 * to anyone when a server answers.
 */
import { useState } from 'react';
import type { Initiative } from '../../../core/ledger/model.ts';
import { pick } from '../../i18n/useT.ts';
import { useAtlas } from '../../state/store.ts';
import { useCanEdit, useEdit } from './edit-store.ts';
import { changes, toForm } from './form-model.ts';
import { History } from './History.tsx';
import { deleteProject, notifyInfo, saveChanges } from './ledger-actions.ts';
import { ProjectForm } from './ProjectForm.tsx';
import { useEditT } from './strings.ts';

export function EditDetails({ row }: { row: Initiative }) {
  const t = useEditT();
  const lang = useAtlas((s) => s.lang);
  const server = useEdit((s) => s.server);
  const mode = useEdit((s) => s.mode);
  const canEdit = useCanEdit();
  const [editing, setEditing] = useState(false);
  if (server !== 'up') return null;
  const name = pick(lang, row.name_zh, row.name_en);
  const onDelete = () => {
    if (window.confirm(t('confirmDelete'))) void deleteProject(row.id, name);
  };
  return (
    <div className="edit-details" data-testid="edit-details">
      {canEdit && !editing && (
        <div className="edit-actions">
          <button type="button" onClick={() => setEditing(true)} data-testid="edit-open">
            {t('edit')}
          </button>
          <button
            type="button"
            aria-pressed={mode === 'move'}
            onClick={() =>
              useEdit.setState({ mode: mode === 'move' ? 'idle' : 'move', moved: null })
            }
            data-testid="move-open"
          >
            {t('move')}
          </button>
          <button type="button" className="danger" onClick={onDelete} data-testid="delete">
            {t('delete')}
          </button>
        </div>
      )}
      {canEdit && mode === 'move' && <p className="edit-hint">{t('moveHint')}</p>}
      {canEdit && editing && (
        <ProjectForm
          key={row.id}
          testid="edit-form"
          initial={toForm(row)}
          readOnly={['id']}
          withNote
          onCancel={() => setEditing(false)}
          onSubmit={async (next, note) => {
            const diff = changes(row, next);
            if (Object.keys(diff).length === 0) {
              notifyInfo(t('nothingChanged'));
              setEditing(false);
              return;
            }
            await saveChanges(row.id, diff, note);
            setEditing(false);
          }}
        />
      )}
      <History id={row.id} />
    </div>
  );
}
