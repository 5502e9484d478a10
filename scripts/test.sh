#!/usr/bin/env bash
# Install what is missing, then run every test of the project and print a summary:
#   1. native:   cargo test (analysis, input, layout, the widget rendered by Yew's server renderer)
#   2. wasm:     cargo test --target wasm32-unknown-unknown --test web, in headless Chromium
#                (wasm-bindgen-test-runner + Debian's chromedriver; Chromium flags in
#                ./webdriver.json, which the runner reads from the working directory); and the
#                layout fingerprints on wasm32 (Node), which must equal the native ones
#   3. build:    scripts/build.sh: the demo into dist/, with the gzip size budget
#   4. e2e:      tests/e2e/*.test.mjs with playwright-core on Debian's Chromium, against dist/
#                served on 127.0.0.1 (a free port) with a strict CSP; screenshots into artifacts/
#   5. fuzz:     scripts/fuzz.sh: each cargo-fuzz target for 20 s (FUZZ_SECONDS), corpus seeded
#                from fixtures/ (installs cargo-fuzz if missing; stable toolchain, RUSTC_BOOTSTRAP=1)
#   6. gates:    the accuracy gates scripts/eval-quotes.sh, scripts/eval_graph.py (seed) and
#                scripts/eval_world.py (devset + world-dev: speakers, stakeholders, relations; when
#                present; they skip by themselves when ../shared is not beside the checkout)
# Exits non-zero when any step fails. Steps run on even after a failure, so one run tells all.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

t0=$(date +%s)
names=(); results=(); times=()
passed=0; failed=0

step() { # step NAME COMMAND...
  local name=$1; shift
  local s; s=$(date +%s)
  printf '\n===== %s: %s\n' "$name" "$*"
  if "$@"; then results+=(ok); passed=$((passed + 1)); else results+=(FAILED); failed=$((failed + 1)); fi
  names+=("$name"); times+=($(( $(date +%s) - s )))
}

summary() {
  printf '\n===== summary (%ss in all)\n' "$(( $(date +%s) - t0 ))"
  for i in "${!names[@]}"; do printf '  %-8s %-28s %5ss\n' "${results[$i]}" "${names[$i]}" "${times[$i]}"; done
  printf 'test.sh: %d passed, %d failed\n' "$passed" "$failed"
}

if ! scripts/setup.sh; then
  echo "test.sh: setup failed" >&2
  names+=(setup); results+=(FAILED); times+=(0); failed=1; summary; exit 1
fi

step "native tests" cargo test

wasm_tests() {
  if [ ! -f tests/web.rs ]; then
    echo "wasm tests: tests/web.rs missing" >&2
    return 1
  fi
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120} \
    cargo test --target wasm32-unknown-unknown --test web || return 1
  # The pinned layout fingerprints on wasm32 too (in Node): the same article gives the same
  # picture natively and in the browser.
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test layout layout_is_bit_identical_across_platforms
}
step "wasm tests (Chromium)" wasm_tests

rm -rf dist # so that the e2e tests never run against an older build
step "build + size budget" scripts/build.sh

e2e() {
  [ -f dist/index.html ] || { echo "e2e: dist/ not built" >&2; return 1; }
  local files=(tests/e2e/*.test.mjs)
  [ -e "${files[0]}" ] || { echo "e2e: no tests/e2e/*.test.mjs" >&2; return 1; }
  node --test --test-concurrency=1 "${files[@]}"
}
step "e2e (Playwright)" e2e

step "fuzz (${FUZZ_SECONDS:-20} s per target)" scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

if [ -f scripts/eval-quotes.sh ]; then step "gate: quotes" bash scripts/eval-quotes.sh; fi
if [ -f scripts/eval_graph.py ]; then step "gate: graph" python3 scripts/eval_graph.py; fi
if [ -f scripts/eval_world.py ]; then step "gate: world news" python3 scripts/eval_world.py; fi

summary
[ "$failed" -eq 0 ]
