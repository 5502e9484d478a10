// A running analysis is cancelled when a new article arrives (issue 12, item 4): the page keeps
// the analyser's queue and posts one request at a time to the shared worker, so when an element's
// new article supersedes the request the worker is running, the worker is terminated (the
// analysis really stops) and a fresh one takes the other widgets' waiting requests.
// What would fail with a worker that keeps computing the superseded analysis:
// - the small article's cards come in a fraction of the time the huge analysis takes alone;
// - the first worker is closed (terminated) and one worker is left;
// - the other widget's request, queued behind the huge one, is not lost.
// Printed, not checked: the CPU time the page's processes spend in the 2 s after the small article
// is shown (Chromium's own figures, CDP SystemInfo.getProcessInfo): 0.36-0.64 s measured, the
// fresh worker compiling the analyser's wasm again, which on this shared machine overlaps what a
// worker still on the huge analysis would get.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, assertClean, watchPage, ROOT } from './lib.mjs';

const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures', 'seed-article.json'), 'utf8'));

/** A plain-text article of at least `words` words: the seed's paragraphs over and over. */
function longArticle(words, headline) {
  const paras = seed.body.split(/\n\n+/);
  const out = [headline];
  for (let i = 0, n = 0; n < words; i++) {
    out.push(paras[i % paras.length]);
    n += paras[i % paras.length].split(/\s+/).length;
  }
  return out.join('\n\n');
}

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** CPU seconds Chromium's renderer and utility processes have used so far. */
async function rendererCpu(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type !== 'browser' && p.type !== 'GPU').reduce((s, p) => s + p.cpuTime, 0);
}

test('a new article stops the running analysis: the worker is terminated, the other widget keeps its request', { timeout: 300_000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchPage(page, env.origin);
  const workers = [];
  page.on('worker', (w) => {
    const rec = { url: new URL(w.url()).pathname, closed: false };
    workers.push(rec);
    w.on('close', () => { rec.closed = true; });
  });
  await page.goto(`${env.origin}/__test/two-widgets.html`, { waitUntil: 'load' });
  for (const id of ['first', 'second']) await page.locator(`#${id} article`).first().waitFor({ timeout: 30000 });
  const cdp = await context.browser().newBrowserCDPSession();

  // How long the huge article takes alone (the worker warm).
  const huge = longArticle(150000, 'A huge article');
  const alone = await page.evaluate(async (text) => {
    const t0 = performance.now();
    const ok = await document.getElementById('second').setArticle(text);
    return { ok, ms: performance.now() - t0 };
  }, huge);
  assert.equal(alone.ok, true);
  console.log(`cancel: the huge article (${huge.length} characters) alone: ${Math.round(alone.ms)} ms`);
  assert.ok(alone.ms > 1000, `the huge analysis took only ${alone.ms} ms: too short to tell`);
  assert.equal(workers.filter((w) => !w.closed).length, 1);

  // The huge one again (another text), running in the worker once the widget says how many
  // paragraphs it has (the worker's progress message); the first widget's article waits behind it.
  await page.evaluate((text) => {
    window.__events = [];
    for (const id of ['first', 'second']) {
      const w = document.getElementById(id);
      w.addEventListener('stakeholder-map:ready', () => window.__events.push([id, 'ready', w.analysis?.headline]));
      w.addEventListener('stakeholder-map:error', (e) => window.__events.push([id, 'error', e.detail.message]));
    }
    window.__huge = document.getElementById('second').setArticle(text);
  }, `${huge}\n\nOne more paragraph.`);
  await page.waitForFunction(() => /paragraphs\)/.test(document.getElementById('second').shadowRoot.querySelector('.sm-progress')?.textContent || ''), null, { timeout: 20000 });
  const r = await page.evaluate(async () => {
    const first = document.getElementById('first');
    const second = document.getElementById('second');
    const queued = first.setArticle('Queued story\n\n"The bridge opens in May," said Mayor Ana Ruiz.');
    const t0 = performance.now();
    const small = await second.setArticle('Short story\n\n"We will rebuild it," said Lena Holm.');
    const ms = performance.now() - t0;
    return { small, ms, huge: await window.__huge, queued: await queued };
  });
  const cpu0 = await rendererCpu(cdp);
  const wall0 = Date.now();
  await page.waitForTimeout(2000);
  const cpu = await rendererCpu(cdp) - cpu0;
  const wall = (Date.now() - wall0) / 1000;
  const state = await page.evaluate(() => ({
    events: window.__events,
    first: [...document.getElementById('first').shadowRoot.querySelectorAll('article')].map((a) => a.textContent),
    second: [...document.getElementById('second').shadowRoot.querySelectorAll('article')].map((a) => a.textContent),
  }));
  console.log(`cancel: the small article's cards ${Math.round(r.ms)} ms after it was given (the huge one alone: ${Math.round(alone.ms)} ms); `
    + `CPU of the page's processes in the ${wall.toFixed(1)} s after: ${cpu.toFixed(2)} s; workers: ${JSON.stringify(workers)}`);
  assert.deepEqual([r.huge, r.small, r.queued], [false, true, true]);
  assert.ok(r.ms < alone.ms / 3, `the small article took ${r.ms} ms, the huge one alone ${alone.ms} ms`);
  assert.equal(workers.length, 2, JSON.stringify(workers));
  assert.deepEqual(workers.map((w) => w.closed), [true, false], 'the first worker was not terminated');
  assert.deepEqual(state.events.sort(), [['first', 'ready', 'Queued story'], ['second', 'ready', 'Short story']]);
  assert.ok(state.first.length === 1 && state.first[0].includes('bridge opens'), JSON.stringify(state.first));
  assert.ok(state.second.length === 1 && state.second[0].includes('rebuild'), JSON.stringify(state.second));
  await assertClean(assert, problems);
  await context.close();
});
