/**
 * Finds out whether an atlas server answers (GET /api/health). With one, the ledger comes from
 * GET /api/initiatives (re-read with its ETag when the window regains focus) and replaces the
 * rows of data/initiatives.csv whenever the app's data is (re)loaded; without one, the app stays
 * read-only on data/ and says so.
 */
import { useEffect } from 'react';
import { api } from '../../api/client.ts';
import { servedByAtlasServer } from '../../api/served.ts';
import { useAtlas } from '../../state/store.ts';
import { useEdit } from './edit-store.ts';
import { loadLedger, notifyError } from './ledger-actions.ts';

export function useServer(): void {
  useEffect(() => {
    let cancelled = false;
    (async () => {
      // A static host has no /api: do not even ask (its 404 would be a console error).
      const up = servedByAtlasServer() && (await api.health());
      if (cancelled) return;
      useEdit.setState({ server: up ? 'up' : 'none' });
      if (!up) return;
      try {
        const user = await api.me();
        if (!cancelled) useEdit.setState({ user });
      } catch {
        // not signed in
      }
      try {
        await loadLedger();
      } catch (e) {
        notifyError(e, 'server-ledger');
      }
    })();
    // Whoever (re)loads the app's data, the server's ledger stays the one shown.
    const unsub = useAtlas.subscribe((s) => {
      const ledger = useEdit.getState().ledger;
      if (ledger && s.data && s.data.initiatives !== ledger) {
        s.setData({ ...s.data, initiatives: ledger });
      }
    });
    const onFocus = () => {
      if (useEdit.getState().server === 'up') loadLedger().catch(() => {});
    };
    window.addEventListener('focus', onFocus);
    return () => {
      cancelled = true;
      unsub();
      window.removeEventListener('focus', onFocus);
    };
  }, []);
}
