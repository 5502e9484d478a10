// Raw, gzip -9 and brotli (quality 11) sizes of the two modules the element loads, from dist/ (or
// release/: hashed names are matched too), and the size budgets (issue 11):
//   viewer:   pkg/stakeholder_map_bg.wasm + pkg/stakeholder_map.js + www/stakeholder-map.js + .css
//   analyser: pkg/stakeholder_map_analyser_bg.wasm + its glue + www/analyser-worker.js
// Exits 1 when a gzip figure is over its ceiling (VIEWER_CEILING, TOTAL_CEILING in bytes, from
// scripts/build.sh), unless SIZE_BUDGET_WARN_ONLY=1. Usage: node scripts/module-sizes.mjs dist
import fs from 'node:fs';
import path from 'node:path';
import { pad, sizes } from './sizes-lib.mjs';

const root = process.argv[2] || 'dist';
const h = '(\\.[0-9a-f]{10})?';
const modules = {
  viewer: [`pkg/stakeholder_map_bg${h}\\.wasm`, `pkg/stakeholder_map${h}\\.js`, `www/stakeholder-map${h}\\.js`, `www/stakeholder-map${h}\\.css`],
  analyser: [`pkg/stakeholder_map_analyser_bg${h}\\.wasm`, `pkg/stakeholder_map_analyser${h}\\.js`, `www/analyser-worker${h}\\.js`],
};
const line = (name, s) => console.log(`${name.padEnd(50)}${pad(s.raw, 10)}${pad(s.gzip, 10)}${pad(s.br, 10)}`);
const files = fs.readdirSync(path.join(root, 'pkg')).map((f) => `pkg/${f}`)
  .concat(fs.readdirSync(path.join(root, 'www')).map((f) => `www/${f}`));

console.log(`${'module / file'.padEnd(50)}${pad('raw', 10)}${pad('gzip -9', 10)}${pad('brotli', 10)}`);
const totals = {};
let missing = false;
for (const [name, patterns] of Object.entries(modules)) {
  const t = { raw: 0, gzip: 0, br: 0 };
  for (const p of patterns) {
    const re = new RegExp(`^${p}$`);
    const f = files.find((x) => re.test(x));
    if (!f) { console.error(`sizes: ${name}: no file matches ${p} under ${root}/`); missing = true; continue; }
    const s = sizes(fs.readFileSync(path.join(root, f)));
    line(`  ${f}`, s);
    for (const k of Object.keys(t)) t[k] += s[k];
  }
  line(`${name} (wasm + glue + JS${name === 'viewer' ? ' + CSS' : ''})`, t);
  totals[name] = t;
}
const all = { raw: 0, gzip: 0, br: 0 };
for (const t of Object.values(totals)) for (const k of Object.keys(all)) all[k] += t[k];
line('viewer + analyser', all);

const viewerCeiling = Number(process.env.VIEWER_CEILING || 150000);
const totalCeiling = Number(process.env.TOTAL_CEILING || 283999); // the goals; build.sh sets the ceilings
const over = [];
if (totals.viewer.gzip > viewerCeiling) over.push(`viewer ${totals.viewer.gzip} B gzip > ${viewerCeiling}`);
if (all.gzip > totalCeiling) over.push(`viewer + analyser ${all.gzip} B gzip > ${totalCeiling}`);
console.log(`ceilings (gzip -9; goals 150,000 and below 284,000): viewer ${totals.viewer.gzip} / ${viewerCeiling} B, viewer + analyser ${all.gzip} / ${totalCeiling} B`);
if (missing) process.exit(1);
if (over.length) {
  const warn = process.env.SIZE_BUDGET_WARN_ONLY === '1';
  console.error(`sizes: ${warn ? 'WARNING' : 'FAIL'}: ${over.join('; ')}`);
  if (!warn) process.exit(1);
}
