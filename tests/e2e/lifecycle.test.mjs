// The element as a DOM citizen, in Chromium under the strict CSP: moving, detaching and
// re-attaching keep its article, an editor's corrections and the reader's view; an article given
// before the element is attached is shown; the last article asked for wins whatever order the
// fetches answer in (a slow and a fast src from the test server's /__slow/ route); and every
// outcome fires exactly one of stakeholder-map:ready or stakeholder-map:error, with a detail,
// the error also shown inline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, assertClean } from './lib.mjs';

let env;
const SMALL = JSON.stringify({
  headline: 'Bridge reopens after repairs',
  body: '"We open on Monday," said Ana Ruiz, the director of the port.\n\n"It is two years late," said Tom Berg, a resident.',
});
before(async () => {
  env = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-life-'));
  fs.writeFileSync(path.join(dir, 'life.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lifecycle host</title>
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><div id="a"></div><div id="b"></div></body></html>`);
  fs.writeFileSync(path.join(dir, 'small.json'), SMALL);
  env.serve('/__test/life.html', path.join(dir, 'life.html'));
  env.serve('/__test/small.json', path.join(dir, 'small.json'));
});
after(async () => { await env?.close(); });

/** A page with two empty containers and every ready/error event recorded as [type, id, detail]. */
async function lifePage() {
  const o = await env.open({ path: '/__test/life.html', wait: false });
  await o.page.evaluate(async () => {
    window.__ev = [];
    for (const t of ['ready', 'error']) {
      document.addEventListener(`stakeholder-map:${t}`, (e) => window.__ev.push([t, e.target.id, e.detail]));
    }
    await customElements.whenDefined('stakeholder-map');
  });
  return o;
}
const events = (page, id) => page.evaluate((i) => window.__ev.filter((e) => e[1] === i), id);
const names = (page, id) => page.locator(`#${id}`).locator('article .sm-card-name').allInnerTexts();
const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

test('the last src wins when an earlier src answers later', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate(() => {
    const el = document.createElement('stakeholder-map');
    el.id = 'race';
    el.setAttribute('eager', '');
    el.setAttribute('src', '/__slow/1500/fixtures/seed-article.json');
    document.getElementById('a').append(el);
    el.setAttribute('src', '/__test/small.json');
  });
  await page.locator('#race article').first().waitFor({ timeout: 20000 });
  // The slow answer (the seed article) arrives after the fast one: it must not replace it.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('/__slow/') && r.responseEnd > 0), null, { timeout: 10000 });
  await settle();
  assert.deepEqual((await names(page, 'race')).sort(), ['Ana Ruiz', 'Tom Berg']);
  assert.equal(await page.locator('#race').getAttribute('src'), '/__test/small.json');
  const ev = await events(page, 'race');
  assert.deepEqual(ev.map((e) => e[0]), ['ready'], `events: ${JSON.stringify(ev)}`);
  assert.equal(ev[0][2].via, 'src');
  assert.match(ev[0][2].src, /\/__test\/small\.json$/);
  await assertClean(assert, problems);
});

test('setArticle after a slow src wins, and a src after setArticle wins over it', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate((small) => {
    const el = document.createElement('stakeholder-map');
    el.id = 'mixed';
    el.setAttribute('eager', '');
    el.setAttribute('src', '/__slow/1200/fixtures/seed-article.json');
    document.getElementById('a').append(el);
    el.setArticle(small);
  }, SMALL);
  await page.locator('#mixed article').first().waitFor({ timeout: 20000 });
  await settle(1600);
  assert.deepEqual((await names(page, 'mixed')).sort(), ['Ana Ruiz', 'Tom Berg']);
  assert.deepEqual((await events(page, 'mixed')).map((e) => [e[0], e[2].via]), [['ready', 'setArticle']]);

  // Now the other way round: an article set, then a src: the src is the last word.
  await page.evaluate(() => {
    const el = document.getElementById('mixed');
    el.setArticle('"Nothing to add," said Lea Voss, the mayor.');
    el.setAttribute('src', '/__slow/400/__test/small.json');
  });
  await page.waitForFunction(() => window.__ev.filter((e) => e[1] === 'mixed').length >= 2, null, { timeout: 10000 });
  await settle();
  assert.deepEqual((await names(page, 'mixed')).sort(), ['Ana Ruiz', 'Tom Berg']);
  assert.deepEqual((await events(page, 'mixed')).map((e) => [e[0], e[2].via]), [['ready', 'setArticle'], ['ready', 'src']]);
  await assertClean(assert, problems);
});

test('an article given by setArticle before the element is attached is shown once it is', async () => {
  const { page, problems } = await lifePage();
  const shown = page.evaluate(async (small) => {
    const el = document.createElement('stakeholder-map');
    el.id = 'early';
    const p = el.setArticle(small);
    await new Promise((r) => setTimeout(r, 300));
    document.getElementById('a').append(el);
    return p;
  }, SMALL);
  assert.equal(await shown, true);
  await page.locator('#early article').first().waitFor({ timeout: 20000 });
  assert.deepEqual((await names(page, 'early')).sort(), ['Ana Ruiz', 'Tom Berg']);

  // Given just before a move: shown too, once.
  await page.evaluate(() => {
    const el = document.getElementById('early');
    el.setArticle('"We will appeal," said Lea Voss, the mayor of Kiel.');
    document.getElementById('b').append(el);
  });
  await page.waitForFunction(() => window.__ev.filter((e) => e[1] === 'early').length >= 2, null, { timeout: 10000 });
  await settle();
  assert.deepEqual(await names(page, 'early'), ['Lea Voss']);
  assert.deepEqual((await events(page, 'early')).map((e) => e[0]), ['ready', 'ready']);
  await assertClean(assert, problems);
});

test('moving and re-attaching the element in editor mode keeps a reassigned speaker and the view', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate(() => {
    const el = document.createElement('stakeholder-map');
    el.id = 'ed';
    el.setAttribute('eager', '');
    el.setAttribute('editable', '');
    el.setAttribute('max-cards', 'all');
    el.setAttribute('src', '/fixtures/seed-article.json');
    document.getElementById('a').append(el);
  });
  const card = page.locator('#ed article').first();
  await card.waitFor({ timeout: 20000 });
  const quote = await card.locator('.sm-quote').innerText();
  const before = await card.locator('.sm-card-name').innerText();
  const picker = card.locator('select');
  const options = await picker.locator('option').allInnerTexts();
  const other = options.find((o) => o !== before && o !== 'Unattributed');
  assert.ok(other, `no other speaker to pick among ${options}`);
  await picker.selectOption({ label: other });
  const theCard = page.locator('#ed article').filter({ hasText: quote.slice(1, 40) });
  await theCard.locator('.sm-by-editor').waitFor({ timeout: 5000 });
  assert.equal(await theCard.locator('.sm-card-name').innerText(), other);

  // The reader's view: a search.
  await page.locator('#ed').getByLabel('Search quotes').fill('Europe');
  await page.waitForFunction(() => document.getElementById('ed').shadowRoot.querySelectorAll('article').length < 10);
  const filtered = await page.locator('#ed article').count();

  // Moved to another container (remove + insert in one task), then detached and re-attached.
  await page.evaluate(() => document.getElementById('b').append(document.getElementById('ed')));
  await settle(300);
  assert.equal(await page.locator('#ed').getByLabel('Search quotes').inputValue(), 'Europe');
  assert.equal(await page.locator('#ed article').count(), filtered);
  await page.evaluate(() => { window.__ed = document.getElementById('ed'); window.__ed.remove(); });
  await settle(500);
  await page.evaluate(() => document.getElementById('a').append(window.__ed));
  await settle(300);
  assert.equal(await page.locator('#ed').getByLabel('Search quotes').inputValue(), 'Europe');
  await page.locator('#ed').getByLabel('Search quotes').fill('');
  await page.waitForFunction(() => document.getElementById('ed').shadowRoot.querySelectorAll('article').length >= 10);
  assert.equal(await theCard.locator('.sm-card-name').innerText(), other, 'the editor\'s correction was lost');
  assert.equal(await theCard.locator('.sm-by-editor').count(), 1);
  // One article, one ready: the moves did not reload or re-analyse it.
  assert.deepEqual((await events(page, 'ed')).map((e) => e[0]), ['ready']);
  await assertClean(assert, problems);
});

test('an invalid article fires error (not ready) with its JSON path, and shows it inline', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate(() => {
    const el = document.createElement('stakeholder-map');
    el.id = 'bad';
    document.getElementById('a').append(el);
    el.setArticle('{"headline": "A headline", "body": 5}');
  });
  await page.waitForFunction(() => window.__ev.some((e) => e[1] === 'bad'), null, { timeout: 20000 });
  await settle();
  const ev = await events(page, 'bad');
  assert.deepEqual(ev.map((e) => e[0]), ['error'], `events: ${JSON.stringify(ev)}`);
  assert.equal(ev[0][2].reason, 'article');
  assert.equal(ev[0][2].path, '$.body');
  assert.ok(ev[0][2].message.length > 5, ev[0][2].message);
  const alert = page.locator('#bad').getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /\$\.body/);
  await assertClean(assert, problems);
});

