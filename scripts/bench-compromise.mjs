#!/usr/bin/env node
// Benchmark against compromise (https://github.com/spencermountain/compromise), the browser NLP
// library: accuracy on the devset, speed in the same JS engine (Node's V8), shipped size.
//
//   node scripts/bench-compromise.mjs [--rounds N] [--warmup N] [--seed-runs N] [--no-build] [--out DIR]
//   npm run bench:compromise
//
// Needs: `npm ci` (or scripts/setup.sh) for the pinned compromise devDependency; cargo and the
// wasm32 target + wasm-bindgen CLI (scripts/setup.sh) for the builds, which this script runs
// itself unless --no-build: `cargo build --release --bin stakeholder-map` (the CLI's `predict`)
// and `scripts/build.sh` (dist/pkg: the real wasm widget build, wasm-bindgen --target web).
// Reads the devset and scorer from ../shared/eval/ (beside the checkout); prints
// "skipped: ../shared not present" and exits 0 without them. No devset text is written into the
// project: predictions go to a temporary directory (or --out DIR), and hold offsets only.
//
// It prints (numbers only, no gate):
//  1. accuracy: ../shared/eval/score.py devset PRED --strict --json for our CLI's `predict` and
//     for compromise's nlp(text).quotations() (inner-text spans, speaker null: compromise never
//     says who spoke), side by side; also --no-ignore precision;
//  2. speed in one process: our wasm `analyze_json` (+ JSON.parse of its result) and compromise's
//     nlp(text).quotations().json({offset:true, terms:true}) (+ the offset mapping), over every
//     devset item (warm-up pass, then N rounds, engines alternating), per item median/p95/max
//     and per pass total; and the seed article; plus startup (load + compile, one sample);
//  3. size: gzip -9 of compromise's browser bundle (its package.json "unpkg" file) vs the widget
//     files scripts/build.sh counts as shipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const devset = path.join(shared, 'eval', 'devset.jsonl');
const scorer = path.join(shared, 'eval', 'score.py');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 0) die(`--${name} expects a whole number`);
  return v;
};
function die(msg) {
  console.error(`bench-compromise: ${msg}`);
  process.exit(1);
}
const ROUNDS = Math.max(1, opt('rounds', 5));
const WARMUP = opt('warmup', 1);
const SEED_RUNS = Math.max(1, opt('seed-runs', 30));
const NO_BUILD = args.includes('--no-build');
const outIdx = args.indexOf('--out');
const OUT = outIdx >= 0 ? path.resolve(args[outIdx + 1] || die('--out expects a directory')) : null;

if (!fs.existsSync(devset) || !fs.existsSync(scorer)) {
  console.log('skipped: ../shared not present');
  process.exit(0);
}

// ---- what is needed -------------------------------------------------------------------------------
const require = createRequire(path.join(root, 'package.json'));
// (compromise's "exports" does not expose ./package.json, so it is found in node_modules directly.)
const cpkgPath = path.join(root, 'node_modules', 'compromise', 'package.json');
if (!fs.existsSync(cpkgPath)) die('compromise is not installed: run `npm ci` (or scripts/setup.sh) in the repository first');
const cdir = path.dirname(cpkgPath);
const cpkg = JSON.parse(fs.readFileSync(cpkgPath, 'utf8'));
// The file a browser ships: the package's "unpkg" field (builds/compromise.js, a UMD bundle).
// In Node the same bytes are builds/three/compromise-three.cjs (the package is "type": "module",
// so the .js would be read as ESM); the size is measured on the browser file, and the bytes
// run are checked to be identical.
const browserBundle = path.join(cdir, cpkg.unpkg || cpkg.browser || 'builds/compromise.js');
const nodeBundle = path.join(cdir, 'builds', 'three', 'compromise-three.cjs');
if (!fs.existsSync(browserBundle)) die(`compromise's browser bundle ${browserBundle} not found`);
const sameBytes = fs.existsSync(nodeBundle) && fs.readFileSync(nodeBundle).equals(fs.readFileSync(browserBundle));

const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR || 'target');
const cli = path.join(targetDir, 'release', process.platform === 'win32' ? 'stakeholder-map.exe' : 'stakeholder-map');
// The analyser module (issue 11: the analysis is its own wasm, run in a Web Worker in the browser).
const glueJs = path.join(root, 'dist', 'pkg', 'stakeholder_map_analyser.js');
const wasmFile = path.join(root, 'dist', 'pkg', 'stakeholder_map_analyser_bg.wasm');

