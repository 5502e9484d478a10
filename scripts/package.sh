#!/usr/bin/env bash
# Assemble release/, what the npm package ships (package.json "files"), from the build in dist/:
#   release/www/stakeholder-map.js      the element (entry point: stable name)
#   release/www/frame-host.js           the iframe form's host script (entry point: stable name)
#   release/www/embed.html              the iframe form's page (entry point: stable name)
#   release/www/stakeholder-map.<h>.css, release/www/embed.<h>.{js,css},
#   release/pkg/stakeholder_map.<h>.js, release/pkg/stakeholder_map_bg.<h>.wasm (the viewer),
#   release/www/analyser-worker.<h>.js, release/pkg/stakeholder_map_analyser.<h>.js,
#   release/pkg/stakeholder_map_analyser_bg.<h>.wasm (the analyser and its Web Worker)
#                                       everything the entry points load, content-hashed
#                                       (<h>: the first 10 hex digits of its SHA-256), so a server can
#                                       cache them as immutable
#   release/manifest.json               { version, files: { logical name: hashed name } }
# Any other file the build puts in dist/www or dist/pkg is copied as it is; the demo page's own
# files (index.html, demo.js, demo.css, fixtures/) are not shipped.
# Run by `npm pack` / `npm publish` (the "prepack" script); builds dist/ first if it is missing.
# Prints raw, gzip -9 and brotli (quality 11) sizes of what it shipped (scripts/compressed-sizes.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/pkg/stakeholder_map_bg.wasm ] || scripts/build.sh

version=$(node -p "require('./package.json').version")
cargo_version=$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)
if [ "$version" != "$cargo_version" ]; then
  echo "package: package.json version $version differs from Cargo.toml's $cargo_version" >&2
  exit 1
fi

out=release
rm -rf "$out"
mkdir -p "$out/www" "$out/pkg"
cp -R dist/pkg/. "$out/pkg/"
cp -R dist/www/. "$out/www/"
rm -f "$out/www/demo.js" "$out/www/demo.css"

hash_of() { sha256sum "$1" | cut -c1-10; }
manifest=()

# hashed FILE: renames FILE (under $out) to NAME.<hash>.EXT, records it in the manifest and sets
# $name to the new file name (no subshell, so the manifest keeps the entry).
name=
hashed() {
  local f=$1 dir base stem ext h
  dir=$(dirname "$f"); base=$(basename "$f"); stem=${base%.*}; ext=${base##*.}
  h=$(hash_of "$f")
  name="$stem.$h.$ext"
  mv "$f" "$dir/$name"
  manifest+=("\"${f#"$out"/}\": \"${dir#"$out"/}/$name\"")
}

# rewrite FILE OLD NEW: replaces every 'OLD' (a quoted string literal or attribute value) by NEW;
# fails when OLD does not occur, so a renamed asset cannot slip through unhashed.
rewrite() {
  local f=$1 old=$2 new=$3 n
  n=$(grep -c -F -- "$old" "$f" || true)
  if [ "$n" -lt 1 ]; then
    echo "package: $f no longer refers to $old: update scripts/package.sh" >&2
    exit 1
  fi
  OLD="$old" NEW="$new" perl -pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/g' "$f"
}

# The wasm, then the glue that names it, then the element that names the glue and the stylesheet.
hashed "$out/pkg/stakeholder_map_bg.wasm"
rewrite "$out/pkg/stakeholder_map.js" "'stakeholder_map_bg.wasm'" "'$name'"
rewrite "$out/www/stakeholder-map.js" "'../pkg/stakeholder_map_bg.wasm'" "'../pkg/$name'"
hashed "$out/pkg/stakeholder_map.js"
rewrite "$out/www/stakeholder-map.js" "'../pkg/stakeholder_map.js'" "'../pkg/$name'"
# The analyser: its wasm, named by its glue, by the worker and by the element (the fallback
# without a worker); its glue, named by both; the worker, named by the element.
hashed "$out/pkg/stakeholder_map_analyser_bg.wasm"
rewrite "$out/pkg/stakeholder_map_analyser.js" "'stakeholder_map_analyser_bg.wasm'" "'$name'"
rewrite "$out/www/analyser-worker.js" "'../pkg/stakeholder_map_analyser_bg.wasm'" "'../pkg/$name'"
hashed "$out/pkg/stakeholder_map_analyser.js"
rewrite "$out/www/analyser-worker.js" "'../pkg/stakeholder_map_analyser.js'" "'../pkg/$name'"
rewrite "$out/www/stakeholder-map.js" "'../pkg/stakeholder_map_analyser.js'" "'../pkg/$name'"
hashed "$out/www/analyser-worker.js"
rewrite "$out/www/stakeholder-map.js" "'analyser-worker.js'" "'$name'"
hashed "$out/www/stakeholder-map.css"
rewrite "$out/www/stakeholder-map.js" "'stakeholder-map.css'" "'$name'"
# The iframe page's script and stylesheet.
hashed "$out/www/embed.js"
rewrite "$out/www/embed.html" '"embed.js"' "\"$name\""
hashed "$out/www/embed.css"
rewrite "$out/www/embed.html" '"embed.css"' "\"$name\""

{
  printf '{\n  "name": "stakeholder-map",\n  "version": "%s",\n  "files": {\n' "$version"
  for i in "${!manifest[@]}"; do
    sep=','; [ "$i" -eq $((${#manifest[@]} - 1)) ] && sep=''
    printf '    %s%s\n' "${manifest[$i]}" "$sep"
  done
  printf '  }\n}\n'
} >"$out/manifest.json"

echo "package: $out/ for stakeholder-map@$version"
node scripts/compressed-sizes.mjs "$out"
SIZE_BUDGET_WARN_ONLY=1 node scripts/module-sizes.mjs "$out"
