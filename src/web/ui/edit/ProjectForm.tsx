/**
 * One form for a new project and for editing one: checked with the core's schema before sending;
 * the server's 422 field errors land beside their fields.
 */
import { type FormEvent, useState } from 'react';
import { INITIATIVE_COLUMNS, type Initiative } from '../../../core/ledger/model.ts';
import { ApiError } from '../../api/client.ts';
import { type Column, type FieldErrors, type FormValues, fromForm } from './form-model.ts';
import { errorText } from './ledger-actions.ts';
import { ProjectFields } from './ProjectFields.tsx';
import { useEditT } from './strings.ts';

export function ProjectForm({
  initial,
  readOnly = [],
  withNote,
  onSubmit,
  onCancel,
  testid,
}: {
  initial: FormValues;
  readOnly?: readonly Column[];
  withNote: boolean;
  /** Sends the row; throws an ApiError to show the server's refusal. */
  onSubmit: (row: Initiative, note: string) => Promise<void>;
  onCancel: () => void;
  testid: string;
}) {
  const t = useEditT();
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = fromForm(values);
    if (!r.ok) {
      setErrors(r.errors);
      setMessage(t('invalid'));
      return;
    }
    setErrors({});
    setMessage(null);
    setBusy(true);
    try {
      await onSubmit(r.row, note);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length > 0) {
        setErrors(Object.fromEntries(err.errors.map((x) => [x.field, x])));
      }
      setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="project-form" onSubmit={submit} data-testid={testid} noValidate>
      <ProjectFields
        values={values}
        errors={errors}
        columns={INITIATIVE_COLUMNS}
        readOnly={readOnly}
        onChange={(c, v) => setValues((old) => ({ ...old, [c]: v }))}
      />
      {withNote && (
        <label className="edit-field">
          <span className="edit-label">{t('note')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="edit-note" />
        </label>
      )}
      {message && (
        <p className="form-error" role="alert" data-testid="form-error">
          {message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy} data-testid="form-save">
          {t('save')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
