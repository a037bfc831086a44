/**
 * The timeline's play state and, per imported layer, the year or date column it is placed on the
 * timeline by (undefined = the first such column; null = not on the timeline). The year itself
 * lives in the ledger filters (filters.year), so the URL, the map, the table and the totals follow
 * it through the one filtered-rows pipeline. The chosen columns are kept in this browser
 * (localStorage, by layer id, as the layers themselves are kept), so a reload places each layer
 * by the column its user chose.
 */
import { create } from 'zustand';

export interface TimeState {
  playing: boolean;
  columns: Record<string, string | null>;
}

const KEY = 'atlas:time-columns';

/** The stored choices; anything unreadable is ignored (the first column is used again). */
export function readColumns(text: string | null): Record<string, string | null> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    const out: Record<string, string | null> = {};
    for (const [id, c] of Object.entries(v)) if (c === null || typeof c === 'string') out[id] = c;
    return out;
  } catch {
    return {};
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

export const useTime = create<TimeState>()(() => ({
  playing: false,
  columns: readColumns(storage()?.getItem(KEY) ?? null),
}));

useTime.subscribe((s, prev) => {
  if (s.columns === prev.columns) return;
  try {
    storage()?.setItem(KEY, JSON.stringify(s.columns));
  } catch {
    // Full or refused: the choice lasts for this session.
  }
});
