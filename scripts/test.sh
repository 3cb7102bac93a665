#!/usr/bin/env bash
# The whole suite, in the order CI reads it: format and lint, typecheck, unit tests, browser and
# end-to-end tests, then the benchmark smoke. With CAIRN_TEST_DATABASE_URL set (as .ci/run sets
# it) every store test runs on SQLite and again on PostgreSQL, inside the same test files.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
echo "== format and lint"; npx biome ci .
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
if [ -f packages/hub/tsconfig.json ]; then npx tsc -p packages/hub/tsconfig.json --noEmit; fi
echo "== unit tests"; npx vitest run --project unit
echo "== end-to-end tests"; npx vitest run --project e2e --passWithNoTests
echo "== benchmark smoke"; BENCH_ROWS="${BENCH_ROWS:-100000}" npm run --silent bench
