/**
 * Runs the `atlas` CLI as a child process (node --import tsx cli/atlas.ts ...) from the repository
 * root and captures its exit status, stdout and stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';

export const ROOT = join(import.meta.dirname, '../../..');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function atlas(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/atlas.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** stdout as JSON, after checking the exit status (and showing stderr when it differs). */
export function json<T = Record<string, unknown>>(run: Run, status = 0): T {
  expect(run.status, run.stderr).toBe(status);
  return JSON.parse(run.stdout) as T;
}

/** The {"errors":[...]} object printed on stderr for invalid input (its last line). */
export function stderrErrors(run: Run): Array<Record<string, unknown>> {
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  const last = run.stderr.trim().split('\n').pop()!;
  return (JSON.parse(last) as { errors: Array<Record<string, unknown>> }).errors;
}

/** A fresh temporary folder, removed when the test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const IN = 'test/fixtures/in';
export const CLI = 'test/fixtures/cli';
export const FORMATS = 'test/fixtures/formats';

/** Meridian arc length (m) on WGS84 between two latitudes: Simpson's rule on M(φ) (reference). */
export function meridianArc(lat1: number, lat2: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const deg = Math.PI / 180;
  const m = (phi: number) => (a * (1 - e2)) / (1 - e2 * Math.sin(phi) ** 2) ** 1.5;
  const n = 2000;
  const [x0, x1] = [lat1 * deg, lat2 * deg];
  const h = (x1 - x0) / n;
  let s = m(x0) + m(x1);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * m(x0 + i * h);
  return Math.abs((s * h) / 3);
}
