#!/usr/bin/env bash
# Runs every test (unit, then e2e against real PostgreSQL and Redis, which it brings up itself).
# Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/load-dotenv.sh
bash scripts/ensure-deps.sh
bash scripts/services-up.sh
exec npx jest --maxWorkers=2 --forceExit "$@"
