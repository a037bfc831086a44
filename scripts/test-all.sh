#!/usr/bin/env bash
# Runs every test: unit (Vitest), then the production build and the end-to-end specs in
# Debian's Chromium; the API tests run a second time on a throw-away PostgreSQL (see
# scripts/test-api-pg.sh). Ends with one line "N passed, N failed" (unit + PostgreSQL + browser).
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
status=0

# Unit and API tests (the API tests on embedded PGlite here).
env -u ATLAS_TEST_DATABASE_URL npx vitest run --reporter=default --reporter=json \
  --outputFile.json=test-results/unit.json || status=1

reports=(test-results/unit.json)
bash scripts/test-api-pg.sh
case $? in
  0) reports+=(test-results/api-pg.json) ;;
  3) ;; # skipped: no API tests yet, or SKIP_PG
  *) reports+=(test-results/api-pg.json); status=1 ;;
esac

if [ -z "${SKIP_E2E:-}" ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && command -v apt-get >/dev/null 2>&1; then
  # A fresh Debian/Ubuntu machine: install Debian's Chromium and a CJK font (never a downloaded browser).
  echo "e2e: installing chromium and fonts-wqy-microhei with apt-get" >&2
  as_root=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && as_root="sudo -n"
  $as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null \
    || echo "e2e: apt-get install failed; install chromium yourself" >&2
fi

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

node scripts/test-summary.mjs "${reports[@]}" test-results/e2e.json || status=1
exit $status
