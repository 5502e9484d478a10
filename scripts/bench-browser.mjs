#!/usr/bin/env node
// Browser benchmark (issue 11, items 4, 5 and 7): every figure side by side in one headless
// Chromium run, the widget beside a trivial Yew 0.23 app (bench/trivial-yew: an SVG of 15
// circles and 13 cards, built here with the widget's release profile and wasm-bindgen) and beside
// compromise (npm, the browser NLP library) for the analysis, with the ratios.
//
//   node scripts/bench-browser.mjs [--loads N] [--clicks N] [--hovers N] [--rounds N]
//                                  [--iterations N] [--no-build] [--check] [--dist DIR]
//                                  [--only loads,interactions,layout,analysis]
//
// Needs dist/ built with the layout benchmarks (SM_BENCH=1 scripts/build.sh; --dist DIR measures another build of it, e.g. an older commit's). Builds the trivial app into target/trivial-yew/ (cargo, then
// wasm-bindgen --target web --remove-name-section, as scripts/build.sh does for the widget) unless
// --no-build. Prints one line per figure and a JSON line with everything:
//   - shipped bytes, gzip -9 and brotli 11 (Node's zlib): the widget's wasm + glue + element JS +
//     CSS (what the element loads) and the trivial app's wasm + glue + loader;
//   - cold loads (fresh context each, the two pages alternating, --loads each): navigation to the
//     first frame with a quote card on screen (an `article` in the widget's shadow root; the
//     trivial app's first `article`), and the longest main-thread task (PerformanceObserver
//     'longtask', over 50 ms only) and total blocking time before it. The page says when the card
//     is there with a console message: Playwright calls nothing in the page before it. The widget's page holds only
//     the element and the seed article (`<stakeholder-map src=seed-article.json>`);
//   - interactions on that page, measured in the page with performance.now(): a real mouse click
//     on a map node (and focus + Enter) until the quote cards changed and until the next frame;
//     hover (the pointer onto a node until the map's look changed and the next frame); a node
//     dragged for 120 mouse moves, one per frame: the gaps between frames (requestAnimationFrame)
//     while it moves, the frames per second and the longest gap;
//   - layout in wasm (bench_layout_viewport): 40 and 200 stakeholders, all laid out;
//   - analysis: the seed article and a 50,000-word article in wasm (analyze_json) and with
//     compromise's browser build (`nlp(text).quotations()`), in the same page.
// Targets (issue 11): first card at most 1.5x the trivial app; click or Enter -> next frame at
// most 8 ms; hover at most 4 ms; drag at 60 fps with no gap over 32 ms; layout of 200 stakeholders
// at most 16 ms. --check exits 1 when a target is missed. --only runs just the named parts (e.g.
// `--only interactions,layout` for issue 11 item 5's figures); the others print n/a.
import { startServer, DIST } from '../tests/e2e/server.mjs';
import { launch, ROOT } from '../tests/e2e/lib.mjs';
import { FIRST_CARD, beforeFirstCard } from '../tests/e2e/longtasks.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const LOADS = opt('loads', 10);
const CLICKS = opt('clicks', 60);
const HOVERS = opt('hovers', 60);
const ROUNDS = opt('rounds', 20);
const ITER = opt('iterations', 5);
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : null;
const part = (name) => !ONLY || ONLY.has(name);
const INTER = part('interactions');
const distArg = args.indexOf('--dist');
const ROOTDIR = distArg >= 0 ? path.resolve(args[distArg + 1]) : DIST;

