#!/usr/bin/env bash
# `npm run demo`: installs what is missing, then scripts/run-demo.ts starts or reuses Postgres
# and the search engine, migrates, seeds demo logs and serves the app on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
ensure_node_modules
exec node_modules/.bin/tsx --conditions=react-server scripts/run-demo.ts "$@"
