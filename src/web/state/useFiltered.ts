import { useDeferredValue, useMemo } from 'react';
import { filterInitiatives } from '../../core/ledger/filters.ts';
import type { Initiative } from '../../core/ledger/model.ts';
import { useAtlas } from './store.ts';

const NONE: Initiative[] = [];

/** The ledger rows that pass the current filters (memoised on data and filters). */
export function useFilteredInitiatives(): Initiative[] {
  const all = useAtlas((s) => s.data?.initiatives ?? NONE);
  const filters = useAtlas((s) => s.filters);
  return useMemo(() => filterInitiatives(all, filters), [all, filters]);
}

/**
 * The same rows for what is slow to follow a filter: the ledger table, the list of projects
 * whose site is not known, and the worker's figures. A filter change draws the map and the totals
 * first; these catch up in React's deferred render right after (interruptible, so it does not hold
 * up the map's frames), and never show rows of an older filter once it has caught up.
 */
export function useDeferredFilteredInitiatives(): Initiative[] {
  return useDeferredValue(useFilteredInitiatives());
}
