// The editors' loop on the demo page, in Chromium under the strict CSP: turn on editor mode,
// give a quote to the right speaker on its card, download the analysis JSON, and publish it:
// pasted back (as a page would give it), the widget shows the correction as it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, assertClean, cards, cardSpeakers, host, shot } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('editor mode: reassign a speaker, download the corrected JSON, publish it', async () => {
  const { page, problems } = await env.open();
  const before = await cardSpeakers(page);
  assert.equal(await host(page).locator('article select').count(), 0, 'pickers shown to readers');
  await page.getByRole('button', { name: 'Editor mode' }).click();
  await host(page).locator('article select').first().waitFor({ timeout: 5000 });
  assert.equal(await host(page).locator('article select').count(), before.length, 'one picker per card');

  // The second card's quote goes to another stakeholder, chosen by its visible name.
  const picker = cards(page).nth(1).getByLabel('Speaker');
  const names = await picker.locator('option').allTextContents();
  const to = names.find((n) => n !== 'Unattributed' && n !== before[1]);
  await picker.selectOption({ label: to });
  await page.waitForFunction(([n]) => document.querySelector('stakeholder-map').shadowRoot
    .querySelectorAll('article .sm-card-name')[1]?.textContent === n, [to], { timeout: 5000 });
  const after = await cardSpeakers(page);
  assert.deepEqual(after, [before[0], to, ...before.slice(2)]);
  assert.match(await cards(page).nth(1).textContent(), /checked by an editor/);
  await shot(page, 'editor-mode');

  // The JSON download carries the correction.
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    host(page).getByRole('button', { name: 'Download the analysis as JSON' }).click(),
  ]);
  const published = fs.readFileSync(await d.path(), 'utf8');
  const a = JSON.parse(published);
  const q = a.quotes.filter((x) => x.kind !== 'non_speech')[1];
  assert.equal(a.stakeholders.find((s) => s.id === q.speaker)?.name, to);
  assert.equal(q.method, 'editor');

  // Editor mode off: the pickers go, the correction stays.
  await page.getByRole('button', { name: 'Editor mode' }).click();
  await page.waitForFunction(() => !document.querySelector('stakeholder-map').shadowRoot.querySelector('article select'));
  assert.deepEqual(await cardSpeakers(page), after);

  // Published: a fresh page given that JSON shows it as corrected, without re-analysis.
  const fresh = await env.open();
  await fresh.page.getByRole('textbox', { name: 'Article' }).fill(published);
  await fresh.page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await fresh.page.waitForFunction(([n]) => document.querySelector('stakeholder-map').shadowRoot
    .querySelectorAll('article .sm-card-name')[1]?.textContent === n, [to], { timeout: 5000 });
  assert.deepEqual(await cardSpeakers(fresh.page), after);
  await assertClean(assert, problems);
  await assertClean(assert, fresh.problems);
});
