#!/usr/bin/env bash
# Builds the web front end into web/dist (npm ci from the committed lock file, only when the
# lock file changed since the last install).
set -euo pipefail
cd "$(dirname "$0")/../web"
[ -f package.json ] || { echo "no web front end to build"; exit 0; }
stamp=node_modules/.taawun-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
npm run --silent build
