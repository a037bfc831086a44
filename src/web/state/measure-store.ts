/**
 * The measure tool: what is being measured, the points clicked so far (lon, lat), the pointer's
 * position while drawing (for the live figure), whether the shape is finished, and the units.
 * Measured shapes are never analysis regions.
 */
import { create } from 'zustand';
import type { MeasureKind } from '../../core/measure/measure.ts';
import type { AreaUnit, LengthUnit } from '../../core/measure/units.ts';

export type LonLat = [number, number];

export interface MeasureState {
  kind: MeasureKind | null;
  points: LonLat[];
  hover: LonLat | null;
  done: boolean;
  lengthUnit: LengthUnit | 'auto';
  areaUnit: AreaUnit | 'auto';
}

const NO_POINTS: LonLat[] = [];

export const useMeasure = create<MeasureState>()(() => ({
  kind: null,
  points: NO_POINTS,
  hover: null,
  done: false,
  lengthUnit: 'auto',
  areaUnit: 'auto',
}));

export const startMeasure = (kind: MeasureKind | null) =>
  useMeasure.setState({ kind, points: NO_POINTS, hover: null, done: false });

export const clearMeasure = () =>
  useMeasure.setState({ points: NO_POINTS, hover: null, done: false });

/** Ends the shape (two points for a line, three for an area; fewer: nothing to end). */
export function finishMeasure(): void {
  const s = useMeasure.getState();
  const need = s.kind === 'area' ? 3 : 2;
  if (s.points.length >= need) useMeasure.setState({ done: true, hover: null });
}

/** A point clicked on the map: the next vertex, or the first of a new shape after a finished one. */
export function addMeasurePoint(p: LonLat): void {
  const s = useMeasure.getState();
  if (!s.kind) return;
  useMeasure.setState({ points: s.done ? [p] : [...s.points, p], done: false });
}
