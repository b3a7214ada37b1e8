#!/usr/bin/env bash
# Installs npm dependencies from package-lock.json when node_modules is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const [major, minor] = process.versions.node.split(".").map(Number); if (major < 20 || (major === 20 && minor < 3)) { console.error(`Node 20.3+ is needed, found ${process.version}`); process.exit(1); }'

# A clean clone runs `npm ci`, which refuses a lock file that lacks a workspace. Check that here
# too, so a warm checkout (whose node_modules skips `npm ci`) fails the same way CI would.
node -e '
const fs = require("fs"), path = require("path");
const { workspaces } = require("./package.json");
const locked = require("./package-lock.json").packages;
const missing = workspaces
  .flatMap((pattern) => { const dir = pattern.replace(/\/\*$/, ""); return fs.readdirSync(dir).map((name) => path.join(dir, name)); })
  .filter((dir) => fs.existsSync(path.join(dir, "package.json")) && !locked[dir]);
if (missing.length) { console.error(`package-lock.json lacks workspace(s) ${missing.join(", ")}: run npm install and commit the lock file`); process.exit(1); }
'

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund
fi
