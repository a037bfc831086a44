/** The header's account corner: the read-only note, the sign-in form, or who is signed in. */
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { errorText, loadLedger } from './ledger-actions.ts';
import { type EditKey, useEditT } from './strings.ts';

const ROLE_KEY: Record<string, EditKey> = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  viewer: 'roleViewer',
};

function SignInForm({ onDone }: { onDone: () => void }) {
  const t = useEditT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await api.signIn(username.trim(), password);
      useEdit.setState({ user });
      onDone();
      await loadLedger();
    } catch (err) {
      setError(
        err instanceof ApiError && err.kind === 'unauthorized' ? t('errSignIn') : errorText(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="signin-form" onSubmit={submit} data-testid="signin-form">
      <input
        aria-label={t('username')}
        placeholder={t('username')}
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        data-testid="signin-user"
        required
      />
      <input
        aria-label={t('password')}
        placeholder={t('password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        data-testid="signin-password"
        required
      />
      <button type="submit" disabled={busy} data-testid="signin-submit">
        {t('signIn')}
      </button>
      <button type="button" className="link" onClick={onDone}>
        {t('cancel')}
      </button>
      {error && (
        <span className="form-error" role="alert" data-testid="signin-error">
          {error}
        </span>
      )}
    </form>
  );
}

export function AccountBar() {
  const t = useEditT();
  const server = useEdit((s) => s.server);
  const user = useEdit((s) => s.user);
  const [open, setOpen] = useState(false);
  if (server === 'checking') return null;
  if (server === 'none') {
    return (
      <span className="readonly-note" title={t('readOnlyTitle')} data-testid="readonly-note">
        {t('readOnlyStatic')}
      </span>
    );
  }
  if (user) {
    const signOut = async () => {
      try {
        await api.signOut();
      } catch {
        // the session is gone either way
      }
      useEdit.setState({ user: null, mode: 'idle', draft: null, moved: null });
      useAtlas.getState().dismissNotice('edit-error');
    };
    return (
      <span className="account" data-testid="account">
        <span className="muted">{t('signedInAs')}</span>{' '}
        <strong data-testid="account-name">{user.name}</strong>{' '}
        <span className="muted" data-testid="account-role">
          ({t(ROLE_KEY[user.role] ?? 'roleViewer')})
        </span>{' '}
        <button type="button" className="link" onClick={signOut} data-testid="signout">
          {t('signOut')}
        </button>
      </span>
    );
  }
  return open ? (
    <SignInForm onDone={() => setOpen(false)} />
  ) : (
    <button
      type="button"
      className="signin-open"
      onClick={() => setOpen(true)}
      data-testid="signin-open"
    >
      {t('signIn')}
    </button>
  );
}
