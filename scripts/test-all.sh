#!/usr/bin/env bash
# Runs every test: unit (Vitest), then the production build and the end-to-end specs in
# Debian's Chromium. Ends with one line "N passed, N failed" (unit + browser totals).
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
status=0

npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1

if [ -z "${SKIP_E2E:-}" ]; then
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "e2e: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (install it: apt-get install -y chromium)" >&2
    status=1
  else
    npm run build --silent || status=1
    npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json \
      --outputFile.json=test-results/e2e.json || status=1
  fi
fi

node scripts/test-summary.mjs test-results/unit.json test-results/e2e.json || status=1
exit $status
