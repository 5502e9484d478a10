// Nothing an editor publishes is lost: an editor's correction made in the widget (editor mode,
// the "Analysis (JSON)" download) goes through the real CLI's `stakeholder-map render` into a host
// page; readers without JavaScript see the corrected speaker in the pre-render, and the live
// widget, given the same published file as its `src`, shows it too (never analysing it again).
// In Chromium under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, assertClean, ROOT, cards, cardSpeakers, host, shot, waitForWidget } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The CLI, as a publisher runs it (`cargo run` builds it when needed). */
function cli(...args) {
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'stakeholder-map', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

test('an editor\'s corrected speaker reaches the no-JS pre-render and the live widget', async () => {
  // 1. In the widget: editor mode, the second card's quote given to another stakeholder.
  const { page, problems } = await env.open();
  const before = await cardSpeakers(page);
  await page.getByRole('button', { name: 'Editor mode' }).click();
  const picker = cards(page).nth(1).getByLabel('Speaker');
  await picker.waitFor({ timeout: 5000 });
  const names = await picker.locator('option').allTextContents();
  const to = names.find((n) => n !== 'Unattributed' && n !== before[1]);
  assert.ok(to, `no other speaker to choose among ${names}`);
  await picker.selectOption({ label: to });
  await page.waitForFunction(([n]) => document.querySelector('stakeholder-map').shadowRoot
    .querySelectorAll('article .sm-card-name')[1]?.textContent === n, [to], { timeout: 5000 });

  // 2. The "Analysis (JSON)" download: the file the editor publishes.
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    host(page).getByRole('button', { name: 'Download the analysis as JSON' }).click(),
  ]);
  const published = fs.readFileSync(await d.path(), 'utf8');
  const a = JSON.parse(published);
  const quote = a.quotes.filter((x) => x.kind !== 'non_speech')[1];
  assert.equal(a.stakeholders.find((s) => s.id === quote.speaker)?.name, to);
  await assertClean(assert, problems);

  // 3. The CLI checks it and pre-renders it as it is.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-published-'));
  const file = path.join(dir, 'published.json');
  fs.writeFileSync(file, published);
  assert.match(cli('check', file), /ok \(a published analysis/);
  const html = cli('render', file);
  const again = cli('render', 'fixtures/seed-article.json');
  assert.notEqual(html, again, 'render analysed the article again instead of using the published analysis');
  fs.writeFileSync(path.join(dir, 'published.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Published story</title>
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><h1>Story</h1>
<stakeholder-map id="pub" max-cards="all" src="/__test/published.json">
${html}</stakeholder-map>
</body></html>`);
  env.serve('/__test/published.json', file);
  env.serve('/__test/published.html', path.join(dir, 'published.html'));
  const snippet = quote.text.trim().slice(0, 40);

  // 4. Without JavaScript: the pre-render's card for that quote names the editor's speaker.
  const nojs = await env.open({ path: '/__test/published.html', wait: false, javaScriptEnabled: false });
  const pre = nojs.page.locator('[data-sm-prerendered]');
  await pre.waitFor({ state: 'visible' });
  const card = pre.locator('blockquote', { hasText: snippet }).first().locator('xpath=..');
  // the card's head names its speaker (the widget's card markup: name, role, kind, then the quote)
  const said = await card.locator('.sm-card-name').first().textContent();
  assert.equal(said.trim(), to, `the pre-rendered quote is not given to ${to}: ${await card.textContent()}`);
  await shot(nojs.page, 'published-flow-no-js');
  await assertClean(assert, nojs.problems);

  // 5. With JavaScript: the live widget shows the published analysis, the correction included.
  const live = await env.open({ path: '/__test/published.html', wait: false });
  await waitForWidget(live.page);
  const speakers = await cardSpeakers(live.page, '#pub');
  assert.equal(speakers[1], to);
  assert.equal(speakers.length, a.quotes.filter((x) => x.kind !== 'non_speech').length);
  assert.match(await cards(live.page, '#pub').nth(1).textContent(), new RegExp(snippet.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await live.page.locator('[data-sm-prerendered]').isVisible(), false);
  await shot(live.page, 'published-flow-live');
  await assertClean(assert, live.problems);
});
