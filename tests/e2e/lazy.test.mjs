// Lazy and parallel loading, in Chromium under the strict CSP: a widget far below the fold fetches
// neither its article nor the wasm (glue or binary, the viewer's or the analyser's) until the
// reader scrolls near it; then the article, the glue and the binary are requested together (each starts before the glue has
// arrived, on a network with latency). `eager` opts out of the wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, assertClean, watchPage } from './lib.mjs';

let env;
before(async () => {
  env = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-lazy-'));
  fs.writeFileSync(path.join(dir, 'lazy.css'), 'body { margin: 0; } .spacer { height: 6000px; }\n');
  for (const [name, attrs] of [['lazy', ''], ['eager', ' eager']]) {
    fs.writeFileSync(path.join(dir, `${name}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Far below the fold</title>
<link rel="stylesheet" href="/__test/lazy.css">
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><h1>A long story</h1><div class="spacer"></div>
<stakeholder-map id="far" src="/fixtures/seed-article.json"${attrs}></stakeholder-map></body></html>`);
    env.serve(`/__test/${name}.html`, path.join(dir, `${name}.html`));
  }
  env.serve('/__test/lazy.css', path.join(dir, 'lazy.css'));
});
after(async () => { await env?.close(); });

const WIDGET_FILES = /\/pkg\/stakeholder_map(_bg\.wasm|\.js)$|\/fixtures\/seed-article\.json$/;
// The analyser's worker and its files (requested by the worker once the article has arrived).
const ANALYSER_FILES = /\/www\/analyser-worker\.js$|\/pkg\/stakeholder_map_analyser(_bg\.wasm|\.js)$/;

async function openFar(name) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchPage(page, env.origin);
  const requested = [];
  const analyser = [];
  page.on('request', (r) => {
    if (WIDGET_FILES.test(r.url())) requested.push(new URL(r.url()).pathname);
    if (ANALYSER_FILES.test(r.url())) analyser.push(new URL(r.url()).pathname);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 2_000_000, uploadThroughput: 1_000_000 });
  await page.goto(env.origin + `/__test/${name}.html`, { waitUntil: 'load' });
  return { page, problems, requested, analyser, context };
}

test('a widget far below the fold fetches nothing until the reader scrolls near it, then all at once', async () => {
  const { page, problems, requested, analyser, context } = await openFar('lazy');
  await page.evaluate(() => customElements.whenDefined('stakeholder-map'));
  await page.mouse.wheel(0, 1500);
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(requested, [], `fetched while far below the fold: ${requested.join(', ')}`);
  assert.deepEqual(analyser, [], `the analyser loaded while far below the fold: ${analyser.join(', ')}`);
  // Near: the widget one screen below the viewport.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('far').offsetTop - 2 * innerHeight));
  await page.locator('#far article').first().waitFor({ timeout: 30000 });
  assert.deepEqual([...new Set(requested)].sort(), ['/fixtures/seed-article.json', '/pkg/stakeholder_map.js', '/pkg/stakeholder_map_bg.wasm']);
  assert.deepEqual([...new Set(analyser)].sort(), ['/pkg/stakeholder_map_analyser.js', '/pkg/stakeholder_map_analyser_bg.wasm', '/www/analyser-worker.js']);
  // In parallel: the article and the binary were requested before the glue had arrived.
  const t = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .filter((r) => /stakeholder_map|seed-article/.test(r.name))
    .map((r) => [new URL(r.name).pathname, { start: Math.round(r.startTime), end: Math.round(r.responseEnd) }])));
  console.log(`requests (ms since navigation): ${JSON.stringify(t)}`);
  const glue = t['/pkg/stakeholder_map.js'];
  assert.ok(t['/pkg/stakeholder_map_bg.wasm'].start < glue.end, 'the wasm binary waited for the glue');
  assert.ok(t['/fixtures/seed-article.json'].start < glue.end, 'the article waited for the glue');
  await assertClean(assert, problems);
  await context.close();
});

test('with eager, a widget far below the fold loads at once', async () => {
  const { page, problems, requested, context } = await openFar('eager');
  await page.waitForFunction(() => document.getElementById('far').shadowRoot?.querySelector('article'), null, { timeout: 30000 });
  assert.ok(requested.includes('/pkg/stakeholder_map_bg.wasm') && requested.includes('/fixtures/seed-article.json'));
  assert.ok(await page.evaluate(() => window.scrollY) === 0, 'the page scrolled');
  await assertClean(assert, problems);
  await context.close();
});
