#!/usr/bin/env bash
# Build the demo into dist/: the wasm widget (release profile: opt-level z, lto, panic abort),
# its JS glue (wasm-bindgen --target web, name section removed), the page and its assets.
# Prints raw and gzip -9 sizes of the shipped widget (wasm + JS glue + element JS + CSS; the demo
# page's own demo.js/demo.css and the iframe form's embed.js/embed.css/frame-host.js are listed
# but not counted) against two limits:
#   - the budget, 160 KiB gzip (SIZE_BUDGET_BYTES): the goal. NOT MET YET: the build says by how
#     much, loudly, on every run (see the note on issue 2 / ARCHITECTURE.md "Size");
#   - the ceiling (SIZE_CEILING_BYTES): a no-regression gate at the measured size plus a small
#     margin. Exceeding it fails the build (and so the tests). Lower it whenever the size drops;
#     raise it only with a reason in the commit message.
# SIZE_BUDGET_WARN_ONLY=1 only warns on the ceiling, as scripts/serve.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

target_dir=${CARGO_TARGET_DIR:-target}
budget=${SIZE_BUDGET_BYTES:-163840}
# 285,000 -> 285,400 (2026-12-06, issue 12): a published analysis checked in full (+1,473 B gzip).
# 285,400 -> 314,000 (2026-12-06; measured 312,862 B after all merges): issue 9's analysis rules and census given names (+~5 KB gzip),
# issue 10's element lifecycle and pre-render styles (+2.3 KB) and widget features (compact cards,
# host API, languages, editors' corrections: +14.8 KB). The way back under the budget is issue 11's
# split (the analysis, about 80 KB gzip, in its own wasm in a worker).
# Within it, the lang branch (issue 10 items 4 and 7): +1,119 B gzip (312,813 -> 313,932, both built the same way): the article's
# language read, checked and carried into analysis@1 (wasm +892), the element choosing strings by it (+128), glue +99.
ceiling=${SIZE_CEILING_BYTES:-314000}
out=dist

echo "build: cargo build --release --target wasm32-unknown-unknown --lib"
cargo build --release --target wasm32-unknown-unknown --lib

wasm="$target_dir/wasm32-unknown-unknown/release/stakeholder_map.wasm"
[ -f "$wasm" ] || { echo "build: $wasm not found" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/pkg"
echo "build: wasm-bindgen --target web --remove-name-section"
wasm-bindgen "$wasm" --target web --remove-name-section --no-typescript --out-dir "$out/pkg"

[ -f index.html ] || { echo "build: index.html missing" >&2; exit 1; }
cp index.html "$out/"
for d in www fixtures; do
  [ -d "$d" ] && cp -R "$d" "$out/"
done

# Sizes of what the widget ships: every wasm, JS and CSS file under dist/ except the fixtures and
# the demo page's own demo.js / demo.css (listed, not counted).
raw_total=0; gz_total=0
printf '%-44s %10s %10s\n' "file" "raw" "gzip -9"
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  case "$f" in
    */demo.js|*/demo.css) printf '%-44s %10d %10d  (demo page, not counted)\n' "${f#"$out"/}" "$raw" "$gz"; continue ;;
    */embed.js|*/embed.css|*/frame-host.js) printf '%-44s %10d %10d  (iframe embed only, not counted)\n' "${f#"$out"/}" "$raw" "$gz"; continue ;;
  esac
  raw_total=$((raw_total + raw)); gz_total=$((gz_total + gz))
  printf '%-44s %10d %10d\n' "${f#"$out"/}" "$raw" "$gz"
done < <(find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' \) \
           -not -path "$out/fixtures/*" | sort)
printf '%-44s %10d %10d\n' "total shipped (wasm + JS + CSS)" "$raw_total" "$gz_total"
awk -v r="$raw_total" -v g="$gz_total" -v b="$budget" \
  'BEGIN { printf "size: %d bytes raw (%.1f KiB), %d bytes gzip -9 (%.1f KiB; budget %.1f KiB)\n", r, r/1024, g, g/1024, b/1024 }'
if [ "$gz_total" -gt "$budget" ]; then
  echo "build: OVER BUDGET: the widget is $gz_total bytes gzip, $((gz_total - budget)) bytes over the 160 KiB budget ($budget)" >&2
fi
if [ "$gz_total" -gt "$ceiling" ]; then
  if [ "${SIZE_BUDGET_WARN_ONLY:-0}" = 1 ]; then
    echo "build: WARNING: gzip total $gz_total bytes exceeds the no-regression ceiling of $ceiling bytes" >&2
  else
    echo "build: FAIL: gzip total $gz_total bytes exceeds the no-regression ceiling of $ceiling bytes" >&2
    exit 1
  fi
fi
echo "build: dist/ ready"
