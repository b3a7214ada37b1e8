#!/usr/bin/env bash
# npm test: every check and every test, installing and starting what they need.
#   build (nx, in dependency order) → formatting → lint → jest: units, workflow timelines on the
#   time-skipping server (also as if today were other dates), replay of stored histories, e2e
#   against the real stack (schemathesis holding the API to docs/openapi.json among them:
#   test/e2e/contract.e2e-spec.ts).
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
if [ $# -eq 0 ]; then
  # The workflow timelines again, as if today were dates years apart, each at a different turn
  # of the calendar (Christmas, Easter, the October clock change, the spring bank holiday):
  # proves no spec depends on the day it runs (TIMELINE_TODAY, tools/dev-stack/src/timeline.ts).
  year=$(date -u +%Y)
  for today in "$((year + 1))-12-21" "$((year + 3))-04-06" "$((year + 6))-10-24" "$((year + 11))-05-27"; do
    echo "Workflow timelines as if today were $today"
    TIMELINE_TODAY=$today npx jest --ci --selectProjects unit --testPathPattern 'workflow\.spec\.ts$'
  done
fi
npx jest --ci "$@"
