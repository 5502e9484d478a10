#!/usr/bin/env bash
# Install what the build, the demo and the tests need, skipping whatever is already there.
# Idempotent: a second run on a ready machine takes about a second.
#   - Debian's chromium + chromium-driver (headless browser tests), via apt-get
#   - the wasm32-unknown-unknown target, via rustup
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (also gives
#     wasm-bindgen-test-runner), via cargo install (without --locked: the registry here lacks one
#     crate version that its lockfile pins)
#   - playwright-core and axe-core from package-lock.json, via npm (no browser download: the
#     tests drive /usr/bin/chromium), and the build's tools: binaryen (wasm-opt), terser, csso
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "setup: need root (or sudo) for: $*" >&2; return 1
  fi
}

# 1. Chromium and ChromeDriver from Debian.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium + chromedriver present"
else
  say "installing Debian's chromium + chromium-driver (+ fonts-liberation, as on the dev machines)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation >/dev/null
fi

# 2. The wasm32 target.
command -v rustup >/dev/null || { echo "setup: rustup not found" >&2; exit 1; }
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 3. wasm-bindgen-cli matching the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$want" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $want present"
else
  say "installing wasm-bindgen-cli $want (had: ${have:-none}); takes a few minutes"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# 4. Node packages (playwright-core, axe-core) from the lockfile.
command -v node >/dev/null && command -v npm >/dev/null || { echo "setup: node/npm not found" >&2; exit 1; }
if npm ls --depth=0 >/dev/null 2>&1 \
   && [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/playwright-core/package.json ] \
   && [ -x node_modules/.bin/wasm-opt ] && [ -f node_modules/terser/package.json ] && [ -f node_modules/csso/package.json ]; then
  say "node packages present"
else
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

command -v python3 >/dev/null || say "warning: python3 not found (scripts/serve.sh and the graph gate use it)"
command -v gzip >/dev/null || { echo "setup: gzip not found" >&2; exit 1; }
say "ready"
