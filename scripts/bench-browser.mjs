#!/usr/bin/env node
// Browser benchmark: the widget's speed in Debian's headless Chromium, measured in the page with
// performance.now() around the real work.
//
//   node scripts/bench-browser.mjs [--clicks N] [--rounds N] [--nodes N] [--iterations N]
//
// Needs dist/ (scripts/build.sh). Prints:
//   - click-to-filter: from the click event reaching the page until the quote cards have changed
//     (MutationObserver on the cards), and until the next animation frame after that; median and
//     p95 over N real clicks (Playwright mouse clicks on the map's nodes, cycling through them);
//   - layout: the wasm export bench_layout(nodes, iterations) run on a synthetic graph of 40 nodes,
//     timed per layout (performance.now around batches of `iterations` runs); median and p95.
// Targets (issue 5): click-to-filter under one frame (16 ms), layout of 40 nodes under 5 ms.
import { startServer } from '../tests/e2e/server.mjs';
import { launch, waitForWidget, WIDGET, mapNodes } from '../tests/e2e/lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const CLICKS = opt('clicks', 120);
const ROUNDS = opt('rounds', 30);
const NODES = opt('nodes', 40);
const ITER = opt('iterations', 20);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
};
const fmt = (st) => `median ${st.median.toFixed(2)} ms, p95 ${st.p95.toFixed(2)} ms (min ${st.min.toFixed(2)}, max ${st.max.toFixed(2)}, n=${st.n})`;

const server = await startServer();
const browser = await launch();
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.origin + '/', { waitUntil: 'load' });
  await waitForWidget(page);
  const version = await browser.version();

  // ---- click-to-filter ------------------------------------------------------------------------
  await page.evaluate((widget) => {
    const host = document.querySelector(widget);
    const root = host.shadowRoot || host;
    const first = root.querySelector('article');
    const container = first.closest('ol, ul, [role=list]') || first.parentNode;
    const b = (window.__bench = { down: 0, click: 0, changed: 0, frame: 0, waiting: false });
    window.addEventListener('pointerdown', () => { if (b.waiting) b.down = performance.now(); }, true);
    window.addEventListener('click', () => { if (b.waiting) b.click = performance.now(); }, true);
    new MutationObserver((records) => {
      if (!b.waiting || b.changed || !b.down) return;
      if (!records.some((r) => container.contains(r.target) || r.target === container)) return;
      b.changed = performance.now();
      requestAnimationFrame(() => { b.frame = performance.now(); b.waiting = false; });
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  }, WIDGET);

  const nodes = mapNodes(page);
  const count = await nodes.count();
  if (count < 2) throw new Error(`need at least 2 nodes on the map to click, found ${count}`);
  // Cycle through the quoted stakeholders (selecting one changes the cards every time; two
  // unquoted ones in a row would both show an empty list).
  const labels = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''));
  const quoted = labels.map((l, i) => (/Quoted /.test(l) ? i : -1)).filter((i) => i >= 0);
  const order = quoted.length >= 2 ? quoted : labels.map((_, i) => i);
  const toCards = [], toFrame = [];
  let unchanged = 0;
  for (let i = 0; i < CLICKS; i++) {
    await page.evaluate(() => Object.assign(window.__bench, { down: 0, click: 0, changed: 0, frame: 0, waiting: true }));
    await nodes.nth(order[i % order.length]).click();
    try {
      await page.waitForFunction(() => !window.__bench.waiting, null, { timeout: 2000 });
    } catch {
      unchanged++; // this click did not change the cards (e.g. a node with no quotes, twice)
      continue;
    }
    const b = await page.evaluate(() => window.__bench);
    // Start at the click event, or at pointerdown when the widget reacted before the click.
    const start = b.click && b.click <= b.changed ? b.click : b.down;
    toCards.push(b.changed - start);
    toFrame.push(b.frame - start);
  }
  if (toCards.length < CLICKS / 2) throw new Error(`only ${toCards.length} of ${CLICKS} clicks changed the cards`);

  // ---- layout of NODES nodes in wasm ----------------------------------------------------------
  const layout = await page.evaluate(async ({ nodes, iter, rounds }) => {
    const mod = await import('/pkg/stakeholder_map.js');
    if (typeof mod.default === 'function') await mod.default();
    if (typeof mod.bench_layout !== 'function') return { error: 'the wasm module exports no bench_layout(nodes, iterations)' };
    mod.bench_layout(nodes, iter); // warm up
    const per = [];
    let returned;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      returned = mod.bench_layout(nodes, iter);
      per.push((performance.now() - t) / iter);
    }
    return { per, returned };
  }, { nodes: NODES, iter: ITER, rounds: ROUNDS });
  if (layout.error) throw new Error(layout.error);

  const click = stats(toCards), frame = stats(toFrame), lay = stats(layout.per);
  console.log(`bench-browser: ${version}, viewport 1280x900, ${count} nodes on the seed article's map`);
  console.log(`click-to-filter (click -> cards changed): ${fmt(click)}${unchanged ? `; ${unchanged} clicks changed nothing` : ''}`);
  console.log(`click-to-filter (click -> next frame):    ${fmt(frame)}`);
  console.log(`layout, ${NODES} nodes (bench_layout, ${ITER} per batch, ${ROUNDS} batches): ${fmt(lay)}; bench_layout returned ${JSON.stringify(layout.returned)}`);
  console.log(JSON.stringify({ click_to_cards_ms: click, click_to_frame_ms: frame, layout_ms: lay, layout_nodes: NODES }));
  const ok = click.median < 16 && lay.median < 5;
  console.log(`targets: click-to-filter median < 16 ms: ${click.median < 16 ? 'met' : 'NOT met'}; layout median < 5 ms: ${lay.median < 5 ? 'met' : 'NOT met'}`);
  if (process.argv.includes('--check') && !ok) failed = true;
} catch (e) {
  console.error(`bench-browser: ${e.message}`);
  failed = true;
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