const stats = (xs) => {
  const s = [...(xs || [])].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
};
const ms = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} ms`);
const fmt = (st) => (st ? `median ${st.median.toFixed(2)} ms, p95 ${st.p95.toFixed(2)} ms (min ${st.min.toFixed(2)}, max ${st.max.toFixed(2)}, n=${st.n})` : 'not measured');
const ratio = (a, b) => (a != null && b ? `${(a / b).toFixed(2)}x` : 'n/a');
const line = (cols) => console.log(cols.map((c, i) => String(c).padEnd([52, 30, 30, 12][i] || 12)).join(' '));

// ---- the trivial Yew app: built with the widget's release profile and wasm-bindgen -------------
const TRIVIAL = path.join(ROOT, 'bench', 'trivial-yew');
const TRIVIAL_TARGET = path.join(ROOT, 'target', 'trivial-yew');
const TRIVIAL_PKG = path.join(TRIVIAL_TARGET, 'pkg');
if (!args.includes('--no-build')) {
  // Same dependency versions as the widget: the root lock file.
  fs.copyFileSync(path.join(ROOT, 'Cargo.lock'), path.join(TRIVIAL, 'Cargo.lock'));
  console.log('bench-browser: building bench/trivial-yew (release, wasm32, then wasm-bindgen)');
  execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--quiet'], {
    cwd: TRIVIAL, stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: TRIVIAL_TARGET },
  });
  execFileSync('wasm-bindgen', [path.join(TRIVIAL_TARGET, 'wasm32-unknown-unknown', 'release', 'trivial_yew.wasm'),
    '--target', 'web', '--remove-name-section', '--no-typescript', '--out-dir', TRIVIAL_PKG], { stdio: 'inherit' });
}
for (const f of ['trivial_yew.js', 'trivial_yew_bg.wasm']) {
  if (!fs.existsSync(path.join(TRIVIAL_PKG, f))) throw new Error(`${TRIVIAL_PKG}/${f} missing: run without --no-build`);
}

// ---- sizes ---------------------------------------------------------------------------------------
const size = (files) => {
  let raw = 0, gz = 0, br = 0;
  for (const f of files) {
    const b = fs.readFileSync(f);
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
    br += zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip: gz, brotli: br };
};
const sizes = {
  widget: size(['pkg/stakeholder_map_bg.wasm', 'pkg/stakeholder_map.js', 'www/stakeholder-map.js', 'www/stakeholder-map.css'].map((f) => path.join(ROOTDIR, f))),
  trivial: size([path.join(TRIVIAL_PKG, 'trivial_yew_bg.wasm'), path.join(TRIVIAL_PKG, 'trivial_yew.js'), path.join(TRIVIAL, 'trivial.js')]),
  compromise: size([path.join(ROOT, 'node_modules', 'compromise', 'builds', 'compromise.js')]),
};

// ---- pages: the host page with only the element and the seed article; the trivial app -----------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-'));
const hostPage = path.join(tmp, 'host.html');
fs.writeFileSync(hostPage, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Only the element</title><script type="module" src="/www/stakeholder-map.js"></script></head>
<body><stakeholder-map src="/fixtures/seed-article.json" max-cards="all"></stakeholder-map></body></html>
`);
const blankPage = path.join(tmp, 'blank.html');
fs.writeFileSync(blankPage, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/__bench/compromise.js"></script></head><body></body></html>
`);
const extra = {
  '/__bench/host.html': hostPage,
  '/__bench/blank.html': blankPage,
  '/__bench/compromise.js': path.join(ROOT, 'node_modules', 'compromise', 'builds', 'compromise.js'),
  '/__trivial/index.html': path.join(TRIVIAL, 'index.html'),
  '/__trivial/trivial.js': path.join(TRIVIAL, 'trivial.js'),
  '/__trivial/pkg/trivial_yew.js': path.join(TRIVIAL_PKG, 'trivial_yew.js'),
  '/__trivial/pkg/trivial_yew_bg.wasm': path.join(TRIVIAL_PKG, 'trivial_yew_bg.wasm'),
};

const server = await startServer({ root: ROOTDIR, extra });
const browser = await launch();
let failed = false;
const out = { sizes };
try {
  const version = await browser.version();
  console.log(`bench-browser: ${ROOTDIR}; ${version}; ${os.cpus().length} cores (${os.cpus()[0]?.model}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  // ---- cold loads, alternating -----------------------------------------------------------------
  const loads = { widget: { card: [], longest: [], tbt: [] }, trivial: { card: [], longest: [], tbt: [] } };
  for (let i = 0; i < (part('loads') ? LOADS : 0); i++) {
    for (const [name, url] of [['widget', '/__bench/host.html'], ['trivial', '/__trivial/index.html']]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await ctx.newPage();
      // In every measured page: long tasks, and the first frame with a quote card on screen.
      await p.addInitScript({ content: FIRST_CARD });
      // The card is awaited through a console message: no Playwright call into the page before
      // it (its injected script is evaluated in a main-thread task of 20-200 ms on this machine,
      // which the long-task observer counted before the card until 2026-12-06).
      const shown = p.waitForEvent('console', { predicate: (m) => m.text() === 'sm-first-card', timeout: 20000 });
      await p.goto(server.origin + url, { waitUntil: 'commit' });
      await shown;
      const r = await beforeFirstCard(p);
      const before = r.long.map(([, d]) => d);
      loads[name].card.push(r.card);
      loads[name].longest.push(before.length ? Math.max(...before) : 0);
      loads[name].tbt.push(before.reduce((a, d) => a + Math.max(0, d - 50), 0));
      await ctx.close();
    }
  }
  out.loads = Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, { first_card: stats(v.card), longest_task: stats(v.longest), blocking: stats(v.tbt) }]));

  // ---- interactions on the host page -------------------------------------------------------------
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.origin + '/__bench/host.html', { waitUntil: 'load' });
  const widget = page.locator('stakeholder-map');
  await widget.locator('article').first().waitFor({ state: 'visible', timeout: 20000 });
  await page.evaluate(() => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    const cards = root.querySelector('.sm-cards-wrap');
    const map = root.querySelector('svg.sm-map');
    const b = (window.__bench = { input: 0, click: 0, changed: 0, frame: 0, waiting: false, watch: 'cards' });
    const input = () => { if (b.waiting && !b.input) b.input = performance.now(); };
    window.addEventListener('pointerdown', input, true);
    window.addEventListener('keydown', input, true);
    window.addEventListener('pointerover', input, true);
    window.addEventListener('click', () => { if (b.waiting) b.click = performance.now(); }, true);
    new MutationObserver((records) => {
      if (!b.waiting || b.changed || !b.input) return;
      const box = b.watch === 'cards' ? cards : map;
      if (!records.some((r) => box.contains(r.target))) return;
      b.changed = performance.now();
      requestAnimationFrame(() => { b.frame = performance.now(); b.waiting = false; });
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const info = await widget.locator('svg.sm-map [role="button"][data-node]').evaluateAll((els) => els.map((e) => ({
    id: e.getAttribute('data-node'), quoted: /Quoted/.test(e.getAttribute('aria-label') || ''),
  })));
  const quoted = info.filter((n) => n.quoted).map((n) => n.id);
  const ids = quoted.length >= 2 ? quoted : info.map((n) => n.id);
  const node = (id) => widget.locator(`svg.sm-map [data-node="${id}"]`);
  console.log(`bench-browser: ${info.length} nodes on the seed article's map; clicks cycle through ${ids.length} quoted stakeholders`);

  async function measure(how, n) {
    const toChange = [], toFrame = [];
    for (let i = 0; i < n; i++) {
      const id = how === 'hover' ? info[i % info.length].id : ids[i % ids.length];
      if (how === 'enter') await node(id).focus();
      if (how === 'hover') await page.mouse.move(5, 5); // off the map: the next move enters a node
      await page.evaluate((watch) => Object.assign(window.__bench, { input: 0, click: 0, changed: 0, frame: 0, waiting: true, watch }), how === 'hover' ? 'map' : 'cards');
      if (how === 'click') await node(id).click();
      else if (how === 'enter') await page.keyboard.press('Enter');
      else await node(id).locator('.sm-node-hit').hover({ force: true });
      try {
        await page.waitForFunction(() => !window.__bench.waiting, null, { timeout: 1000 });
      } catch {
        await page.evaluate(() => { window.__bench.waiting = false; });
        continue;
      }
      const b = await page.evaluate(() => window.__bench);
      const start = how === 'click' && b.click && b.click <= b.changed ? b.click : b.input;
      toChange.push(b.changed - start);
      toFrame.push(b.frame - start);
    }
    return { changed: stats(toChange), frame: stats(toFrame) };
  }
  out.click = await measure('click', INTER ? CLICKS : 0);
  await page.keyboard.press('Escape');
  out.enter = await measure('enter', INTER ? CLICKS : 0);
  await page.keyboard.press('Escape');
  out.hover = await measure('hover', INTER ? HOVERS : 0);

  // Drag: a node moved by 120 mouse moves, one per animation frame; the frame gaps meanwhile.
  out.drag = { gaps: null, fps: null, over32: 0, frames: 0 };
  if (INTER) {
  await page.mouse.move(5, 5);
  const box = await node(ids[0]).locator('.sm-node-hit').boundingBox();
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.evaluate(() => {
    const d = (window.__drag = { gaps: [], last: 0, on: true });
    const tick = (t) => { if (d.last) d.gaps.push(t - d.last); d.last = t; if (d.on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(x0 + 80 * Math.sin(i / 10), y0 + 40 * Math.sin(i / 7));
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await page.mouse.up();
  const gaps = await page.evaluate(() => { window.__drag.on = false; return window.__drag.gaps; });
  const gst = stats(gaps);
  out.drag = { gaps: gst, fps: gst ? 1000 / (gaps.reduce((a, b) => a + b, 0) / gaps.length) : null, over32: gaps.filter((g) => g > 32).length, frames: gaps.length };
  }

  // ---- layout and analysis, in a blank page with the module and compromise --------------------
  await page.goto(server.origin + '/__bench/blank.html', { waitUntil: 'load' });
  const seedText = fs.readFileSync(path.join(ROOT, 'fixtures', 'seed-article.json'), 'utf8');
  const seed = JSON.parse(seedText);
  // 50,000 words: the seed's body repeated.
  const words = seed.body.split(/\s+/).length;
  const bigBody = Array.from({ length: Math.ceil(50000 / words) }, () => seed.body).join('\n\n');
  const lab = await page.evaluate(async ({ seedText, seedPlain, bigBody, rounds, iter, analysis }) => {
    const mod = await import('/pkg/stakeholder_map.js');
    await mod.default();
    // the analysis lives in its own module (the one the worker loads)
    const ana = await import('/pkg/stakeholder_map_analyser.js');
    await ana.default();
    const time = (f, warm, n) => { for (let i = 0; i < warm; i++) f(); const xs = []; for (let i = 0; i < n; i++) { const t = performance.now(); f(); xs.push(performance.now() - t); } return xs; };
    const r = { layout: [] };
    const benches = typeof mod.bench_layout_viewport === 'function';
    if (rounds && !benches) throw new Error('the viewer has no bench_layout_viewport: build dist/ with SM_BENCH=1 scripts/build.sh');
    for (const nodes of benches ? [40, 200] : []) {
      const [w, h] = nodes > 40 ? [4000, 3000] : [1400, 1000];
      const first = Array.from(mod.bench_layout_viewport(nodes, 1, w, h));
      const per = [];
      for (let i = 0; i < rounds; i++) per.push(mod.bench_layout_viewport(nodes, iter, w, h)[0]);
      r.layout.push({ nodes, viewport: `${w}x${h}`, shown: first[1], folded: first[2], per });
    }
    if (!analysis) return r;
    const t0 = performance.now();
    ana.analyze_json(seedText);
    r.seedColdOurs = performance.now() - t0;
    const t1 = performance.now();
    window.nlp(seedPlain).quotations().json({ offset: true });
    r.seedColdNlp = performance.now() - t1;
    r.seedOurs = time(() => ana.analyze_json(seedText), 5, 30);
    r.seedNlp = time(() => window.nlp(seedPlain).quotations().json({ offset: true }), 5, 30);
    const big = JSON.stringify({ headline: 'Long', body: bigBody });
    r.bigOurs = time(() => ana.analyze_json(big), 0, 3);
    r.bigNlp = time(() => window.nlp(bigBody).quotations().json({ offset: true }), 0, 1);
    return r;
  }, { seedText, seedPlain: `${seed.headline}\n\n${seed.body}`, bigBody, rounds: part('layout') ? ROUNDS : 0, iter: ITER, analysis: part('analysis') });
  out.layout = lab.layout.map((l) => ({ nodes: l.nodes, viewport: l.viewport, shown: l.shown, folded: l.folded, ms: stats(l.per) }));
  out.analysis = {
    seed: { ours: stats(lab.seedOurs), compromise: stats(lab.seedNlp), cold_ours: lab.seedColdOurs, cold_compromise: lab.seedColdNlp },
    words50k: { words: bigBody.split(/\s+/).length, ours: stats(lab.bigOurs), compromise: stats(lab.bigNlp) },
  };
  await ctx.close();

  // ---- report -----------------------------------------------------------------------------------
  const L = out.loads, S = out.sizes;
  console.log('');
  line(['figure', 'widget', 'trivial Yew app / target', 'ratio']);
  line(['shipped bytes, gzip -9', S.widget.gzip, S.trivial.gzip, ratio(S.widget.gzip, S.trivial.gzip)]);
  line(['shipped bytes, brotli 11', S.widget.brotli, S.trivial.brotli, ratio(S.widget.brotli, S.trivial.brotli)]);
  line(['navigation -> first quote card (median)', ms(L.widget.first_card?.median), ms(L.trivial.first_card?.median), ratio(L.widget.first_card?.median, L.trivial.first_card?.median)]);
  line(['longest main-thread task before it (median / max)', `${ms(L.widget.longest_task?.median)} / ${ms(L.widget.longest_task?.max)}`, `${ms(L.trivial.longest_task?.median)} / ${ms(L.trivial.longest_task?.max)}`, 'target < 50 ms']);
  line(['total blocking time before it (median)', ms(L.widget.blocking?.median), ms(L.trivial.blocking?.median), '']);
  line(['click on a node -> cards changed / next frame', `${ms(out.click.changed?.median)} / ${ms(out.click.frame?.median)}`, 'next frame <= 8 ms', ratio(out.click.frame?.median, 8)]);
  line(['Enter on a node -> cards changed / next frame', `${ms(out.enter.changed?.median)} / ${ms(out.enter.frame?.median)}`, 'next frame <= 8 ms', ratio(out.enter.frame?.median, 8)]);
  line(['hover on a node -> map changed / next frame', `${ms(out.hover.changed?.median)} / ${ms(out.hover.frame?.median)}`, '<= 4 ms', ratio(out.hover.changed?.median, 4)]);
  line(['drag: frames per second, longest gap, gaps > 32 ms', `${out.drag.fps?.toFixed(1)} fps, ${ms(out.drag.gaps?.max)}, ${out.drag.over32}/${out.drag.frames}`, '60 fps, no gap > 32 ms', '']);
  for (const l of out.layout) line([`layout of ${l.nodes} stakeholders in wasm (${l.shown} laid out)`, ms(l.ms?.median), l.nodes === 200 ? '<= 16 ms' : '', l.nodes === 200 ? ratio(l.ms?.median, 16) : '']);
  console.log('');
  line(['analysis', 'stakeholder-map (wasm)', 'compromise 14 (quotations)', 'ratio']);
  line(['size, gzip -9 / brotli 11', `${S.widget.gzip} / ${S.widget.brotli} (whole widget)`, `${S.compromise.gzip} / ${S.compromise.brotli}`, ratio(S.widget.gzip, S.compromise.gzip)]);
  line(['seed article, warm (median)', ms(out.analysis.seed.ours?.median), ms(out.analysis.seed.compromise?.median), ratio(out.analysis.seed.ours?.median, out.analysis.seed.compromise?.median)]);
  line(['seed article, first call', ms(out.analysis.seed.cold_ours), ms(out.analysis.seed.cold_compromise), ratio(out.analysis.seed.cold_ours, out.analysis.seed.cold_compromise)]);
  line([`${out.analysis.words50k.words}-word article (one main-thread task)`, ms(out.analysis.words50k.ours?.median), ms(out.analysis.words50k.compromise?.median), ratio(out.analysis.words50k.ours?.median, out.analysis.words50k.compromise?.median)]);
  console.log('');
  for (const [k, v] of [['click -> cards', out.click.changed], ['click -> frame', out.click.frame], ['Enter -> frame', out.enter.frame], ['hover -> map', out.hover.changed], ['hover -> frame', out.hover.frame], ['drag frame gaps', out.drag.gaps], ['widget first card', L.widget.first_card], ['trivial first card', L.trivial.first_card]]) console.log(`${k}: ${fmt(v)}`);
  for (const l of out.layout) console.log(`layout ${l.nodes} (${l.viewport}, ${l.shown} laid out, ${l.folded} folded): ${fmt(l.ms)}`);
  console.log(JSON.stringify(out));
  const misses = [];
  if (!(L.widget.first_card && L.widget.first_card.median <= 1.5 * L.trivial.first_card.median)) misses.push('first card <= 1.5x trivial');
  if (!(out.click.frame && out.click.frame.median <= 8)) misses.push('click -> frame <= 8 ms');
  if (!(out.enter.frame && out.enter.frame.median <= 8)) misses.push('Enter -> frame <= 8 ms');
  if (!(out.hover.changed && out.hover.changed.median <= 4)) misses.push('hover <= 4 ms');
  if (!(out.drag.gaps && out.drag.over32 === 0)) misses.push('drag: no gap over 32 ms');
  const l200 = out.layout.find((l) => l.nodes === 200);
  if (!(l200?.ms && l200.ms.median <= 16)) misses.push('layout of 200 <= 16 ms');
  console.log(`targets missed: ${misses.length ? misses.join('; ') : 'none'}`);
  if (args.includes('--check') && misses.length) failed = true;
} catch (e) {
  console.error(`bench-browser: ${e.stack || e.message}`);
  failed = true;
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
