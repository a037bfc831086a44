#!/usr/bin/env bash
# The API tests (test/api/**/*.test.ts) a second time, on a real PostgreSQL: starts a throw-away
# cluster (scripts/pg-test-cluster.sh), runs them with ATLAS_TEST_DATABASE_URL set, one test file
# at a time (they share the one database), and always stops the cluster.
# Writes test-results/api-pg.json. Exit: 0 passed, 1 failed (or the cluster did not start),
# 3 skipped (no API tests yet, or SKIP_PG set): then no report is written.
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
report=test-results/api-pg.json
rm -f "$report"

if [ -n "${SKIP_PG:-}" ]; then
  echo "api tests on PostgreSQL: skipped (SKIP_PG is set)" >&2
  exit 3
fi
if [ -z "$(find test/api -name '*.test.ts' 2>/dev/null | head -n 1)" ]; then
  echo "api tests on PostgreSQL: skipped (test/api has no tests)" >&2
  exit 3
fi

url=$(bash scripts/pg-test-cluster.sh start --no-fsync) || {
  echo "api tests on PostgreSQL: the throw-away cluster did not start" >&2
  exit 1
}
trap 'bash scripts/pg-test-cluster.sh stop "$url"' EXIT
trap 'exit 130' INT TERM

echo "== api tests on PostgreSQL ($url)"
ATLAS_TEST_DATABASE_URL="$url" npx vitest run test/api --no-file-parallelism \
  --reporter=default --reporter=json --outputFile.json="$report"
