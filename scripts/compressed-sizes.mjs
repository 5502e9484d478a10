// Raw, gzip -9 and brotli (quality 11) sizes of every file under a directory, and their totals
// for what the element loads (the wasm, its glue, the element and its stylesheet). The figures
// behind the README's "Serving" section: `node scripts/compressed-sizes.mjs release`.
import fs from 'node:fs';
import path from 'node:path';
import { pad, sizes } from './sizes-lib.mjs';

const root = process.argv[2] || 'release';
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(p);
  }
})(root);
files.sort();

console.log(`${'file'.padEnd(52)}${pad('raw', 10)}${pad('gzip -9', 10)}${pad('brotli', 10)}`);
const widget = { raw: 0, gzip: 0, br: 0 };
for (const f of files) {
  const s = sizes(fs.readFileSync(f));
  const rel = path.relative(root, f);
  console.log(`${rel.padEnd(52)}${pad(s.raw, 10)}${pad(s.gzip, 10)}${pad(s.br, 10)}`);
  if (/^pkg\/stakeholder_map(_bg)?(\.[0-9a-f]{10})?\.(wasm|js)$/.test(rel) || /^www\/stakeholder-map(\.[0-9a-f]+)?\.(js|css)$/.test(rel)) {
    for (const k of Object.keys(widget)) widget[k] += s[k];
  }
}
console.log(`${'the element loads (wasm + glue + element + CSS)'.padEnd(52)}${pad(widget.raw, 10)}${pad(widget.gzip, 10)}${pad(widget.br, 10)}`);
