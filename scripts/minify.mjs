// Minifies, in place, the JavaScript and CSS that the two modules ship (scripts/build.sh runs it on
// dist/ after copying www/ and binding the wasm; the files in the repository stay readable):
//   pkg/stakeholder_map.js, pkg/stakeholder_map_analyser.js   wasm-bindgen's glue
//   www/stakeholder-map.js, www/analyser-worker.js            the element and the worker
//   www/stakeholder-map.css                                   the widget's stylesheet
// Measured 2026-12-06 (Node's zlib gzip -9): viewer 227,130 -> 219,071 B (glue 10,798 -> 7,099,
// element 7,153 -> 4,402, CSS 5,516 -> 3,907), analyser glue + worker 4,154 -> 2,282 B.
// terser: ES modules (top-level names mangled, no property mangling, so the glue's import object
// and the element's API keep their names), quotes kept as written (quote_style 3) so that
// scripts/package.sh can still find and rewrite '../pkg/stakeholder_map_bg.wasm' and the others.
// csso without restructuring: whitespace, comments and number/colour forms only, rules stay in
// their order. Neither adds a file or a request. MINIFY=0 skips it (to read dist/ in a debugger).
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { minify as minifyCss } from 'csso';

const root = process.argv[2] || 'dist';
const scripts = ['pkg/stakeholder_map.js', 'pkg/stakeholder_map_analyser.js', 'www/stakeholder-map.js', 'www/analyser-worker.js'];
const styles = ['www/stakeholder-map.css'];

for (const f of scripts) {
  const file = path.join(root, f);
  const out = await minify(fs.readFileSync(file, 'utf8'), {
    module: true, compress: true, mangle: true, format: { quote_style: 3, comments: false },
  });
  fs.writeFileSync(file, out.code);
}
for (const f of styles) {
  const file = path.join(root, f);
  fs.writeFileSync(file, minifyCss(fs.readFileSync(file, 'utf8'), { restructure: false }).css);
}
console.log(`minify: ${scripts.concat(styles).join(', ')}`);
