// Prints the closing line CI reads: "N passed, N failed" over the given Vitest JSON reports.
// A missing report (a runner that crashed before writing one) counts as one failure, and so
// does a test file that failed to load (it has no failed tests of its own to count).
// Reports: test-results/unit.json (unit + API tests on PGlite), test-results/api-pg.json (the API
// tests again on PostgreSQL, when scripts/test-api-pg.sh ran them), test-results/e2e.json.
// Each report's own counts go to stderr first; the last line on stdout is the total.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    if (process.env.SKIP_E2E && file.includes('e2e')) continue;
    console.error(`no test report at ${file}`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const p = r.numPassedTests ?? 0;
  let f = r.numFailedTests ?? 0;
  const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const suite of r.testResults ?? []) {
    const hasFailedTest = (suite.assertionResults ?? []).some((a) => a.status === 'failed');
    if (suite.status === 'failed' && !hasFailedTest) f++;
  }
  console.error(`  ${file}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  passed += p;
  failed += f;
  skipped += s;
}

// CI reads the last line as exactly "N passed, N failed": skipped tests are told on the line before.
if (skipped) console.log(`${skipped} skipped (not counted as passed)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
