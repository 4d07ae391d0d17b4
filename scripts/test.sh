#!/usr/bin/env bash
# `npm test`: installs what is missing, then hands over to scripts/run-tests.ts, which starts
# the services the tests need, runs every suite and prints one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
ensure_node_modules
ensure_chromium
ensure_hypopg
exec node_modules/.bin/tsx --conditions=react-server scripts/run-tests.ts "$@"
