import { useMemo } from 'react';
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
