#!/usr/bin/env bash
# npm test: every check and every test, installing and starting what they need.
#   build (nx, in dependency order) → formatting → lint → jest: units, workflow timelines on the
#   time-skipping server, replay of stored histories, e2e against the real stack.
# Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-tools.sh
npx nx run-many -t build --output-style=stream-without-prefixes
# ts-jest only transpiles; this type-checks every spec and e2e file as well.
npx tsc --noEmit -p tsconfig.spec.json
npx prettier --check . --log-level warn
npx eslint . --max-warnings 0
npx jest --ci "$@"
