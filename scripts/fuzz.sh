#!/usr/bin/env bash
# Fuzz every cargo-fuzz target for a fixed time, on the stable toolchain (RUSTC_BOOTSTRAP=1), with
# a corpus seeded from fixtures/, and print each target's executions and speed:
#   scripts/fuzz.sh                 20 s per target (what scripts/test.sh runs)
#   scripts/fuzz.sh 600 published   10 minutes of one target
#   FUZZ_CORPUS_DIR=fuzz/corpus scripts/fuzz.sh 1800   keep the corpus between runs
#   FUZZ_RUNS=1000000 scripts/fuzz.sh 7200 source     stop after a million inputs (or the time)
# Installs cargo-fuzz when it is missing (`cargo install cargo-fuzz`). Builds without a sanitizer
# (safe Rust; ASan halves the speed: FUZZ_SANITIZER=address to use it), with debug assertions
# (overflow checks) and without comparison tracing: replaying 500 `source` inputs took 2.67 s of
# CPU with it and 1.09 s without (2026-12-07); the corpus is seeded from fixtures, so the
# magic values comparison tracing would guess (JSON keys, schema names) are already in it.
# FUZZ_TRACE_COMPARES=1 turns it back on. Exits non-zero on a crash; the input is in fuzz/artifacts/TARGET/ (see
# fuzz/README.md: make it a named regression test before fixing it).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
secs=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(source published render widget)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz" >&2
  cargo install cargo-fuzz
fi

# The corpus: generated from fixtures/. By default a fresh one each run (a fixed-time run then
# takes its fixed time: libFuzzer first replays the whole corpus); FUZZ_CORPUS_DIR=fuzz/corpus
# keeps what libFuzzer finds there for the next run (long runs by hand).
corpus=${FUZZ_CORPUS_DIR:-$(mktemp -d)}
corpus=$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")
[ -n "${FUZZ_CORPUS_DIR:-}" ] || trap 'rm -rf "$corpus"' EXIT
cargo run --quiet --example fuzz_corpus -- "$corpus"

export RUSTC_BOOTSTRAP=1
cd fuzz
san=${FUZZ_SANITIZER:-none}
flags=(--sanitizer "$san" --debug-assertions)
[ "${FUZZ_TRACE_COMPARES:-0}" = 1 ] || flags+=(--no-trace-compares)
runs=()
[ -z "${FUZZ_RUNS:-}" ] || runs=(-runs="$FUZZ_RUNS")
cargo fuzz build "${flags[@]}"
status=0
summary=()
for t in "${targets[@]}"; do
  case $t in published) max_len=32768 ;; render) max_len=4098 ;; *) max_len=4096 ;; esac
  log=$(mktemp)
  printf '\n== fuzz %s for %ss\n' "$t" "$secs"
  if cargo fuzz run "${flags[@]}" "$t" "$corpus/$t" -- \
      -max_total_time="$secs" "${runs[@]}" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result=FAILED; status=1
    tail -n 40 "$log"
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  summary+=("$(printf '%-8s %-10s %10s executions %8s inputs/s' "$result" "$t" "${execs:-?}" "${rate:-?}")")
  rm -f "$log"
done
printf '\n== fuzz summary (%ss per target)\n' "$secs"
printf '  %s\n' "${summary[@]}"
exit $status
