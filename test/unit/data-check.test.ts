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
    // Counted by hand from data/initiatives.csv after the issue-9 review (see README, Data).
    expect(r.stdout).toMatch(
      /data:check: ok \(196 initiatives \(investment: 11 exact, 3 at_least, 3 about, 2 target, 177 not stated; status: 39 planned, 11 under_construction, 45 completed, 70 ongoing_programme, 31 not_stated\)/,
    );
  });

  it('fails on a broken row, naming file, row, id and field', () => {
    const r = run('--initiatives', 'test/fixtures/data/initiatives-broken.csv');
    expect(r.status).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes('-copy'));
    expect(line).toMatch(/^test\/fixtures\/data\/initiatives-broken\.csv/);
    expect(line).toMatch(/row 3\b/);
    expect(line).toMatch(/\blat\b.*out of range/);
  });

  it('enforces the honest-ledger rules: qualifier iff investment, status, sources, ids', () => {
    const f = 'test/fixtures/data/initiatives-dishonest.csv';
    const r = run('--initiatives', f);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const expected: [string, string, RegExp][] = [
      ['no-qualifier', 'investment_qualifier', /required when investment_cny is set/],
      ['qualifier-without-investment', 'investment_qualifier', /must be blank/],
      ['bad-qualifier', 'investment_qualifier', /must be one of exact, at_least, about, target/],
      ['bad-status', 'status', /not_stated/],
      [
        'bad-source',
        'source',
        /"Beijing Daily" is neither a seed file name .* nor an http\(s\) URL/,
      ],
      ['unknown-seed', 'source', /"009_0123456789abcdef\.txt" is not a seed of any programme/],
      ['tz-sponge-city', 'id', /duplicates an earlier row/],
    ];
    for (const [id, field, reason] of expected) {
      // The formatter's layout is not this test's concern: file, id, field and reason on one line.
      const line = lines.find(
        (l) => l.startsWith(f) && l.includes(`"${id}"`) && new RegExp(`\\b${field}\\b`).test(l),
      );
      expect(line, `${id} ${field}`).toBeDefined();
      expect(line).toMatch(reason);
    }
    // Six good rows cite all five seeds, so no "no row cites seed" problem; 7 problems in all.
    expect(r.stderr).not.toMatch(/no row cites seed/);
    expect(r.stderr).toMatch(/data:check: 7 problem\(s\)/);
  });

  it('reports every catalogued seed that no row cites', () => {
    // The broken fixture's rows cite only URLs: all five seeds are uncited.
    const r = run('--initiatives', 'test/fixtures/data/initiatives-broken.csv');
    for (const seed of [
      '000_e9d420fcc20c42f3.txt',
      '001_6782f79395f3aab1.txt',
      '002_a3f32d6d99859141.txt',
      '003_d1727f86196977aa.txt',
      '004_c2a00b3c9bef09dd.txt',
    ]) {
      expect(r.stderr).toMatch(new RegExp(`source.*no row cites seed "${seed}"`));
    }
  });
});
