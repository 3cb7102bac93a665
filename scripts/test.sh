#!/usr/bin/env bash
# The whole suite, in the order CI reads it: format and lint, typecheck, unit tests (SQLite), the
# same store tests on PostgreSQL, browser and end-to-end tests, then the benchmark smoke.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
echo "== format and lint"; npx biome ci .
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
if [ -f packages/hub/tsconfig.json ]; then npx tsc -p packages/hub/tsconfig.json --noEmit; fi
echo "== unit tests"; npx vitest run --project unit
if [ -n "${CAIRN_TEST_DATABASE_URL:-}" ]; then
  echo "== store tests on PostgreSQL"
  CAIRN_DATABASE_URL="$CAIRN_TEST_DATABASE_URL" npx vitest run --project unit packages/server
fi
echo "== end-to-end tests"; npx vitest run --project e2e --passWithNoTests
echo "== benchmark smoke"; BENCH_ROWS="${BENCH_ROWS:-100000}" npm run --silent bench
