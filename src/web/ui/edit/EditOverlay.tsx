import './edit.css';
/**
 * Everything the editing adds over the map: the toolbar (Add project, Import ledger), the hint of
 * the current mode, the Undo bar after a delete, and the dialogs (new project, move, conflict,
 * import). Nothing shows for viewers, the public or a static copy.
 */
import type { Initiative } from '../../../core/ledger/model.ts';
import { useAtlas } from '../../state/store.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { useCanEdit, useEdit } from './edit-store.ts';
import { emptyForm } from './form-model.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { createProject, restoreProject } from './ledger-actions.ts';
import { MoveDialog } from './MoveDialog.tsx';
import { ProjectForm } from './ProjectForm.tsx';
import { PublishedLayersButton } from './PublishedLayers.tsx';
import { useEditT } from './strings.ts';

/** The city whose seat is nearest (a starting guess the user can change). */
function nearestCity(lon: number, lat: number): string {
  const cities = useAtlas.getState().data?.catalog.cities ?? [];
  let best = '';
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of cities) {
    const d = (c.seat[0] - lon) ** 2 + (c.seat[1] - lat) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c.id;
    }
  }
  return best;
}

function AddDialog() {
  const t = useEditT();
  const draft = useEdit((s) => s.draft);
  if (!draft) return null;
  const close = () => useEdit.setState({ draft: null });
  return (
    <div className="modal" role="dialog" aria-labelledby="add-h" data-testid="add-dialog">
      <div className="modal-body wide">
        <h2 id="add-h">{t('newProject')}</h2>
        <ProjectForm
          testid="add-form"
          initial={emptyForm(draft.lon, draft.lat, nearestCity(draft.lon, draft.lat))}
          withNote={false}
          onCancel={close}
          onSubmit={async (row: Initiative) => {
            await createProject(row);
            close();
            useAtlas.getState().select({ kind: 'initiative', id: row.id });
          }}
        />
      </div>
    </div>
  );
}

function UndoBar() {
  const t = useEditT();
  const undo = useEdit((s) => s.undo);
  if (!undo) return null;
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>
        {t('deleted')}: {undo.name}
      </span>
      <button
        type="button"
        onClick={() => {
          void restoreProject(undo.id);
        }}
        data-testid="undo"
      >
        {t('undo')}
      </button>
      <button
        type="button"
        className="close"
        aria-label="×"
        onClick={() => useEdit.setState({ undo: null })}
      >
        ×
      </button>
    </div>
  );
}

export function EditOverlay() {
  const t = useEditT();
  const canEdit = useCanEdit();
  const mode = useEdit((s) => s.mode);
  return (
    <>
      {canEdit && (
        <div className="edit-toolbar" data-testid="edit-toolbar">
          <button
            type="button"
            aria-pressed={mode === 'add'}
            onClick={() => useEdit.setState({ mode: mode === 'add' ? 'idle' : 'add' })}
            data-testid="add-project"
          >
            {t('addProject')}
          </button>
          <button
            type="button"
            onClick={() => useEdit.setState({ importOpen: true })}
            data-testid="import-ledger"
          >
            {t('importLedger')}
          </button>
          <PublishedLayersButton />
          {mode === 'add' && <span className="edit-hint">{t('addHint')}</span>}
        </div>
      )}
      <UndoBar />
      {canEdit && <AddDialog />}
      {canEdit && <MoveDialog />}
      {canEdit && <ConflictDialog />}
      {canEdit && <ImportDialog />}
    </>
  );
}
