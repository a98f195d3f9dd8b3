#!/usr/bin/env bash
# npm test: builds, runs every jest suite against real Temporal and PostgreSQL, and ends with the
# plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
npm run --silent build || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p .data
rm -f .data/jest-results.json
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" \
  node node_modules/jest/bin/jest.js --json --outputFile=.data/jest-results.json "$@"
status=$?
node -e '
  const r = require("./.data/jest-results.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`);
' 2>/dev/null || echo "0 passed, 1 failed"
exit $status
