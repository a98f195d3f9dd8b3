#!/usr/bin/env bash
# npm start — Quick start, first command: installs what is missing (Node 24 where the machine's is older,
# npm packages, the Temporal CLI, migrations) and starts everything on embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node-runtime.sh
use_node_runtime
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-fund --no-audit # installs the locked versions (see .ci/run on npm ci)
fi
npm run --silent build >/dev/null
exec node dist/scripts/start.js
