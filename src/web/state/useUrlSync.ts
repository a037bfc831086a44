import { useEffect } from 'react';
import { encodeRegions } from '../../core/workspace/model.ts';
import { useWorkspace } from '../workspace/store.ts';
import { useAtlas } from './store.ts';
import { parseUrlState, serializeUrlState, type UrlState } from './url.ts';

/** Reads the URL once at start-up into the store. Call before the first render. */
export function applyUrlOnce(): UrlState {
  const url = parseUrlState(window.location.search);
  useAtlas.getState().applyUrl(url);
  return url;
}

/** Keeps the URL in step with the store (replaceState, debounced): the one place it is written. */
export function useUrlSync(): void {
  // The page's language (screen readers, fonts, hyphenation) follows the UI's.
  const lang = useAtlas((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      const s = useAtlas.getState();
      const encoded = encodeRegions(useWorkspace.getState().regions);
      if (useWorkspace.getState().urlTooLong !== (encoded === null)) {
        useWorkspace.setState({ urlTooLong: encoded === null });
      }
      const query = serializeUrlState({
        view: s.view,
        filters: s.filters,
        selection: s.selection,
        lang: s.lang,
        hidden: s.hidden,
        coverage: s.coverageRule,
        regions: encoded || null,
      });
      const next = `${window.location.pathname}${query}${window.location.hash}`;
      if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
        window.history.replaceState(null, '', next);
      }
    };
    const unsubscribe = useAtlas.subscribe((s, prev) => {
      if (
        s.view === prev.view &&
        s.filters === prev.filters &&
        s.selection === prev.selection &&
        s.lang === prev.lang &&
        s.hidden === prev.hidden &&
        s.coverageRule === prev.coverageRule
      ) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(write, 200);
    });
    const unsubscribeRegions = useWorkspace.subscribe((s, prev) => {
      if (s.regions === prev.regions || !s.restored) return;
      clearTimeout(timer);
      timer = setTimeout(write, 200);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      unsubscribeRegions();
    };
  }, []);
}
