// The demo's "paste your own article" box: bad JSON gives an inline error naming the JSON path
// at fault and leaves the page working; plain text is analysed on the spot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shot, assertClean, cards, mapNodes, cardSpeakers, WIDGET } from './lib.mjs';

// The demo has one widget: a pasted article replaces the example in it.
const W = WIDGET;

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const box = (page) => page.getByRole('textbox', { name: 'Article' });
const analyse = (page) => page.getByRole('button', { name: 'Analyse', exact: true });

async function paste(page, text) {
  await box(page).fill(text);
  await analyse(page).click();
}

// Written for this test (not from any real article): three people, quotes with speech verbs.
const PLAIN = `Harbour council votes to close the old ferry pier

The harbour council voted on Tuesday to close the old ferry pier for two years of repairs.

"We cannot keep a pier open that could fall into the sea," said council leader Maria Okafor.

Fishermen objected. "The pier is our living and the council never asked us," said Tomas Berg, who chairs the local fishing association.

Okafor said the repairs would start in the spring. "Nobody will lose a season," she said.`;

test('bad JSON shows an inline error with the JSON path, and the page keeps working', async () => {
  const { page, problems } = await env.open();
  // A wrong type: the message must name the path ($.headline) and what was expected.
  await paste(page, '{"headline": 42, "date": "2025-08-21", "body": "Someone said \\"hello\\"."}');
  const alert = page.locator(W).getByRole('alert').first();
  await alert.waitFor({ state: 'visible', timeout: 5000 });
  const msg = await alert.innerText();
  assert.match(msg, /\$\.headline/, `error message without the JSON path: ${msg}`);
  assert.match(msg, /string/i, `error message does not say what was expected: ${msg}`);
  await shot(page, 'paste-bad-json');
  // Broken JSON: the message says where (line/column).
  await paste(page, '{"headline": "x", "body": "unterminated');
  await page.waitForFunction(() => /line \d+/i.test(
    document.querySelector('stakeholder-map')?.shadowRoot?.querySelector('[role="alert"]')?.textContent || ''), null, { timeout: 5000 });
  // The page still works: a good article renders again.
  await paste(page, PLAIN);
  await cards(page, W).first().waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await page.locator(W).getByRole('alert').count(), 0, 'the error stayed after a good article');
  await assertClean(assert, problems);
});

test('plain text is analysed on the spot', async () => {
  const { page, problems } = await env.open();
  await paste(page, PLAIN);
  await page.waitForFunction(() => {
    const root = document.querySelector('stakeholder-map')?.shadowRoot;
    return root && [...root.querySelectorAll('article')].some((a) => a.textContent.includes('fall into the sea'));
  }, null, { timeout: 5000 });
  const speakers = await cardSpeakers(page, W);
  assert.ok(speakers.length >= 3, `expected the three quotes, got ${speakers.length}`);
  assert.ok(speakers.some((s) => s.includes('Okafor')), `no card by Okafor: ${JSON.stringify(speakers)}`);
  assert.ok(speakers.some((s) => s.includes('Berg')), `no card by Berg: ${JSON.stringify(speakers)}`);
  const names = await mapNodes(page, W).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(names.some((n) => n.includes('Okafor')) && names.some((n) => n.includes('Berg')),
    `the map lacks the speakers: ${JSON.stringify(names)}`);
  await shot(page, 'paste-plain-text');
  await assertClean(assert, problems);
});

test('an editor\'s corrected analysis JSON is shown as published, and a bad id is named by its path', async () => {
  const { page, problems } = await env.open();
  // The machine's analysis of the article above, from the widget's analyser wasm (the same
  // engine the CLI's `analyze` runs), then corrected by an "editor": the last quote is reassigned.
  const json = await page.evaluate(async (text) => {
    const m = await import('/pkg/stakeholder_map_analyser.js');
    await m.default();
    return m.analyze_json(text);
  }, PLAIN);
  const a = typeof json === 'string' ? JSON.parse(json) : json;
  assert.equal(a.schema, 'stakeholder-map/analysis@1');
  const berg = a.stakeholders.find((s) => s.name.includes('Berg'));
  const last = a.quotes[a.quotes.length - 1];
  assert.notEqual(last.speaker, berg.id, 'the machine already gave the last quote to Berg');
  last.speaker = berg.id;
  berg.role = 'fishing association chair (checked)';
  await paste(page, JSON.stringify(a, null, 2));
  await page.waitForFunction(() => {
    const root = document.querySelector('stakeholder-map')?.shadowRoot;
    return root && [...root.querySelectorAll('article')].some((x) => x.textContent.includes('Nobody will lose a season'));
  }, null, { timeout: 5000 });
  const speakers = await cardSpeakers(page, W);
  assert.equal(speakers[speakers.length - 1], berg.name, `the correction was not shown: ${JSON.stringify(speakers)}`);
  assert.ok((await page.locator(W).locator('text=fishing association chair (checked)').count()) > 0, 'the corrected role is not shown');
  // A typo in an id: the inline error names the JSON path.
  last.speaker = 'tomas-brg';
  await paste(page, JSON.stringify(a));
  const alert = page.locator(W).getByRole('alert').first();
  await alert.waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await alert.innerText(), new RegExp(`\\$\\.quotes\\[${a.quotes.length - 1}\\]\\.speaker`));
  await assertClean(assert, problems);
});