let buildTotal = null; // scripts/build.sh's own "viewer + analyser" line
if (!NO_BUILD) {
  console.error('bench-compromise: cargo build --release --bin stakeholder-map');
  const c = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'stakeholder-map'], { cwd: root, stdio: 'inherit' });
  if (c.status !== 0) die('cargo build failed (scripts/setup.sh installs what is missing)');
  console.error('bench-compromise: scripts/build.sh (SIZE_BUDGET_WARN_ONLY=1)');
  const b = spawnSync('bash', ['scripts/build.sh'], {
    cwd: root,
    env: { ...process.env, SIZE_BUDGET_WARN_ONLY: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (b.status !== 0) die('scripts/build.sh failed (scripts/setup.sh installs what is missing)');
  const m = /^viewer \+ analyser\s+(\d+)\s+(\d+)\s+\d+\s*$/m.exec(b.stdout);
  if (m) buildTotal = { raw: Number(m[1]), gzip: Number(m[2]) };
}
for (const [f, how] of [[cli, 'cargo build --release --bin stakeholder-map'], [glueJs, 'scripts/build.sh'], [wasmFile, 'scripts/build.sh']]) {
  if (!fs.existsSync(f)) die(`${path.relative(root, f)} not found: run \`${how}\` first (or drop --no-build)`);
}

// ---- helpers --------------------------------------------------------------------------------------
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const gzip9 = (file) => {
  try {
    return Number(execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 28 }).length);
  } catch {
    // No gzip binary: zlib at level 9 (a few bytes off GNU gzip's figure).
    return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
};

/** UTF-16 index -> Unicode code point index (Python's str indexing, the scorer's offsets). */
function codePointIndex(text) {
  const m = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    m[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      m[++i] = cp;
    }
    cp++;
  }
  m[text.length] = cp;
  return m;
}

// compromise's own pairs of quote marks (src/3-three/misc/quotations/fns.js, 14.x): opening -> closing.
const PAIRS = {
  '\u0022': '\u0022', '\uFF02': '\uFF02', '\u0027': '\u0027', '\u201C': '\u201D', '\u2018': '\u2019',
  '\u201F': '\u201D', '\u201B': '\u2019', '\u201E': '\u201D', '\u2E42': '\u201D', '\u201A': '\u2019',
  '\u00AB': '\u00BB', '\u2039': '\u203A', '\u2035': '\u2032', '\u2036': '\u2033', '\u2037': '\u2034',
  '\u301D': '\u301E', '\u0060': '\u00B4', '\u301F': '\u301E',
};
const OPEN = new RegExp('[' + Object.keys(PAIRS).join('') + ']');

/**
 * compromise's quotations of `text` as the scorer's spans: [start, end) of the text between the
 * marks, in code points. A quotation is a run of terms whose first term's `pre` holds the opening
 * mark and whose last term's `post` holds the matching closing mark (that is how compromise finds
 * them); the term offsets (`.json({offset:true})`, UTF-16 units from the start of the text) give
 * where they are. Each span is checked against the text (the marks must sit just outside it and
 * the first/last terms' text where the offsets say); one that does not check out is counted, not
 * guessed.
 */
function compromiseQuotes(nlp, text, cpi, tally) {
  const out = [];
  for (const q of nlp(text).quotations().json({ offset: true, terms: true, text: false })) {
    const terms = q.terms || [];
    if (!terms.length || !terms[0].offset) {
      if (tally) tally.unmapped++;
      continue;
    }
    const t0 = terms[0], t1 = terms[terms.length - 1];
    const open = (OPEN.exec(t0.pre) || [''])[0];
    const close = PAIRS[open];
    const preStart = t0.offset.start - t0.pre.length;
    // The text starts after the opening mark and any repeats of it (`''` as two apostrophes).
    let j = t0.pre.indexOf(open) + 1;
    while (t0.pre[j] === open) j++;
    const s = preStart + j;
    const t1End = t1.offset.start + t1.text.length;
    const k = close ? t1.post.indexOf(close) : -1;
    const e = t1End + k;
    const ok = open && k >= 0 && s <= e && text[s - 1] === open && text[e] === close
      && text.slice(t0.offset.start, t0.offset.start + t0.text.length) === t0.text
      && text.slice(t1.offset.start, t1End) === t1.text;
    if (!ok) {
      if (tally) tally.unmapped++;
      continue;
    }
    if (tally) tally.mapped++;
    out.push({ start: cpi[s], end: cpi[e], speaker: null });
  }
  return out;
}

