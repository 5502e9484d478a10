#!/usr/bin/env bash
# Install what is missing, build the demo and serve it on http://127.0.0.1:8080/
# Usage: scripts/serve.sh [PORT]      (or PORT=9000 scripts/serve.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-${PORT:-8080}}
scripts/setup.sh
SIZE_BUDGET_WARN_ONLY=1 scripts/build.sh
echo "serve: the demo is at http://127.0.0.1:$port/  (Ctrl-C stops)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
