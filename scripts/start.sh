#!/usr/bin/env bash
# npm start: installs what is missing, builds, and runs the whole stack with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-tools.sh
npx nx run-many -t build --output-style=stream-without-prefixes
exec node tools/dev-stack/dist/start.js
