/**
 * What the live map draws for each big point layer right now: its points (positions for the
 * points passing the layer's filter, in year order when the timeline places it), how many of
 * them the timeline's year shows, and whether the layer is on. BigPointsOverlay publishes it each
 * time it hands deck.gl new layers; print / export reads it, so an exported map shows exactly the
 * points the screen shows. No deck.gl here (this module is in the main chunk).
 */
import type { DrawnPoints } from './big-points.ts';

export interface BigPointsShown {
  layerId: string;
  name: string;
  visible: boolean;
  drawn: DrawnPoints;
  /** The first `length` drawn points are on the map (the timeline's year; all without one). */
  length: number;
}

const NONE: readonly BigPointsShown[] = [];
let shown: readonly BigPointsShown[] = NONE;

export function setBigPointsShown(layers: readonly BigPointsShown[]): void {
  shown = layers.length ? layers : NONE;
}

export function bigPointsShown(): readonly BigPointsShown[] {
  return shown;
}

/** The layers an export draws: those on, with at least one point shown. */
export function bigPointsToPrint(layers: readonly BigPointsShown[]): BigPointsShown[] {
  return layers.filter((l) => l.visible && Math.min(l.length, l.drawn.length) > 0);
}
