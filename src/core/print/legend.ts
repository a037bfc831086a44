/**
 * What an exported map's legend lists: a plain typed list, built in one place by the app
 * (src/web/print/legend-items.ts) and drawn by the image composer. New map types (a thematic
 * map's classes) add items; the drawing needs no change.
 */
export type LegendSymbol =
  /** A group heading (no symbol). */
  | { kind: 'heading' }
  /** A project mark: a filled dot with an optional letter code; `approximate` is pale with a ring. */
  | { kind: 'point'; color: string; code?: string; approximate?: boolean }
  /** A ring with a number inside (projects whose site is not known). */
  | { kind: 'count-ring'; color: string }
  /** An area: a filled box, optionally dashed outline. */
  | { kind: 'fill'; color: string; opacity: number; outline?: string; dashed?: boolean }
  /** A line (a boundary). */
  | { kind: 'line'; color: string; dashed?: boolean };

export interface LegendItem {
  symbol: LegendSymbol;
  label: string;
}
