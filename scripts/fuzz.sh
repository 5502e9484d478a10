#!/usr/bin/env bash
# Fuzz every cargo-fuzz target for a fixed time, on the stable toolchain (RUSTC_BOOTSTRAP=1), with
# a corpus seeded from fixtures/, and print each target's executions and speed:
#   scripts/fuzz.sh                 20 s per target (what scripts/test.sh runs)
#   scripts/fuzz.sh 600 published   10 minutes of one target
#   FUZZ_CORPUS_DIR=fuzz/corpus scripts/fuzz.sh 1800   keep the corpus between runs
# Installs cargo-fuzz when it is missing (`cargo install cargo-fuzz`). Builds without a sanitizer
# (safe Rust; ASan halves the speed: FUZZ_SANITIZER=address to use it) and with debug assertions
# (overflow checks). Exits non-zero on a crash; the input is in fuzz/artifacts/TARGET/ (see
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
cargo fuzz build --sanitizer "$san" --debug-assertions
status=0
summary=()
for t in "${targets[@]}"; do
  case $t in published) max_len=32768 ;; render) max_len=4098 ;; *) max_len=4096 ;; esac
  log=$(mktemp)
  printf '\n== fuzz %s for %ss\n' "$t" "$secs"
  if cargo fuzz run --sanitizer "$san" --debug-assertions "$t" "$corpus/$t" -- \
      -max_total_time="$secs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
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
