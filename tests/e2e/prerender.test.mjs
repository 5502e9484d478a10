// Static pre-render (`stakeholder-map render`) inside <stakeholder-map>, in Chromium under the
// strict CSP: without JavaScript the reader gets the map picture, the stakeholders and the quotes;
// with it, the live widget replaces the pre-render; when the wasm cannot load, the pre-render stays
// readable under the error message. The page is written by the test from the real CLI's output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, assertClean, ROOT, waitForWidget, cards, shot } from './lib.mjs';

let env;
let quotes = 0;
before(async () => {
  env = await setup();
  const html = execFileSync('cargo', ['run', '--quiet', '--bin', 'stakeholder-map', '--', 'render', 'fixtures/seed-article.json'], { cwd: ROOT, encoding: 'utf8' });
  quotes = (html.match(/<blockquote>/g) || []).length;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-prerender-'));
  const page = (attrs) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pre-rendered host page</title>
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><h1>Story</h1>
<stakeholder-map id="pre" src="/fixtures/seed-article.json"${attrs}>
${html}</stakeholder-map>
</body></html>`;
  fs.writeFileSync(path.join(dir, 'pre.html'), page(''));
  fs.writeFileSync(path.join(dir, 'pre-broken.html'), page(' wasm="/pkg/missing.js"'));
  env.serve('/__test/pre.html', path.join(dir, 'pre.html'));
  env.serve('/__test/pre-broken.html', path.join(dir, 'pre-broken.html'));
});
after(async () => { await env?.close(); });

test('without JavaScript the pre-render shows the map, the stakeholders and every quote', async () => {
  const { page, problems } = await env.open({ path: '/__test/pre.html', wait: false, javaScriptEnabled: false });
  const pre = page.locator('[data-sm-prerendered]');
  await pre.waitFor({ state: 'visible' });
  assert.ok(quotes >= 10, `the pre-render has only ${quotes} quotes`);
  assert.equal(await pre.locator('blockquote').count(), quotes);
  const map = await pre.locator('svg').boundingBox();
  assert.ok(map && map.width > 300 && map.height > 200, `map picture not shown: ${JSON.stringify(map)}`);
  assert.ok((await pre.textContent()).includes('JD Vance'));
  await shot(page, 'prerender-no-js');
  await assertClean(assert, problems);
});

test('with JavaScript the live widget replaces the pre-render', async () => {
  const { page, problems } = await env.open({ path: '/__test/pre.html', wait: false });
  await waitForWidget(page);
  // Compact by default (max-cards): three cards, and a button for all of them.
  assert.equal(await cards(page).count(), 3);
  const more = await page.locator('stakeholder-map button.sm-more-cards').textContent();
  assert.ok(Number(/Show all (\d+) quotes/.exec(more)?.[1]) >= 10, more);
  assert.equal(await page.locator('[data-sm-prerendered]').isVisible(), false, 'the pre-render still shows beside the live widget');
  await assertClean(assert, problems);
});

test('when the wasm cannot load, the error shows and the pre-render stays readable', async () => {
  const { page, problems } = await env.open({ path: '/__test/pre-broken.html', wait: false });
  await page.locator('stakeholder-map').getByRole('alert').waitFor({ timeout: 10000 });
  assert.match(await page.locator('stakeholder-map').getByRole('alert').textContent(), /could not be shown/);
  assert.equal(await page.locator('[data-sm-prerendered]').isVisible(), true, 'the pre-render was hidden by the error');
  // The failed module load is the point of this test; anything else is a problem.
  const p = await problems();
  p.errors = p.errors.filter((e) => !/missing\.js/.test(e));
  assert.deepEqual(p, { errors: [], foreign: [], csp: [] });
});
