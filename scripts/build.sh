#!/usr/bin/env bash
# Build the demo into dist/: two wasm modules from the one crate (release profile: opt-level z,
# lto, panic abort), each with its JS glue (wasm-bindgen --target web, name section removed):
#   pkg/stakeholder_map{.js,_bg.wasm}           the viewer (--features viewer): the widget, on the
#                                               main thread; loaded by www/stakeholder-map.js
#   pkg/stakeholder_map_analyser{.js,_bg.wasm}  the analyser (--features analyser): input, text,
#                                               analysis, model; no Yew, no web-sys; loaded by the
#                                               module Web Worker www/analyser-worker.js
# then the page and its assets. Prints raw, gzip -9 and brotli sizes of each module
# (scripts/module-sizes.mjs: viewer = its wasm + glue + element JS + CSS; analyser = its wasm +
# glue + worker JS) and fails above the ceilings (issue 11):
#   - the viewer at most VIEWER_CEILING bytes gzip (the goal: 150,000);
#   - viewer + analyser at most TOTAL_CEILING bytes gzip (the goal: below 284,000, the size of the
#     single wasm widget when issue 11 was written).
# SIZE_BUDGET_WARN_ONLY=1 only warns, as scripts/serve.sh does.
# WASM_OPT=1 runs binaryen's wasm-opt -Oz on both binaries (scripts/setup.sh installs binaryen).
# Off by default: measured 2026-12-06 (binaryen 108), -Oz shrinks the raw files by 10% but makes
# them larger gzipped, which is what is served: viewer 209,111 -> 216,825 B, analyser 147,728 ->
# 153,398 B gzip (-Os and -O2 likewise).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

target_dir=${CARGO_TARGET_DIR:-target}
# The goals are NOT MET; the ceilings are no-regression gates at the measured size plus a small
# margin (Node's zlib gzip -9, as scripts/module-sizes.mjs measures; a few KB above the gzip CLI).
# Lower them whenever the size drops; raise them only with a reason in the commit message.
# 2026-12-06 (issue 11, the split): measured viewer 219,682 B, viewer + analyser 368,852 B
# (before the split: one module, 315,502 B). Why not 150,000 / 284,000 (twiggy on a build with
# names, docs/benchmarks.md "Size after the split"): the viewer is Yew (73 KB raw) and its generic
# code, the widget (75 KB), std/core/alloc instantiations (164 KB), data (51 KB), layout (23 KB), the
# published analysis's checked reader (22 KB), hashbrown (21 KB), serde_json (12 KB): over 150 KB
# gzip without any analysis; the analyser repeats std, serde_json, dlmalloc and hashbrown (about
# 25 KB gzip counted twice). What is left is structural: a lighter view layer than Yew, then the
# analysis's lexicons.
# 2026-12-06, merged with branch perf and the analysis work of the same day: viewer 219,682 ->
# 226,370 B (perf: a component per card and per map node, the map's parts, stable callbacks, the
# card caps: +6.7 KB), analyser 149,170 -> 170,589 B (issue 9: the common-words list from wordfreq,
# 7.1 KB, and the new general rules: employers and owners of titles, acronym merge, body
# descriptions, coordination inside names, pronoun subjects; world-dev strict attribution 0.934 ->
# 0.967, relation recall 0.25 -> 0.42, kind accuracy 0.80 -> 0.90).
# Then the lang branch (the article's language, Shown::lang: viewer +760 B) and French and German
# reporting verbs in the analyser (+~1.3 KB): measured viewer 227,130 B, both 398,938 B; the total
# ceiling keeps a 1.5 KB margin.
# Raised for issue 12's "no main-thread task over 50 ms" on a big published analysis (measured
# viewer 231,036 B, both 402,721 B: +3.7 KB gzip): the viewer reads an analysis a piece at a time
# (src/input/chunked.rs and the `Reading` entry points: wasm +3.0 KB, glue +0.3 KB, and the
# element's piecewise decoding and reading +0.45 KB). It took an 11.9 MB analysis from one task
# of 1.2-1.8 s (read and mount) to pieces under 50 ms and a mount task of 120-220 ms
# (tests/e2e/published-read.test.mjs). The total ceiling keeps a 1.3 KB margin.
export VIEWER_CEILING=${VIEWER_CEILING:-232000}
export TOTAL_CEILING=${TOTAL_CEILING:-404000}
out=dist

rm -rf "$out"
mkdir -p "$out/pkg"
work="$target_dir/wasm-split"
mkdir -p "$work"

# module FEATURE OUT_NAME: builds the lib for wasm32 with only FEATURE, binds it into dist/pkg.
module() {
  local feature=$1 name=$2
  echo "build: cargo build --release --target wasm32-unknown-unknown --lib --no-default-features --features $feature"
  cargo build --release --target wasm32-unknown-unknown --lib --no-default-features --features "$feature"
  local wasm="$target_dir/wasm32-unknown-unknown/release/stakeholder_map.wasm"
  [ -f "$wasm" ] || { echo "build: $wasm not found" >&2; exit 1; }
  cp "$wasm" "$work/$name.wasm"
  echo "build: wasm-bindgen --target web --remove-name-section --out-name $name"
  wasm-bindgen "$work/$name.wasm" --target web --remove-name-section --no-typescript --out-dir "$out/pkg" --out-name "$name"
  local bg="$out/pkg/${name}_bg.wasm"
  if [ "${WASM_OPT:-0}" = 1 ] && command -v wasm-opt >/dev/null; then
    echo "build: wasm-opt -Oz $bg"
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$bg" -o "$bg.opt"
    mv "$bg.opt" "$bg"
  else
    echo "build: wasm-opt not run (WASM_OPT=1 runs it; it makes the gzip larger)"
  fi
}
module viewer stakeholder_map
module analyser stakeholder_map_analyser

[ -f index.html ] || { echo "build: index.html missing" >&2; exit 1; }
cp index.html "$out/"
for d in www fixtures; do
  [ -d "$d" ] && cp -R "$d" "$out/"
done

node scripts/module-sizes.mjs "$out"
echo "build: dist/ ready"
