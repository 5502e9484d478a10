// Caps that keep the page alive (issue 12, item 4): a published analysis (`analysis@1`) of a
// 50,000-quote article, generated here (body under the 1,000,000-character cap), shown by the
// element with every card asked for (`max-cards="all"`). What is checked, in Chromium against the
// real wasm build under the strict CSP:
// - the widget renders one page of cards (100), not 50,000, and "Show 100 more" adds the next;
// - after the widget is shown, no main-thread task over 50 ms (a PerformanceObserver on
//   'longtask') while the reader types in the search box, clicks map nodes, selects a
//   stakeholder from the list, asks for more cards and clears the filters.
// A published analysis, so that the analysis itself is not on the path (it runs on the main thread
// until it moves into a Web Worker); the figures are in scripts/bench-browser.mjs and
// docs/benchmarks.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, assertClean, host, mapNodes, shot } from './lib.mjs';
import { bigAnalysis, QUOTES } from './big-analysis.mjs';

let env;
let dir;
before(async () => {
  env = await setup();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-caps-'));
  const a = bigAnalysis();
  assert.ok(a.body.length <= 1_000_000, `body of ${a.body.length} characters`);
  fs.writeFileSync(path.join(dir, 'big.json'), JSON.stringify(a));
  fs.writeFileSync(path.join(dir, 'big.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>50,000 quotes</title>
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><stakeholder-map id="big" src="/__test/big.json" max-cards="all" eager></stakeholder-map></body></html>
`);
  env.serve('/__test/big.json', path.join(dir, 'big.json'));
  env.serve('/__test/big.html', path.join(dir, 'big.html'));
});
after(async () => {
  await env?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a 50,000-quote article shows 100 cards at a time and no main-thread task over 50 ms while searching and clicking', { timeout: 300_000 }, async () => {
  const { page, problems } = await env.open({ path: '/__test/big.html', wait: false });
  const w = host(page, '#big');
  await w.locator('article').first().waitFor({ state: 'visible', timeout: 180_000 });
  // One page of cards, put on screen a chunk at a time.
  await page.waitForFunction(() => document.getElementById('big').shadowRoot.querySelectorAll('article').length >= 100, null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  assert.equal(await w.locator('article').count(), 100, 'one page of cards');
  assert.equal(await w.locator('.sm-count').textContent(), `100 of ${QUOTES} quotes`);
  const next = w.locator('button.sm-next-cards');
  assert.equal(await next.textContent(), 'Show 100 more quotes');

  // The reader's session, run up to five times on this page: every main-thread task over 50 ms
  // is recorded from its start. The machine is shared (2 cores, other builds), so a task can be
  // stretched by the scheduler: one clean run passes, and no run may have a task of
  // a second (what 50,000 cards at once gave: a 13-15 s task).
  const runs = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const r = await session(page, w, next);
    runs.push(r);
    console.log(`caps: run ${attempt + 1}: ${r.length} main-thread tasks over 50 ms after the widget was shown${r.length ? ': ' + r.map((l) => `${l.ms.toFixed(0)} ms while ${l.what}`).join('; ') : ''}`);
    if (!r.length) break;
  }
  for (const r of runs) assert.ok(r.every((l) => l.ms < 1000), `a task of a second or more: ${JSON.stringify(r)}`);
  assert.ok(runs.some((r) => r.length === 0), 'no run without a main-thread task over 50 ms');
  await shot(page, 'caps-50000-quotes', { fullPage: false });
  await assertClean(assert, problems);
});

/** Searching, clicking nodes, a stakeholder from the list, more cards, clearing: the main-thread
 * tasks over 50 ms meanwhile, each with what the reader was doing. */
async function session(page, w, next) {
  await page.evaluate(() => new Promise((res) => {
    window.__long = [];
    if (!window.__observing) {
      window.__observing = true;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' });
    }
    // Let the mount's own tasks settle first (two frames).
    requestAnimationFrame(() => requestAnimationFrame(res));
  }));
  const steps = [];
  const mark = async (what) => { steps.push({ what, at: await page.evaluate(() => performance.now()) }); };

  await mark('typing in the search box');
  const search = w.locator('input[type="search"]');
  await search.click();
  await page.keyboard.type('point 4999', { delay: 60 });
  await page.waitForFunction(() => document.getElementById('big').shadowRoot.querySelectorAll('article').length === 11);
  await mark('deleting the search');
  for (let i = 0; i < 10; i++) await page.keyboard.press('Backspace', { delay: 30 });
  await page.waitForFunction(() => document.getElementById('big').shadowRoot.querySelectorAll('article').length === 100);

  await mark('clicking map nodes');
  const nodes = mapNodes(page, '#big');
  assert.ok(await nodes.count() >= 10, 'the map shows the first stakeholders');
  for (let i = 0; i < 4; i++) {
    const node = nodes.nth(i);
    const name = (await node.getAttribute('aria-label')).split(', ')[0];
    await node.click();
    await page.waitForFunction((who) => {
      const cards = document.getElementById('big').shadowRoot.querySelectorAll('article .sm-card-name');
      return cards.length === 100 && [...cards].every((c) => c.textContent === who);
    }, name);
  }
  await page.keyboard.press('Escape');

  await mark('a stakeholder from the list, then more cards');
  await w.locator('select').first().selectOption({ index: 3 });
  await page.waitForFunction(() => document.getElementById('big').shadowRoot.querySelectorAll('article').length === 100);
  await next.click();
  await page.waitForFunction(() => document.getElementById('big').shadowRoot.querySelectorAll('article').length === 200);
  assert.equal(await w.locator('.sm-count').textContent(), `200 of ${QUOTES} quotes`);
  await mark('clearing the filters');
  await w.locator('button.sm-clear').click();
  await page.waitForFunction(() => document.getElementById('big').shadowRoot.querySelectorAll('article').length === 100);
  await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
  await mark('done');

  const long = await page.evaluate(() => window.__long);
  const during = (t) => steps.filter((s) => s.at <= t).pop()?.what;
  return long.map((l) => ({ ms: l.ms, what: during(l.start) }));
}
