import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-check.ts', ...args], {
    encoding: 'utf8',
  });

describe('npm run data:check', () => {
  it('passes on the shipped data', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/data:check: ok \(153 initiatives/);
  });

  it('fails on a broken row, naming file, row, id and field', () => {
    const r = run('--initiatives', 'test/fixtures/data/initiatives-broken.csv');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /test\/fixtures\/data\/initiatives-broken\.csv row 3 \(line 4\) "[a-z0-9-]+-copy", field lat: is out of range/,
    );
  });
});
