// The demo page loads, under a strict CSP, and the widget renders the seed article's
// stakeholders (nodes of the map) and quote cards, with nothing fetched from other origins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shot, assertClean, CSP, WIDGET, mapNodes, cards } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('demo page renders stakeholders and quote cards from the seed article', async () => {
  const { page, problems } = await env.open();
  const nodes = await mapNodes(page).count();
  const cardCount = await cards(page).count();
  assert.ok(nodes >= 3, `expected the seed article's stakeholders on the map, found ${nodes} nodes`);
  assert.ok(cardCount >= 3, `expected quote cards, found ${cardCount}`);
  // Each card carries its quote's words and a speaker line: not empty boxes.
  const first = (await cards(page).first().innerText()).trim();
  assert.ok(first.length > 20, `first card looks empty: ${JSON.stringify(first)}`);
  // The map's nodes have accessible names (what a screen reader announces).
  const names = await mapNodes(page).evaluateAll((els) =>
    els.map((e) => e.getAttribute('aria-label') || e.textContent?.trim() || ''));
  assert.ok(names.every((n) => n.length > 0), `nodes without a name: ${JSON.stringify(names)}`);
  await shot(page, 'smoke-demo-1280');
  await assertClean(assert, problems);
});

test('the strict CSP is in force and reports no violation', async () => {
  const { page, problems, response } = await env.open();
  assert.equal(response.headers()['content-security-policy'], CSP);
  // Give late work (fonts, deferred rendering) a moment, then check what the page itself caused.
  await page.waitForTimeout(300);
  await shot(page, 'csp-strict');
  await assertClean(assert, problems);
  // A probe that the policy really bites: an inline script injected into the page must be blocked.
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    window.__inlineRan = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.addEventListener('securitypolicyviolation', () => resolve(!window.__inlineRan), { once: true });
    document.head.appendChild(s);
    setTimeout(() => resolve(window.__inlineRan ? 'inline script ran' : 'no violation event'), 2000);
  }));
  assert.equal(blocked, true, 'the CSP did not block an inline script: the test server is not enforcing it');
});
