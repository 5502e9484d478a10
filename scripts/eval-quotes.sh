#!/usr/bin/env bash
# Quote engine regression gate on the devset (issue 3).
# Builds the CLI, runs `predict` on ../shared/eval/devset.jsonl, scores it with the shared
# scorer (plain, --strict, --no-ignore, --by-style) and exits non-zero when a figure falls
# below its gate. The devset is read from ../shared only (never copied into the project).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
if [ ! -f "$shared/eval/devset.jsonl" ] || [ ! -f "$shared/eval/score.py" ]; then
  echo "skipped: ../shared not present"
  exit 0
fi
cd "$root"
cargo build --release --quiet --bin stakeholder-map
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/release/stakeholder-map"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" predict "$shared/eval/devset.jsonl" > "$tmp/pred.jsonl"
score() { python3 "$shared/eval/score.py" "$shared/eval/devset.jsonl" "$tmp/pred.jsonl" "$@"; }
echo "== scorer (default: predictions on non-quote spans ignored), --strict --by-style"
score --strict --by-style
echo
echo "== scorer --no-ignore (predictions on scare quotes, titles, markup count as errors)"
score --no-ignore
score --strict --json > "$tmp/s.json"
score --no-ignore --json > "$tmp/n.json"
python3 - "$tmp/s.json" "$tmp/n.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); n = json.load(open(sys.argv[2]))
figs = [
    ("span F1 (overlap)", s["spans"]["overlap50"]["f1"], 0.98),
    ("precision --no-ignore (overlap)", n["spans"]["overlap50"]["p"], 0.95),
    ("strict attribution accuracy", s["attribution_accuracy_strict"], 0.93),
    ("end-to-end F1", s["end_to_end"]["f1"], 0.92),
]
print()
print("== gates")
bad = 0
for name, v, gate in figs:
    ok = v >= gate
    bad += not ok
    print(f"  {name:34s} {v:.4f}  (gate >= {gate:.2f})  {'ok' if ok else 'BELOW GATE'}")
sys.exit(1 if bad else 0)
PY
