import { create } from 'zustand';
import type { CityCoverage, PlaceAnswer } from '../../core/green/access.ts';
import type { CityDetail, NewPark } from '../../core/green/detail.ts';
import type { PublishedFigures, Standards } from '../../core/green/model.ts';

/** Green-access results shared by the panel and the map (computed by useGreenAccess). */
export interface GreenState {
  standards: Standards | null;
  published: PublishedFigures | null;
  status: 'idle' | 'busy' | 'done' | 'error';
  error: string | null;
  coverage: (CityCoverage & { green_m2: Record<string, number>; ms: number }) | null;
  answer: PlaceAnswer | null;
  answerError: string | null;
  /** Detail of the one chosen city (bands, gaps, what-if). */
  detail: (CityDetail & { ms: number }) | null;
  detailStatus: 'idle' | 'busy' | 'done' | 'error';
  /** What-if mode: the next map click drops a park of `newParkArea` m². */
  whatIfOn: boolean;
  newParkArea: number;
  newPark: NewPark | null;
}

export const useGreen = create<GreenState>()(() => ({
  standards: null,
  published: null,
  status: 'idle',
  error: null,
  coverage: null,
  answer: null,
  answerError: null,
  detail: null,
  detailStatus: 'idle',
  whatIfOn: false,
  newParkArea: 20_000,
  newPark: null,
}));
