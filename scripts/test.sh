#!/usr/bin/env bash
# npm test: builds, runs every jest suite against real Temporal and PostgreSQL, and ends with the
# plain line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/node-runtime.sh
use_node_runtime || { echo "0 passed, 1 failed"; exit 1; }
npm run --silent build || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p .data
rm -f .data/jest-results.json .data/jest-faults-results.json .data/ops-check.json .data/history-scan.json
# A whole run ends with the operator check and the history scan (test/global-teardown.mjs); a run of chosen files does not.
[ $# -eq 0 ] && export TENGGAT_OPS_CHECK=1
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning"
node node_modules/jest/bin/jest.js --json --outputFile=.data/jest-results.json "$@"
status=$?
for check in .data/ops-check.json .data/history-scan.json; do
  if [ -f "$check" ] && ! grep -q '"problems":0' "$check"; then status=1; fi
done
# Then, on a whole run, the fault suite: it kills servers, so it runs alone (npm run test:faults).
if [ $# -eq 0 ]; then
  node node_modules/jest/bin/jest.js --config jest.faults.config.js --json --outputFile=.data/jest-faults-results.json || status=1
fi
node scripts/test-summary.mjs
exit $status
