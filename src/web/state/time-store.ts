/**
 * The timeline's play state and, per big imported point layer, the year or date column it is
 * placed on the timeline by (undefined = the first such column; null = not on the timeline).
 * The year itself lives in the ledger filters (filters.year), so the URL, the map, the table and
 * the totals follow it through the one filtered-rows pipeline.
 */
import { create } from 'zustand';

export interface TimeState {
  playing: boolean;
  columns: Record<string, string | null>;
}

export const useTime = create<TimeState>()(() => ({ playing: false, columns: {} }));