function score(pred, extra = []) {
  const r = spawnSync('python3', [scorer, devset, pred, '--strict', '--json', ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) die(`python3 score.py failed: ${r.error ? r.error.message : r.stderr}`);
  return JSON.parse(r.stdout);
}

// ---- load both engines (startup: one sample each, in this process) -------------------------------
const machine = `${os.cpus()[0]?.model?.trim() || os.arch()}, ${os.cpus().length} cores visible, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`;
let t = performance.now();
const nlp = require(nodeBundle);
const cLoad = performance.now() - t;
if (typeof nlp !== 'function') die(`${nodeBundle} did not export nlp()`);

t = performance.now();
const glue = await import(pathToFileURL(glueJs).href);
glue.initSync({ module: fs.readFileSync(wasmFile) });
const oLoad = performance.now() - t;
if (typeof glue.analyze_json !== 'function') die('dist/pkg/stakeholder_map.js has no analyze_json export (rebuild: scripts/build.sh)');

let rev = '';
try {
  rev = execFileSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch { /* not a git checkout */ }

const items = fs.readFileSync(devset, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const goldQuotes = items.reduce((n, it) => n + (it.quotes || []).length, 0);
const chars = items.reduce((n, it) => n + Array.from(it.text).length, 0);

console.log(`bench-compromise: stakeholder-map ${rev || '(no git)'} vs compromise ${cpkg.version} (${nlp.version || '?'}), Node ${process.version}`);
console.log(`machine: ${machine}; ${new Date().toISOString()}`);
console.log(`devset: ${items.length} items, ${goldQuotes} gold quotes, ${chars} characters (../shared/eval/devset.jsonl)`);
console.log('note: compromise only finds quoted spans (pairs of quote marks in one sentence); it has no speakers,');
console.log('      no stakeholders, no relations. Our figures are for the whole analysis (quotes + attribution + graph).');

// ---- 1. accuracy ----------------------------------------------------------------------------------
const tmp = OUT || fs.mkdtempSync(path.join(os.tmpdir(), 'bench-compromise-'));
fs.mkdirSync(tmp, { recursive: true });
const oursPred = path.join(tmp, 'stakeholder-map.pred.jsonl');
const compPred = path.join(tmp, 'compromise.pred.jsonl');
try {
  const p = spawnSync(cli, ['predict', devset], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (p.status !== 0) die(`stakeholder-map predict failed: ${p.error ? p.error.message : p.stderr}`);
  fs.writeFileSync(oursPred, p.stdout);
  const tally = { mapped: 0, unmapped: 0 };
  const lines = items.map((it) => JSON.stringify({ id: it.id, quotes: compromiseQuotes(nlp, it.text, codePointIndex(it.text), tally) }));
  fs.writeFileSync(compPred, lines.join('\n') + '\n');

  const so = score(oursPred), sc = score(compPred);
  const no = score(oursPred, ['--no-ignore']), nc = score(compPred, ['--no-ignore']);
  const f = (x) => (typeof x === 'number' ? x.toFixed(3) : 'n/a');
  const rows = [
    ['quotes predicted (scored, not ignored)', (s) => String(s.counts.np)],
    ['span precision (overlap >= 50%)', (s) => f(s.spans.overlap50.p)],
    ['span recall (overlap >= 50%)', (s) => f(s.spans.overlap50.r)],
    ['span F1 (overlap >= 50%)', (s) => f(s.spans.overlap50.f1)],
    ['span F1 (exact, trimmed)', (s) => f(s.spans.exact.f1)],
    ['span F1 (exact, untrimmed)', (s) => f(s.spans.exact_strict.f1)],
    ['attribution accuracy, strict', (s) => f(s.attribution_accuracy_strict)],
    ['end-to-end F1 (span + speaker)', (s) => f(s.end_to_end.f1)],
  ];
  console.log('');
  console.log(`== 1. accuracy: score.py devset PRED --strict --json (${goldQuotes} gold quotes)`);
  console.log(`${'metric'.padEnd(40)} ${'stakeholder-map'.padStart(16)} ${'compromise'.padStart(12)}`);
  for (const [name, g] of rows) console.log(`${name.padEnd(40)} ${g(so).padStart(16)} ${g(sc).padStart(12)}`);
  console.log(`${'span precision --no-ignore (overlap)'.padEnd(40)} ${f(no.spans.overlap50.p).padStart(16)} ${f(nc.spans.overlap50.p).padStart(12)}`);
  console.log(`compromise spans: ${tally.mapped} quotations mapped to code-point offsets and checked against the text, ${tally.unmapped} not mappable (dropped)`);
  console.log('compromise speakers are all null: its attribution "accuracy" counts only matched quotes whose gold speaker');
  console.log('is null or unnamed (the scorer accepts null there); the other speaker-bearing matches count as wrong.');
  console.log(JSON.stringify({ accuracy: {
    'stakeholder-map': { spans_overlap: so.spans.overlap50, spans_exact: so.spans.exact, attribution_strict: so.attribution_accuracy_strict, end_to_end: so.end_to_end, precision_no_ignore: no.spans.overlap50.p },
    compromise: { spans_overlap: sc.spans.overlap50, spans_exact: sc.spans.exact, attribution_strict: sc.attribution_accuracy_strict, end_to_end: sc.end_to_end, precision_no_ignore: nc.spans.overlap50.p, unmapped: tally.unmapped },
  } }));
} finally {
  if (!OUT) fs.rmSync(tmp, { recursive: true, force: true });
}

// ---- 2. speed ---------------------------------------------------------------------------------------
// Ours: what a JS host gets from the wasm build: analyze_json(article JSON) and JSON.parse of the
// result (the whole analysis). compromise: what a host needs to show quotes with positions:
// nlp(text).quotations().json({offset, terms}) and the mapping to code-point spans above.
const oursInputs = items.map((it) => JSON.stringify({ body: it.text }));
const runOurs = (src) => JSON.parse(glue.analyze_json(src)).quotes.length;
const runComp = (text) => compromiseQuotes(nlp, text, codePointIndex(text), null).length;

const seedFile = fs.existsSync(path.join(root, 'fixtures', 'seed-article.json'))
  ? path.join(root, 'fixtures', 'seed-article.json')
  : path.join(shared, 'fixtures', 'seed-article.json');
const seedJson = fs.readFileSync(seedFile, 'utf8');
const seed = JSON.parse(seedJson);
const seedBody = Array.isArray(seed.body) ? seed.body.join('\n\n') : String(seed.body || '');
const seedText = (seed.headline ? seed.headline + '\n\n' : '') + seedBody;

// Cold: the first call after loading (includes lazy compilation / tier-up).
t = performance.now();
const seedOursQ = runOurs(seedJson);
const oCold = performance.now() - t;
t = performance.now();
const seedCompQ = runComp(seedText);
const cCold = performance.now() - t;

let sink = 0;
for (let w = 0; w < WARMUP; w++) {
  for (let i = 0; i < items.length; i++) {
    sink += runOurs(oursInputs[i]);
    sink += runComp(items[i].text);
  }
}
const per = { ours: [], comp: [], compNlp: [] };
const tot = { ours: [], comp: [], compNlp: [] };
for (let r = 0; r < ROUNDS; r++) {
  // Alternate which engine goes first, so drift on a shared machine does not favour one.
  const order = r % 2 ? ['comp', 'compNlp', 'ours'] : ['ours', 'comp', 'compNlp'];
  for (const eng of order) {
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      const t0 = performance.now();
      if (eng === 'ours') sink += runOurs(oursInputs[i]);
      else if (eng === 'comp') sink += runComp(items[i].text);
      else sink += nlp(items[i].text).length;
      const dt = performance.now() - t0;
      per[eng].push(dt);
      sum += dt;
    }
    tot[eng].push(sum);
  }
}
const seedT = { ours: [], comp: [] };
for (let w = 0; w < 3; w++) sink += runOurs(seedJson) + runComp(seedText);
for (let r = 0; r < SEED_RUNS; r++) {
  let t0 = performance.now();
  sink += runOurs(seedJson);
  seedT.ours.push(performance.now() - t0);
  t0 = performance.now();
  sink += runComp(seedText);
  seedT.comp.push(performance.now() - t0);
}
const S = {
  ours: stats(per.ours), comp: stats(per.comp), compNlp: stats(per.compNlp),
  totOurs: stats(tot.ours), totComp: stats(tot.comp), totNlp: stats(tot.compNlp),
  seedOurs: stats(seedT.ours), seedComp: stats(seedT.comp),
};
const seedChars = Array.from(seedText).length;
console.log('');
console.log(`== 2. speed in Node ${process.version} (V8), performance.now(); ${WARMUP} warm-up pass, ${ROUNDS} rounds over ${items.length} items`);
console.log('   ours = wasm analyze_json(article JSON) + JSON.parse (full analysis); compromise = nlp(text).quotations()');
console.log('   .json({offset, terms}) + offset mapping (quotes only); "nlp() only" = compromise\'s parse/tagging alone');
const line = (name, st) => `${name.padEnd(36)} median ${ms(st.median).padStart(7)} ms   p95 ${ms(st.p95).padStart(7)} ms   max ${ms(st.max).padStart(7)} ms`;
console.log(line('per item, stakeholder-map (wasm)', S.ours));
console.log(line('per item, compromise quotations', S.comp));
console.log(line('per item, compromise nlp() only', S.compNlp));
const pass = (name, st) => `${name.padEnd(36)} median ${ms(st.median).padStart(7)} ms   min ${ms(st.min).padStart(7)} ms   max ${ms(st.max).padStart(7)} ms`;
console.log(pass(`all ${items.length} items, stakeholder-map`, S.totOurs));
console.log(pass(`all ${items.length} items, compromise quot.`, S.totComp));
console.log(pass(`all ${items.length} items, compromise nlp()`, S.totNlp));
console.log(`throughput: stakeholder-map ${(chars / S.totOurs.median).toFixed(0)} chars/ms, compromise ${(chars / S.totComp.median).toFixed(0)} chars/ms (median pass)`);
console.log(`seed article (${path.relative(root, seedFile) || seedFile}, ${seedChars} chars; ${SEED_RUNS} runs after 3 warm-up; ours finds ${seedOursQ} quotes, compromise ${seedCompQ}):`);
console.log(line('  stakeholder-map (wasm)', S.seedOurs));
console.log(line('  compromise quotations', S.seedComp));
console.log(`startup, one sample: stakeholder-map glue import + wasm initSync ${ms(oLoad)} ms, first seed analysis ${ms(oCold)} ms;`);
console.log(`                     compromise require() ${ms(cLoad)} ms, first seed quotations ${ms(cCold)} ms`);

// ---- 3. size ----------------------------------------------------------------------------------------
// The same files scripts/build.sh counts as shipped: dist/ wasm, JS and CSS except the demo page's
// demo.js/demo.css and the fixtures.
const shipped = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) {
      if (p !== path.join(root, 'dist', 'fixtures')) walk(p);
    } else if (/\.(wasm|js|mjs|css)$/.test(e.name) && !/^demo\.(js|css)$/.test(e.name)) shipped.push(p);
  }
};
walk(path.join(root, 'dist'));
let ourRaw = 0, ourGz = 0, wasmGz = 0;
for (const f of shipped) {
  const g = gzip9(f);
  ourRaw += fs.statSync(f).size;
  ourGz += g;
  if (f.endsWith('.wasm')) wasmGz = g;
}
const cRaw = fs.statSync(browserBundle).size, cGz = gzip9(browserBundle);
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
console.log('');
console.log('== 3. size, gzip -9 (what a browser downloads)');
console.log(`compromise ${cpkg.version} ${path.relative(cdir, browserBundle)} (package.json "unpkg")${sameBytes ? ', the bytes run above' : ''}: ${cRaw} raw, ${cGz} gzip (${kib(cGz)})`);
console.log(`stakeholder-map widget, ${shipped.length} files (wasm + JS glue + element JS + CSS): ${ourRaw} raw, ${ourGz} gzip (${kib(ourGz)}); of which wasm ${wasmGz} gzip`);
if (buildTotal) console.log(`  (scripts/build.sh's own total: ${buildTotal.raw} raw, ${buildTotal.gzip} gzip)`);
console.log('  ours includes the whole widget (Yew UI, SVG layout, CSS); compromise is the NLP library alone, no UI.');

console.log(JSON.stringify({ speed_ms: {
  per_item: { 'stakeholder-map': S.ours, compromise: S.comp, compromise_nlp_only: S.compNlp },
  all_items: { 'stakeholder-map': S.totOurs, compromise: S.totComp, compromise_nlp_only: S.totNlp },
  seed: { 'stakeholder-map': S.seedOurs, compromise: S.seedComp },
  startup: { 'stakeholder-map': oLoad, compromise: cLoad, first_seed: { 'stakeholder-map': oCold, compromise: cCold } },
}, size_gzip: { 'stakeholder-map': ourGz, compromise: cGz }, quotes_seen_while_timing: sink }));
