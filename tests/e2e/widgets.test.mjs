// Several widgets on one host page (tests/e2e/pages/two-widgets.html), in Chromium under the
// strict CSP: each keeps its own state, its own keys in the shared URL fragment, and a shared
// link restores both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, assertClean, cards, cardSpeakers, nodeInfo, mapNodes, waitForCardCount } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const A = 'stakeholder-map#first';
const B = 'stakeholder-map#second';

test('two widgets on one page keep separate state and share the URL fragment', async () => {
  const { page, problems } = await env.open({ path: '/__test/two-widgets.html', wait: false });
  for (const w of [A, B]) await page.locator(w).locator('article').first().waitFor({ timeout: 20000 });
  const totalA = await cards(page, A).count();
  const totalB = await cards(page, B).count();
  assert.ok(totalA >= 10 && totalB === 2, `cards: ${totalA} and ${totalB}`);

  // Select a speaker in the second widget: only it filters.
  const nair = (await nodeInfo(page, B)).find((n) => n.name === 'Priya Nair');
  assert.ok(nair, 'Priya Nair not on the second map');
  await mapNodes(page, B).and(page.locator(`[data-node="${nair.id}"]`)).click();
  await waitForCardCount(page, 1, B);
  assert.deepEqual(await cardSpeakers(page, B), ['Priya Nair']);
  assert.equal(await cards(page, A).count(), totalA, 'the first widget filtered too');

  // Search in the first: both states live in the fragment, each under its own id.
  await page.locator(A).getByLabel('Search quotes').fill('Europe');
  await page.waitForFunction(() => location.hash.includes('first.find=') && location.hash.includes('second.sel='));
  const wantA = await cards(page, A).count();
  assert.ok(wantA < totalA);

  // The shared link restores both views.
  const other = await env.open({ path: '/' + page.url().split('/').slice(3).join('/'), wait: false });
  await waitForCardCount(other.page, 1, B, 20000);
  await waitForCardCount(other.page, wantA, A, 20000);
  assert.deepEqual(await cardSpeakers(other.page, B), ['Priya Nair']);
  assert.equal(await other.page.locator(A).getByLabel('Search quotes').inputValue(), 'Europe');
  await assertClean(assert, problems);
  await assertClean(assert, other.problems);
});
