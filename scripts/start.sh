#!/usr/bin/env bash
# One command from a fresh machine to a running API on :3000 — dependencies, PostgreSQL and Redis,
# build, migrations, demo clinic — with the offline AI engine (no API key needed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/load-dotenv.sh
bash scripts/ensure-deps.sh
bash scripts/services-up.sh
echo "[start] building"
npm run build --silent
echo "[start] applying migrations"
node node_modules/typeorm/cli.js migration:run -d dist/src/database/data-source.js
echo "[start] seeding the demo clinic"
node dist/scripts/seed-demo.js
echo "[start] API on http://localhost:${PORT:-3000}/api/v1 — Swagger UI on http://localhost:${PORT:-3000}/docs"
exec node dist/src/main.js
