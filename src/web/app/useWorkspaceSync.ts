import { useEffect } from 'react';
import { decodeRegions, regionKey } from '../../core/workspace/model.ts';
import { formatProblemIn } from '../i18n/problems.ts';
import { rawDetail } from '../i18n/raw-detail.ts';
import { translate } from '../i18n/useT.ts';
import { type LocalText, useAtlas } from '../state/store.ts';
import { useTime } from '../state/time-store.ts';
import { parseUrlState } from '../state/url.ts';
import {
  clearWorkspace,
  loadWorkspace,
  type Refused,
  saveWorkspace,
} from '../workspace/persist.ts';
import { useWorkspace } from '../workspace/store.ts';

const notice = (text: LocalText, details: LocalText[] = []) =>
  useAtlas.getState().addNotice({ id: 'workspace', level: 'warning', text, details });

/**
 * Restores the analyst's regions and imported layers from IndexedDB (plus regions carried by a
 * shared link), then saves every change. Failures are said, never silent.
 */
export function useWorkspaceSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fromLink = decodeRegions(parseUrlState(window.location.search).regions ?? '');
    loadWorkspace()
      .then(({ workspace, dropped, problems }) => {
        // A link to regions this browser already holds does not add them twice.
        const known = new Set(workspace.regions.map(regionKey));
        useWorkspace.setState({
          regions: [...workspace.regions, ...fromLink.filter((r) => !known.has(regionKey(r)))],
          layers: workspace.layers,
          restored: true,
        });
        if (dropped > 0) {
          notice(
            (lang) => translate(lang, 'wsStoredLeftOut', { n: dropped }),
            problems.slice(0, 50).map((p) => (lang) => formatProblemIn(p, lang)),
          );
        }
      })
      .catch((e: unknown) => {
        useWorkspace.setState({ regions: fromLink, restored: true });
        const error = e instanceof Error ? e.message : String(e);
        notice((lang) => translate(lang, 'wsStoredUnreadable', { error }), [rawDetail(error)]);
      });
    const unsubscribe = useWorkspace.subscribe((s, prev) => {
      if (!s.restored || (s.regions === prev.regions && s.layers === prev.layers)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        saveWorkspace({ regions: s.regions, layers: s.layers })
          .then(({ refused }) => {
            if (refused.length > 0) keepForSession(refused);
          })
          .catch((e: unknown) => {
            const error = e instanceof Error ? e.message : String(e);
            notice((lang) => translate(lang, 'wsSaveFailed', { error }), [rawDetail(error)]);
          });
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}

/**
 * Layers the browser refused to keep stay for the session, marked so, and the user is told which
 * and how much space was refused (one notice per layer).
 */
function keepForSession(refused: readonly Refused[]): void {
  const ids = new Set(refused.map((r) => r.id));
  useWorkspace.setState((st) => ({
    layers: st.layers.map((l) => (ids.has(l.id) ? { ...l, sessionOnly: true } : l)),
  }));
  const lang = useAtlas.getState().lang;
  for (const r of refused) {
    useAtlas.getState().addNotice({
      id: `not-kept-${r.id}`,
      level: 'warning',
      text: translate(lang, 'impNotKept', {
        name: r.name,
        mb: String(Math.ceil(r.bytes / 1e6)),
        error: r.error,
      }),
      details: [rawDetail(r.error)],
    });
  }
}

/** Removes every region and imported layer, here and in storage. */
export async function clearAllWork(): Promise<void> {
  useWorkspace.setState({ regions: [], layers: [], editing: null, drawMode: null, report: null });
  // The timeline's column choices were about those layers (kept in this browser too).
  useTime.setState({ columns: {} });
  await clearWorkspace();
}
