#!/usr/bin/env bash
# Installs npm dependencies from package-lock.json when node_modules is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const [major, minor] = process.versions.node.split(".").map(Number); if (major < 20 || (major === 20 && minor < 3)) { console.error(`Node 20.3+ is needed, found ${process.version}`); process.exit(1); }'

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund
fi
