import { create } from 'zustand';

/** How far the phone's bottom sheet is pulled up. */
export type Snap = 'peek' | 'half' | 'full';
export const SNAPS: readonly Snap[] = ['peek', 'half', 'full'];

export type SheetTab = 'ledger' | 'filters' | 'green' | 'regions' | 'layers';
export const SHEET_TABS: readonly SheetTab[] = ['ledger', 'filters', 'green', 'regions', 'layers'];

export interface SheetState {
  snap: Snap;
  tab: SheetTab;
  /** Pixels of the map the sheet covers above its peek (the map's bottom padding). */
  cover: number;
}

export const useSheet = create<SheetState>()(() => ({ snap: 'peek', tab: 'ledger', cover: 0 }));

/** One step up or down the snaps (clamped). */
export function stepSnap(snap: Snap, by: 1 | -1): Snap {
  const i = Math.min(SNAPS.length - 1, Math.max(0, SNAPS.indexOf(snap) + by));
  return SNAPS[i] ?? snap;
}

/**
 * Where a drag of the sheet comes to rest, given the height it was let go at and the heights of
 * the three snaps (px): the nearest snap; after a flick (|velocity| > 0.5 px/ms, positive =
 * upwards), the next snap beyond the height in the flick's direction.
 */
export function nearestSnap(height: number, heights: Record<Snap, number>, velocity = 0): Snap {
  if (velocity > 0.5) return SNAPS.find((s) => heights[s] > height) ?? 'full';
  if (velocity < -0.5) return [...SNAPS].reverse().find((s) => heights[s] < height) ?? 'peek';
  let best: Snap = 'peek';
  for (const s of SNAPS) {
    if (Math.abs(heights[s] - height) < Math.abs(heights[best] - height)) best = s;
  }
  return best;
}