test('a src that cannot be fetched fires one error with the status, shown inline; a good one after it fires ready', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate(() => {
    const el = document.createElement('stakeholder-map');
    el.id = 'gone';
    el.setAttribute('src', '/__test/no-such-article.json');
    document.getElementById('a').append(el);
  });
  await page.waitForFunction(() => window.__ev.some((e) => e[1] === 'gone'), null, { timeout: 20000 });
  await settle();
  let ev = await events(page, 'gone');
  assert.deepEqual(ev.map((e) => e[0]), ['error']);
  assert.equal(ev[0][2].reason, 'fetch');
  assert.match(ev[0][2].message, /404/);
  assert.match(await page.locator('#gone').getByRole('alert').innerText(), /could not be shown.*404/);
  await page.evaluate(() => document.getElementById('gone').setAttribute('src', '/__test/small.json'));
  await page.locator('#gone article').first().waitFor({ timeout: 20000 });
  await settle();
  ev = await events(page, 'gone');
  assert.deepEqual(ev.map((e) => e[0]), ['error', 'ready']);
  assert.equal(await page.locator('#gone').getByRole('alert').count(), 0, 'the old error still shows');
  const p = await problems();
  p.errors = p.errors.filter((e) => !/no-such-article/.test(e));
  assert.deepEqual(p, { errors: [], foreign: [], csp: [] });
});

