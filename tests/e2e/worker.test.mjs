// The analysis runs in a module Web Worker, from its own wasm (issue 11), under the strict CSP:
// the main thread never instantiates the analyser and stays free (no task over 50 ms) while a
// 50,000-word article is analysed (pasted into the demo: the textarea is laid out and scrolled to
// first, since a textarea of 300,000 characters costs the browser a long task of its own), with an
// accessible "Analysing…" status meanwhile; widgets on
// a page share one worker; a published analysis never loads the analyser; the last article an
// element is given wins over an older, slower one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, assertClean, waitForWidget, watchPage, shot, ROOT } from './lib.mjs';

const ANALYSER = /\/pkg\/stakeholder_map_analyser(_bg\.wasm|\.js)$|\/www\/analyser-worker\.js$/;
const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', 'seed-article.json'), 'utf8'));

/** A plain-text article of at least `words` words: the seed's paragraphs over and over. */
function longArticle(words) {
  const paras = seed.body.split(/\n\n+/);
  const out = ['A very long article about the seed story'];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = paras[i % paras.length];
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return { text: out.join('\n\n'), words: n, paragraphs: out.length - 1 };
}

let env;
let dir;
before(async () => {
  env = await setup();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-worker-'));
});
after(async () => { await env?.close(); });

/** Opens `p` recording the requests for the analyser's files (the page's and its workers'). */
async function openRecording(p, wait = true) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => { if (ANALYSER.test(r.url())) requested.push(new URL(r.url()).pathname); });
  const problems = await watchPage(page, env.origin);
  await page.goto(env.origin + p, { waitUntil: 'load' });
  if (wait) await waitForWidget(page, 30000);
  return { context, page, requested, problems };
}

test('a 50,000-word article is analysed in the worker: no main-thread task over 50 ms, an "Analysing…" status meanwhile', async () => {
  const { context, page, requested, problems } = await openRecording('/');
  // The demo's example was analysed in the worker: the worker is there, and the page itself never
  // fetched or instantiated the analyser (the page's own resource timeline has none of its files).
  const workers = page.workers().map((w) => new URL(w.url()).pathname);
  assert.deepEqual(workers, ['/www/analyser-worker.js']);
  const onPage = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
  assert.ok(!onPage.some((u) => /stakeholder_map_analyser/.test(u)), `the page itself loaded the analyser: ${onPage.join(', ')}`);
  assert.ok(onPage.includes('/www/analyser-worker.js'), 'no worker script');
  assert.ok(requested.includes('/pkg/stakeholder_map_analyser_bg.wasm'), 'the worker did not load the analyser');

  const long = longArticle(50000);
  assert.ok(long.words >= 50000);
  // The pasted text laid out first (a textarea of 300,000 characters takes its own long task to
  // lay out, nothing to do with the analysis).
  await page.evaluate(async (text) => {
    const box = document.getElementById('try-text');
    box.value = text;
    box.closest('form').scrollIntoView({ block: 'center' });
    void box.scrollHeight;
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  }, long.text);
  await page.waitForTimeout(500);
  // Long tasks and the widget's busy state, timed on the page's clock.
  await page.evaluate(() => {
    window.__long = [];
    window.__busy = [];
    window.__notes = new Set();
    // The end of the analysis: the first record without the busy state after one with it.
    window.__done = () => {
      const b = window.__busy;
      const i = b.findIndex((x) => x.busy);
      const j = i < 0 ? -1 : b.findIndex((x, k) => k > i && !x.busy);
      return j < 0 ? null : b[j].t;
    };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask' });
    const w = document.getElementById('seed');
    const root = w.shadowRoot.querySelector('.sm-root');
    new MutationObserver(() => {
      window.__busy.push({ t: performance.now(), busy: root.getAttribute('aria-busy') === 'true' });
      for (const p of root.querySelectorAll('[role="status"].sm-progress, .sm-loading[role="status"]')) window.__notes.add(p.textContent);
    }).observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
    window.__t0 = performance.now();
  });
  await page.locator('#try-form button[type="submit"]').click();
  await page.waitForFunction(() => window.__busy.some((b) => b.busy), null, { timeout: 10000 });
  await page.waitForFunction(() => window.__done() !== null, null, { timeout: 120000 });
  const r = await page.evaluate(() => {
    const done = window.__done();
    return { t0: window.__t0, done, long: window.__long, notes: [...window.__notes] };
  });
  // Tasks that began while the worker was busy. The answer is read and shown in a task of its own
  // that starts as the analysis ends (`done`, when the busy state goes): timestamps are coarse, so
  // that one is told apart by starting no earlier than 5 ms before. An analysis on the main thread
  // would be a task starting hundreds of ms before `done`.
  const during = r.long.filter((l) => l.start >= r.t0 && l.start < r.done - 5);
  console.log(`analysis of ${long.words} words (${long.paragraphs} paragraphs) in the worker: ${Math.round(r.done - r.t0)} ms; `
    + `main-thread long tasks meanwhile: ${JSON.stringify(during)}; status: ${JSON.stringify(r.notes)}`);
  // It took long enough that, on the main thread, it would have been one long task.
  assert.ok(r.done - r.t0 > 200, `the analysis took only ${r.done - r.t0} ms: not a test of anything`);
  assert.deepEqual(during, [], 'a main-thread task over 50 ms while the worker analysed');
  assert.ok(r.notes.some((n) => n.includes(`Analysing the article (${long.paragraphs} paragraphs)`)), `no progress status: ${JSON.stringify(r.notes)}`);
  // The widget then shows the long article (the demo renders its story from the same analysis).
  await page.waitForFunction(() => document.getElementById('story-kicker').textContent === 'Your article', null, { timeout: 60000 });
  const after = await page.evaluate(() => {
    const long = window.__long.filter((l) => l.start >= window.__done() - 5);
    return { title: document.getElementById('story-title').textContent, long };
  });
  assert.equal(after.title, 'A very long article about the seed story');
  console.log(`main-thread tasks over 50 ms after the analysis arrived (reading and mounting it): ${JSON.stringify(after.long)}`);
  await page.locator('#seed').scrollIntoViewIfNeeded();
  await shot(page, 'worker-long-article', { fullPage: false });
  // The demo while it analyses (a different article: the same one would not be analysed again).
  await page.evaluate((text) => { document.getElementById('try-text').value = text; }, `${long.text}\n\nOne more paragraph.`);
  await page.locator('#try-form button[type="submit"]').click();
  await page.locator('#seed .sm-progress').waitFor({ timeout: 10000 });
  await page.locator('#seed').scrollIntoViewIfNeeded();
  await shot(page, 'worker-demo-analysing', { fullPage: false });
  await page.waitForFunction(() => !document.getElementById('seed').shadowRoot.querySelector('.sm-root').hasAttribute('aria-busy'), null, { timeout: 60000 });
  await assertClean(assert, problems);
  await context.close();
});

