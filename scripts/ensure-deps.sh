#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[deps] installing npm dependencies"
  # `npm install`, not `npm ci`: npm on this machine leaves other platforms' optional binaries (swc,
  # msgpackr) out of the lockfile, so `npm ci` refuses it as out of sync; install keeps the locked versions.
  npm install --no-audit --no-fund --loglevel=error
fi
