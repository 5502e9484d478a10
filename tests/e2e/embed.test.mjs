// One-tag embedding on host pages (tests/e2e/pages/), in Chromium under the strict CSP: the
// element reads the page's own JSON-LD; the iframe form reports its height and the host script
// sizes the iframe; a foreign article address is refused with a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, assertClean, waitForWidget, cardSpeakers, nodeInfo } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('with no src and no inline article, the element reads the host page\'s JSON-LD NewsArticle', async () => {
  const { page, problems } = await env.open({ path: '/__test/jsonld.html' });
  const names = (await nodeInfo(page)).map((n) => n.name);
  for (const n of ['Elena Varga', 'Tomas Brandt']) assert.ok(names.includes(n), `${n} not on the map: ${names}`);
  const speakers = await cardSpeakers(page);
  assert.deepEqual(speakers, ['Elena Varga', 'Tomas Brandt']);
  await assertClean(assert, problems);
});

test('iframe embed: the frame reports its height and the host sizes the iframe to it; a foreign src is refused', async () => {
  const { page, problems } = await env.open({ path: '/__test/frame-host.html', wait: false });
  const frame = page.frameLocator('iframe[src*="id=framed"]');
  await frame.locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 20000 });
  const iframe = page.locator('iframe[src*="id=framed"]');
  // The host sizes the iframe (through CSSOM, style.height) to the frame document's height: no
  // inner scrollbar.
  const measure = () => iframe.evaluate((f) => ({
    h: f.clientHeight,
    inner: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height),
  }));
  const fit = await (async () => {
    const end = Date.now() + 5000;
    for (;;) {
      const m = await measure();
      if (m.h > 400 && Math.abs(m.h - m.inner) <= 2) return m;
      if (Date.now() > end) return m;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  assert.ok(fit.h > 400 && Math.abs(fit.h - fit.inner) <= 2, `iframe height ${fit.h} does not fit its page (${fit.inner})`);
  // It follows changes: at a phone's width the widget stacks (map above cards), the frame's page
  // grows, and the iframe follows.
  const before = fit.h;
  await iframe.evaluate((f) => f.setAttribute('width', '360'));
  const end = Date.now() + 5000;
  let h = before;
  while (Date.now() < end) {
    const m = await measure();
    h = m.h;
    if (h > before + 100 && Math.abs(h - m.inner) <= 2) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(h > before + 100, `the iframe height did not follow the content (${before} -> ${h})`);
  // The frame given another site's address shows a clear message and fetches nothing.
  const foreign = page.frameLocator('iframe[src*="elsewhere"]');
  await foreign.getByRole('alert').waitFor({ timeout: 5000 });
  assert.match(await foreign.getByRole('alert').textContent(), /not on http:\/\/127\.0\.0\.1/);
  await assertClean(assert, problems);
});

test('an element given no article says so (not "Loading…" forever); setArticle() still works', async () => {
  const { page, problems } = await env.open({ path: '/__test/no-article.html', wait: false });
  // One element gets its article from the host's script a moment later.
  await page.evaluate(async () => {
    await customElements.whenDefined('stakeholder-map');
    await document.getElementById('later').setArticle('"We open on Monday," said Ana Ruiz, the director.');
  });
  await page.locator('#later').locator('article').first().waitFor({ timeout: 10000 });
  const none = page.locator('#none');
  await page.waitForFunction(() => /No article to show/.test(document.getElementById('none').shadowRoot.textContent), null, { timeout: 8000 });
  assert.match(await none.textContent() + await page.evaluate(() => document.getElementById('none').shadowRoot.textContent), /articleBody/);
  // The one that got its article keeps it.
  assert.ok(!/No article to show/.test(await page.evaluate(() => document.getElementById('later').shadowRoot.textContent)));
  await assertClean(assert, problems);
});
