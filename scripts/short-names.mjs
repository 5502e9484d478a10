// Rewrites wasm-bindgen's JS glue for a binary whose import and export names binaryen shortened
// (scripts/build.sh runs `wasm-opt ... --minify-imports-and-exports-and-modules`, which prints
// the mapping as JSON): the import object's module ("./NAME_bg.js" -> "a") and keys
// ("__wbg_clientWidth_269ea87f17b863bf" -> "$"), and every `wasm.EXPORT` ("reading_push" ->
// "Zb"). The long names are wasm-bindgen's, each with a 16-digit hash, written twice (wasm and
// glue) and barely compressible: measured 2026-12-06, viewer -3.3 KB gzip of wasm and -2.3 KB of
// glue (docs/benchmarks.md, "Smaller viewer"). The glue's own exports (the API the element
// imports: mount, reading, ...) keep their names: only the glue talks to the wasm.
// Fails (exit 1) unless every name is found where it is expected: a wasm-bindgen upgrade that
// writes the glue differently stops the build instead of shipping a glue that cannot load.
// Usage: node scripts/short-names.mjs GLUE.js MAPPING.json
import fs from 'node:fs';

const [glueFile, mapFile] = process.argv.slice(2);
const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
let glue = fs.readFileSync(glueFile, 'utf8');
const fail = (why) => { console.error(`short-names: ${glueFile}: ${why}`); process.exit(1); };
const esc = (s) => s.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
const key = (s) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) ? s : JSON.stringify(s));

const modules = new Set(map.imports.map(([m]) => m));
if (modules.size > 1) fail(`imports from ${modules.size} modules, expected one`);
for (const m of modules) {
  // `"./stakeholder_map_bg.js": import0,` in the object __wbg_get_imports returns.
  const re = new RegExp(`(["'])${esc(m)}\\1:`, 'g');
  const n = (glue.match(re) || []).length;
  if (n !== 1) fail(`the import module ${m} is named ${n} times, expected once`);
  glue = glue.replace(re, () => 'a:');
}
for (const [, from, to] of map.imports) {
  // `        __wbg_clientWidth_269ea87f17b863bf: function(arg0) {`
  const re = new RegExp(`(^|[\\s{,])${esc(from)}(\\s*:\\s*function)`, 'gm');
  const n = (glue.match(re) || []).length;
  if (n !== 1) fail(`the import ${from} is defined ${n} times, expected once`);
  glue = glue.replace(re, (_, a, b) => a + key(to) + b);
  if (new RegExp(`(^|[^A-Za-z0-9_$])${esc(from)}($|[^A-Za-z0-9_$])`).test(glue)) fail(`the import ${from} is named elsewhere too`);
}
// The exports are read only as `wasm.NAME`, `wasm` being `instance.exports` (checked: no other
// use of the exports object).
if (/\bwasm\s*\[/.test(glue)) fail('wasm[...] in the glue: exports read by computed names');
const uses = glue.match(/\bexports\b[^;\n]*/g) || [];
if (uses.some((u) => !/^exports;?$/.test(u.trim()))) fail(`the exports object used other than as wasm: ${uses.join(' | ')}`);
for (const [from, to] of map.exports) {
  const re = new RegExp(`\\bwasm\\.${esc(from)}(?![A-Za-z0-9_$])`, 'g');
  const by = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(to) ? `wasm.${to}` : `wasm[${JSON.stringify(to)}]`;
  glue = glue.replace(re, () => by);
}
fs.writeFileSync(glueFile, glue);
console.log(`short-names: ${glueFile}: ${map.imports.length} imports, ${map.exports.length} exports`);
