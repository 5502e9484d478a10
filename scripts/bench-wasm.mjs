// node scripts/bench-wasm.mjs DIST...: times, in Node (no browser), the viewer's Reading of the 11.9 MB analysis,
// bench_layout, and the analyser's analyse of a ~50,000-word article, per dist,
// interleaved, five rounds each (three of the analysis), medians. Used to compare builds (an
// allocator, a flag): copy dist/ aside per build, then run it with both folders.
import fs from 'node:fs';
import path from 'node:path';
import { bigAnalysis } from '../tests/e2e/big-analysis.mjs';
const dists = process.argv.slice(2);
const text = JSON.stringify(bigAnalysis());
const seed = JSON.parse(fs.readFileSync('fixtures/seed-article.json', 'utf8'));
const body = typeof seed.body === 'string' ? seed.body : (seed.articleBody || seed.body.join('\n\n'));
let art = body; while (art.split(/\s+/).length < 50000) art += '\n\n' + body;
const source = JSON.stringify({ headline: 'x', body: art });
const mods = [];
for (const d of dists) {
  const v = await import(path.resolve(d, 'pkg/stakeholder_map.js') + '?' + d);
  v.initSync({ module: fs.readFileSync(path.join(d, 'pkg/stakeholder_map_bg.wasm')) });
  const a = await import(path.resolve(d, 'pkg/stakeholder_map_analyser.js') + '?' + d);
  a.initSync({ module: fs.readFileSync(path.join(d, 'pkg/stakeholder_map_analyser_bg.wasm')) });
  mods.push({ d, v, a, read: [], lay: [], an: [] });
}
for (let round = 0; round < 5; round++) {
  for (const m of mods) {
    let t = performance.now();
    const r = m.v.reading(undefined, text.length);
    for (let i = 0; i < text.length; i += 1 << 20) r.push(text.slice(i, i + (1 << 20)));
    while (!r.step(1 << 20)) {}
    const s = r.shown(); if (s.error().length) throw new Error(s.error());
    s.free();
    m.read.push(performance.now() - t);
    t = performance.now();
    if (m.v.bench_layout) m.v.bench_layout(200, 5); // SM_BENCH=1 builds only
    m.lay.push(performance.now() - t);
    if (round < 3) {
      t = performance.now();
      const out = m.a.analyse(source);
      if (!out.json) throw new Error(JSON.stringify(out.error));
      m.an.push(performance.now() - t);
    }
  }
}
const med = (x) => { const s = [...x].sort((a, b) => a - b); return s[s.length >> 1].toFixed(0); };
for (const m of mods) console.log(`${m.d}: read 11.9 MB median ${med(m.read)} ms [${m.read.map((x) => x.toFixed(0))}]; bench_layout(200,5) ${med(m.lay)} ms; analyse ${art.length} chars median ${med(m.an)} ms [${m.an.map((x) => x.toFixed(0))}]`);
