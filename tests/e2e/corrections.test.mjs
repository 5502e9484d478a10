// Editors' corrections beyond the speaker (issue 10, item 9) on the demo page, in Chromium under
// the strict CSP: rename, merge, hide, delete a relation and mark a quote as not speech in the
// widget's editor mode; the "Analysis (JSON)" download carries them, the real CLI's
// `stakeholder-map check` accepts it, and given back to the widget it shows as published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { setup, assertClean, cards, host, mapNodes, shot, ROOT } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const widget = (page) => host(page, '#seed');
const select = (page, id) => page.evaluate((x) => document.getElementById('seed').select(x), id);
async function download(page) {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'Download the analysis as JSON' }).click(),
  ]);
  return fs.readFileSync(await d.path(), 'utf8');
}

test('editor mode: rename, merge, hide, delete a relation, not speech; check accepts the download; it shows as published', async () => {
  const { page, problems } = await env.open();
  const ids = await mapNodes(page, '#seed').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
  for (const id of ['jd-vance', 'laura-ingraham', 'fox-news', 'united-states']) assert.ok(ids.includes(id), `${id} on the map: ${ids}`);
  const original = JSON.parse(await download(page));
  assert.equal(await widget(page).locator('.sm-editor').count(), 0, 'readers see no editor controls');
  await page.getByRole('button', { name: 'Editor mode' }).click();

  // Rename JD Vance (Enter commits).
  await select(page, 'jd-vance');
  const name = widget(page).getByLabel('Rename (Enter)');
  await name.fill('James David Vance');
  await name.press('Enter');
  await page.waitForFunction(() => document.getElementById('seed').shadowRoot.querySelector('.sm-focus h3')?.textContent === 'James David Vance', null, { timeout: 5000 });
  await shot(page, 'corrections-editor-panel', { fullPage: false });
  // Delete JD Vance's first relation.
  const rels = widget(page).locator('.sm-editor-rels li');
  const before = await rels.count();
  assert.ok(before > 0);
  await rels.first().getByRole('button', { name: 'Delete relation' }).click();
  await page.waitForFunction((n) => document.getElementById('seed').shadowRoot.querySelectorAll('.sm-editor-rels li').length === n - 1, before, { timeout: 5000 });

  // Laura Ingraham is the Fox News host: merged into Fox News, whose panel is then shown.
  await select(page, 'laura-ingraham');
  await widget(page).getByLabel('Same as').selectOption({ label: 'Fox News' });
  await page.waitForFunction(() => document.getElementById('seed').selected === 'fox-news', null, { timeout: 5000 });
  // "United States" hidden: not a stakeholder for this editor.
  await select(page, 'united-states');
  await widget(page).getByRole('button', { name: 'Hide: not a stakeholder' }).click();
  await page.waitForFunction(() => document.getElementById('seed').selected === null, null, { timeout: 5000 });
  assert.equal(await mapNodes(page, '#seed').evaluateAll((els) => els.filter((e) => ['united-states', 'laura-ingraham'].includes(e.getAttribute('data-node'))).length), 0);
  // The first card's words are the headline's, not speech.
  const cardsBefore = await cards(page, '#seed').count();
  await cards(page, '#seed').first().getByRole('button', { name: 'Not speech' }).click();
  await page.waitForFunction((n) => document.getElementById('seed').shadowRoot.querySelectorAll('article').length === n - 1, cardsBefore, { timeout: 5000 });

  // The download carries every correction, and the CLI's check accepts it.
  const text = await download(page);
  const a = JSON.parse(text);
  const by = (id) => a.stakeholders.find((s) => s.id === id);
  assert.equal(by('jd-vance').name, 'James David Vance');
  assert.ok(by('jd-vance').aliases.includes('JD Vance'));
  assert.equal(by('laura-ingraham'), undefined);
  assert.ok(by('fox-news').aliases.includes('Laura Ingraham'));
  assert.equal(by('united-states'), undefined);
  assert.ok(a.relations.length < original.relations.length);
  assert.ok(!JSON.stringify(a.relations).includes('"united-states"') && !JSON.stringify(a.quotes).includes('"laura-ingraham"'));
  const q1 = a.quotes.find((q) => q.id === original.quotes.find((x) => x.kind !== 'non_speech').id);
  assert.deepEqual([q1.kind, q1.speaker, q1.method], ['non_speech', null, 'editor']);
  const file = `${fs.mkdtempSync(`${ROOT}/target/sm-corrections-`)}/corrected.json`;
  fs.writeFileSync(file, text);
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'stakeholder-map', '--', 'check', file], { cwd: ROOT, encoding: 'utf8' });
  assert.match(out, /ok \(a published analysis: \d+ stakeholders/);

  // Published: a fresh page given the JSON shows it as it is.
  const fresh = await env.open();
  await fresh.page.evaluate((t) => document.getElementById('seed').setArticle(t), text);
  await fresh.page.waitForFunction(() => [...document.getElementById('seed').shadowRoot.querySelectorAll('.sm-card-name')].some((e) => e.textContent === 'James David Vance'), null, { timeout: 10000 });
  assert.equal(await cards(fresh.page, '#seed').count(), cardsBefore - 1);
  assert.ok(!(await mapNodes(fresh.page, '#seed').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')))).includes('united-states'));
  await assertClean(assert, problems);
  await assertClean(assert, fresh.problems);
});

test('axe-core finds no violations in the editor panel, the compact list and the French UI', async () => {
  const run = async (page) => {
    await page.addScriptTag({ url: '/__test/axe.min.js' });
    return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
      .violations.map((v) => `${v.id} (${v.impact}): ${v.help} ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`));
  };
  // axe sets inline styles, which the strict CSP blocks: these pages bypass it (as in a11y.test.mjs).
  const demo = await env.open({ bypassCSP: true });
  await demo.page.getByRole('button', { name: 'Editor mode' }).click();
  await select(demo.page, 'jd-vance');
  await widget(demo.page).locator('.sm-editor').waitFor({ timeout: 5000 });
  assert.deepEqual(await run(demo.page), []);
  const compact = await env.open({ path: '/__test/host-api.html', bypassCSP: true });
  assert.deepEqual(await run(compact.page), []);
  const fr = await env.open({ path: '/__test/lang.html', bypassCSP: true, wait: false });
  await host(fr.page, '#fr').locator('button.sm-more-cards').waitFor({ timeout: 20000 });
  await host(fr.page, '#es').locator('article').first().waitFor({ timeout: 20000 });
  assert.deepEqual(await run(fr.page), []);
});