test('detached for longer than keepDetachedMs, the widget is freed; attached again it shows the same article afresh', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate(() => {
    customElements.get('stakeholder-map').keepDetachedMs = 300;
    const el = document.createElement('stakeholder-map');
    el.id = 'long';
    el.setAttribute('src', '/__test/small.json');
    document.getElementById('a').append(el);
  });
  await page.locator('#long article').first().waitFor({ timeout: 20000 });
  const fetches = () => page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/__test/small.json')).length);
  assert.equal(await fetches(), 1);
  await page.evaluate(() => { window.__long = document.getElementById('long'); window.__long.remove(); });
  await settle(800);
  assert.equal(await page.evaluate(() => window.__long.shadowRoot.querySelectorAll('article').length), 0, 'not freed');
  await page.evaluate(() => document.getElementById('b').append(window.__long));
  await page.locator('#long article').first().waitFor({ timeout: 20000 });
  assert.deepEqual((await names(page, 'long')).sort(), ['Ana Ruiz', 'Tom Berg']);
  assert.equal(await fetches(), 1, 'the article was fetched again');
  assert.deepEqual((await events(page, 'long')).map((e) => e[0]), ['ready', 'ready']);
  await assertClean(assert, problems);
});

test('an element given no article at all fires one no-article error; a later setArticle fires ready', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate(() => {
    const el = document.createElement('stakeholder-map');
    el.id = 'empty';
    document.getElementById('a').append(el);
  });
  await page.waitForFunction(() => window.__ev.some((e) => e[1] === 'empty'), null, { timeout: 10000 });
  await settle();
  const ev = await events(page, 'empty');
  assert.deepEqual(ev.map((e) => [e[0], e[2].reason]), [['error', 'no-article']]);
  assert.match(await page.locator('#empty .sm-notice').innerText(), /No article to show/);
  await page.evaluate((small) => document.getElementById('empty').setArticle(small), SMALL);
  await page.locator('#empty article').first().waitFor({ timeout: 20000 });
  assert.deepEqual((await events(page, 'empty')).map((e) => e[0]), ['error', 'ready']);
  await assertClean(assert, problems);
});

test('detached while the widget settles, its ready event waits until it is attached again', async () => {
  const { page, problems } = await lifePage();
  await page.evaluate(() => {
    const el = document.createElement('stakeholder-map');
    el.id = 'settle';
    el.setAttribute('eager', '');
    el.setAttribute('src', '/__test/small.json');
    window.__settle = el;
    // The moment the live widget is mounted (hidden, settling), take the element out of the page.
    new MutationObserver((records, obs) => {
      if (!el.shadowRoot.querySelector('.sm-settling')) return;
      obs.disconnect();
      el.remove();
      window.__removedWhileSettling = true;
    }).observe(el.shadowRoot, { childList: true, subtree: true });
    document.getElementById('a').append(el);
  });
  await page.waitForFunction(() => window.__removedWhileSettling, null, { timeout: 20000 });
  await settle(500);
  assert.deepEqual(await events(page, 'settle'), [], 'an event fired while detached');
  await page.evaluate(() => document.getElementById('b').append(window.__settle));
  await page.locator('#settle article').first().waitFor({ timeout: 5000 });
  await settle(300);
  assert.deepEqual((await events(page, 'settle')).map((e) => e[0]), ['ready']);
  await assertClean(assert, problems);
});