test('two widgets on a page share one worker', async () => {
  const { context, page, requested, problems } = await openRecording('/__test/two-widgets.html');
  for (const id of ['first', 'second']) {
    await page.locator(`#${id} article`).first().waitFor({ timeout: 30000 });
  }
  assert.deepEqual(page.workers().map((w) => new URL(w.url()).pathname), ['/www/analyser-worker.js']);
  assert.equal(requested.filter((u) => u === '/www/analyser-worker.js').length, 1);
  assert.equal(requested.filter((u) => u === '/pkg/stakeholder_map_analyser_bg.wasm').length, 1);
  await assertClean(assert, problems);
  await context.close();
});

test('a page with a published analysis never requests the analyser', async () => {
  // The analysis, made by the analyser in another page, published as a file.
  const { context: c0, page: p0 } = await openRecording('/__test/two-widgets.html');
  const json = await p0.evaluate(async () => {
    const m = await import('/pkg/stakeholder_map_analyser.js');
    await m.default();
    return m.analyze_json(document.querySelector('#second script').textContent);
  });
  await c0.close();
  fs.writeFileSync(path.join(dir, 'published.json'), json);
  fs.writeFileSync(path.join(dir, 'published.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A published analysis</title>
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><stakeholder-map id="pub" src="/__test/worker-published.json" max-cards="all"></stakeholder-map>
<stakeholder-map id="inline" max-cards="all"><script type="application/json">${json.replace(/</g, '\\u003c')}</script></stakeholder-map></body></html>`);
  env.serve('/__test/worker-published.json', path.join(dir, 'published.json'));
  env.serve('/__test/worker-published.html', path.join(dir, 'published.html'));
  const { context, page, requested, problems } = await openRecording('/__test/worker-published.html');
  for (const id of ['pub', 'inline']) await page.locator(`#${id} article`).first().waitFor({ timeout: 30000 });
  const names = await page.locator('#pub article').allTextContents();
  assert.ok(names.join(' ').includes('Dahl'), 'the published analysis is not shown');
  // And an article given afterwards does start the worker (so the check above can fail).
  await page.waitForTimeout(500);
  assert.deepEqual(requested, [], `the analyser was requested: ${requested.join(', ')}`);
  assert.equal(page.workers().length, 0);
  await page.evaluate(() => document.getElementById('pub').setArticle('"We will rebuild it," said Mayor Ana Ruiz.'));
  assert.ok(requested.includes('/www/analyser-worker.js'));
  await assertClean(assert, problems);
  await context.close();
});

test('a newer article wins over an older one that is slower to analyse', async () => {
  const { context, page, problems } = await openRecording('/__test/two-widgets.html');
  await page.locator('#second article').first().waitFor({ timeout: 30000 });
  const long = longArticle(100000).text;
  await page.evaluate((long) => {
    const w = document.getElementById('second');
    window.__events = [];
    w.addEventListener('stakeholder-map:ready', () => window.__events.push(['ready', w.analysis?.headline]));
    w.addEventListener('stakeholder-map:error', (e) => window.__events.push(['error', e.detail.message]));
    window.__slow = w.setArticle(long);
  }, long);
  // The worker is well into the long one (the widget says it is analysing) when the short one
  // arrives; the long one is stopped (the worker terminated: tests/e2e/cancel.test.mjs).
  await page.locator('#second .sm-progress').waitFor({ timeout: 10000 });
  await page.evaluate(() => { window.__fast = document.getElementById('second').setArticle('Short story\n\n"We will rebuild it," said Mayor Ana Ruiz.'); });
  await page.locator('#second').scrollIntoViewIfNeeded();
  await page.waitForTimeout(200); // let the scrolled-to tiles paint
  await shot(page, 'worker-analysing', { fullPage: false });
  const r = await page.evaluate(async () => {
    const w = document.getElementById('second');
    const events = window.__events;
    const results = [await window.__slow, await window.__fast];
    // Long enough for the slow analysis to have come back from the worker (and be ignored).
    const t0 = performance.now();
    while (performance.now() - t0 < 4000) await new Promise((res) => setTimeout(res, 200));
    return { results, events, headline: w.analysis?.headline, cards: [...w.shadowRoot.querySelectorAll('article')].map((a) => a.textContent) };
  });
  assert.deepEqual(r.results, [false, true]);
  assert.deepEqual(r.events, [['ready', 'Short story']]);
  assert.equal(r.headline, 'Short story');
  assert.ok(r.cards.length === 1 && r.cards[0].includes('Ruiz'), JSON.stringify(r.cards));
  await assertClean(assert, problems);
  await context.close();
});
