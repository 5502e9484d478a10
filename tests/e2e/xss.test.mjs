// Article text is always text: markup in an article, or in an editor's analysis JSON (names,
// roles, quotes), never becomes markup in the widget, its downloads or its announcements. These
// pages bypass the CSP on purpose, so that a payload that reached the DOM as HTML would run and be
// caught here, not just blocked by the policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, cards, host, mapNodes } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="window.__xss=3">',
  '<a href="javascript:window.__xss=4">link</a>',
  '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
];

/** Elements in the widget's shadow root that only a payload could have made. */
async function injected(page) {
  return page.evaluate(() => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    const bad = [...root.querySelectorAll('img, script, iframe, a[href^="javascript:"], [onerror], [onload]')];
    return { count: bad.length, what: bad.map((e) => e.outerHTML.slice(0, 80)), flag: window.__xss ?? null };
  });
}

async function paste(page, text) {
  await page.getByRole('textbox', { name: 'Article' }).fill(text);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
}

test('markup in an article is shown as text: map, cards, filters, selection, downloads', async () => {
  const { page } = await env.open({ bypassCSP: true });
  const body = PAYLOADS.map((p, i) => `"Quote ${i} ${p} ends here," said Mayor Lena ${String.fromCharCode(65 + i)}orre${p}.`).join('\n\n');
  await paste(page, `Headline ${PAYLOADS[0]}\n\n${body}`);
  await page.waitForFunction(() => [...document.querySelector('stakeholder-map').shadowRoot.querySelectorAll('article')]
    .some((a) => a.textContent.includes('Quote 0')), null, { timeout: 5000 });
  // The payloads appear as text in the cards.
  const text = await cards(page).first().textContent();
  assert.ok(text.includes('<img src=x onerror='), `payload not shown as text: ${text}`);
  // Interact: select a node, search for markup, open the selection panel.
  if (await mapNodes(page).count()) await mapNodes(page).first().click();
  await host(page).getByLabel('Search quotes').fill('<script>');
  await page.waitForTimeout(200);
  await host(page).getByRole('button', { name: 'Clear filters' }).click();
  // Downloads carry it escaped too (the SVG opened as an image in the page).
  const [d] = await Promise.all([page.waitForEvent('download'), host(page).getByRole('button', { name: 'Download the map as SVG' }).click()]);
  const svg = (await import('node:fs')).readFileSync(await d.path(), 'utf8');
  assert.ok(!/<(img|script|iframe)\b/i.test(svg), 'markup from the article in the SVG');
  const parsed = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      error: !!doc.querySelector('parsererror'),
      foreign: all.filter((e) => /^(script|img|iframe|foreignObject|a)$/i.test(e.localName)).length,
      handlers: all.flatMap((e) => [...e.attributes].filter((at) => /^on/i.test(at.name))).length,
      text: doc.documentElement.textContent.includes('<img src=x onerror='),
    };
  }, svg);
  assert.deepEqual(parsed, { error: false, foreign: 0, handlers: 0, text: true });
  await page.waitForTimeout(300);
  const r = await injected(page);
  assert.deepEqual(r, { count: 0, what: [], flag: null });
});

test('markup in an editor\'s analysis JSON (names, roles, quotes) is shown as text', async () => {
  const { page } = await env.open({ bypassCSP: true });
  const a = await page.evaluate(async () => {
    const m = await import('/pkg/stakeholder_map_analyser.js');
    await m.default();
    return JSON.parse(m.analyze_json('"We will rebuild the bridge," said Mayor Ana Ruiz.\n\n"Not with our money," said Tom Berg, a councillor.'));
  });
  a.stakeholders.forEach((s, i) => { s.name = `${s.name} ${PAYLOADS[i % PAYLOADS.length]}`; s.role = PAYLOADS[(i + 1) % PAYLOADS.length]; });
  a.quotes.forEach((q, i) => { q.text = `${q.text} ${PAYLOADS[(i + 2) % PAYLOADS.length]}`; });
  a.headline = PAYLOADS[4];
  await paste(page, JSON.stringify(a));
  await page.waitForFunction(() => [...document.querySelector('stakeholder-map').shadowRoot.querySelectorAll('article')]
    .some((x) => x.textContent.includes('<script>') || x.textContent.includes('<img')), null, { timeout: 5000 });
  await mapNodes(page).first().click();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  assert.deepEqual(await injected(page), { count: 0, what: [], flag: null });
});
