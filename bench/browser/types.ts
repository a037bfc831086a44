import type { Browser, Page } from 'playwright-core';

/** One figure a scenario measured in one run. */
export interface Measurement {
  /** The table's "what" column; runs are grouped by it. */
  what: string;
  value: number;
  unit: 'ms' | 's' | 'MB';
  /** The goal: the figure must be below this (same unit), if there is one. */
  goal?: number;
  /** Shown in the table's goal column instead of "< goal unit". */
  goalText?: string;
}

export interface ScenarioContext {
  /** The served dist/, e.g. http://localhost:4432/ */
  baseUrl: string;
  browser: Browser;
  /** Folder for scenario scratch files (seeded inputs). */
  tmpDir: string;
  /** Run index, from 0. */
  run: number;
}

/**
 * A bench/browser/*.ts module exports `scenario`. The runner gives every run a fresh browser
 * context (no cache, no storage) whose page blocks every request that is not to localhost.
 */
export interface Scenario {
  /** Rows are ordered by it. */
  order: number;
  name: string;
  /** Runs (default: the runner's --runs). */
  runs?: number;
  run(page: Page, ctx: ScenarioContext): Promise<Measurement[]>;
}
