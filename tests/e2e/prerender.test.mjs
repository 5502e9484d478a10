// Static pre-render (`stakeholder-map render`: a declarative shadow root with the widget's
// stylesheet) inside <stakeholder-map>, in Chromium under the strict CSP: without JavaScript the
// reader gets the widget's look (header, map picture, cards), out of reach of the host's CSS (a
// drop-cap rule, hidden SVGs), with map labels legible on a phone and in a wide column; with it,
// the live widget takes over in the same shadow root without a jump; when the wasm cannot load,
// the pre-render stays readable under the error message. The page is written by the test from the
// real CLI's output. Screenshots: prerender-no-js-375 and -1280 in artifacts/.
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
  quotes = (html.match(/<blockquote\b/g) || []).length;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-prerender-'));
  // A host stylesheet that would wreck the pre-render if it reached it: a drop cap on every
  // paragraph's first letter, hidden SVGs, indented quotes.
  fs.writeFileSync(path.join(dir, 'pre-host.css'), `body { margin: 0 16px; }
p::first-letter { font-size: 5em; float: left; color: rgb(200, 0, 0); }
svg { display: none; } blockquote { margin: 0 8em; } li { list-style: square; }\n`);
  env.serve('/__test/pre-host.css', path.join(dir, 'pre-host.css'));
  const page = (attrs) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Pre-rendered host page</title>
<link rel="stylesheet" href="/__test/pre-host.css">
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><h1>Story</h1>
<stakeholder-map id="pre" src="/fixtures/seed-article.json"${attrs}>
${html}</stakeholder-map>
</body></html>`;
  fs.writeFileSync(path.join(dir, 'pre.html'), page(''));
  fs.writeFileSync(path.join(dir, 'pre-broken.html'), page(' wasm="/pkg/missing.js"'));
  fs.writeFileSync(path.join(dir, 'pre-slow.html'), page(' wasm="/__slow/1500/pkg/stakeholder_map.js"'));
  env.serve('/__test/pre-slow.html', path.join(dir, 'pre-slow.html'));
  // The older form: a light-DOM child marked data-sm-prerendered (what render wrote before).
  fs.writeFileSync(path.join(dir, 'pre-light.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Older pre-render</title>
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><stakeholder-map src="/fixtures/seed-article.json" wasm="/__slow/1500/pkg/stakeholder_map.js">
<div data-sm-prerendered="1"><p id="old-pre">JD Vance said Europe would take the leading role.</p></div>
</stakeholder-map></body></html>`);
  env.serve('/__test/pre-light.html', path.join(dir, 'pre-light.html'));
  env.serve('/__test/pre.html', path.join(dir, 'pre.html'));
  env.serve('/__test/pre-broken.html', path.join(dir, 'pre-broken.html'));
});
after(async () => { await env?.close(); });

/** Rendered size of the map's stakeholder names in the visible picture (CSS px on screen). */
const labelSizes = (page) => page.evaluate(() => {
  const root = document.querySelector('stakeholder-map').shadowRoot;
  const svg = [...root.querySelectorAll('svg.sm-map')].find((s) => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * k);
  return { width: svg.getBoundingClientRect().width, min: Math.min(...sizes), max: Math.max(...sizes), n: sizes.length };
});

for (const [w, h] of [[375, 740], [1280, 900]]) {
  test(`without JavaScript the pre-render looks like the widget, out of the host CSS's reach, at ${w} px`, async () => {
    const { page, problems } = await env.open({ path: '/__test/pre.html', wait: false, javaScriptEnabled: false, viewport: { width: w, height: h } });
    const pre = page.locator('[data-sm-prerendered]');
    await pre.waitFor({ state: 'visible' });
    assert.ok(quotes >= 10, `the pre-render has only ${quotes} quotes`);
    assert.equal(await pre.locator('blockquote').count(), quotes);
    assert.ok((await pre.textContent()).includes('JD Vance'));
    // Styled by the widget's stylesheet (in the shadow root), not by the host's.
    const look = await page.evaluate(() => {
      const root = document.querySelector('stakeholder-map').shadowRoot;
      const q = root.querySelector('.sm-quote p');
      const title = root.querySelector('.sm-title');
      return {
        shadow: !!root,
        quoteSize: parseFloat(getComputedStyle(q).fontSize),
        capSize: parseFloat(getComputedStyle(q, '::first-letter').fontSize),
        capFloat: getComputedStyle(q, '::first-letter').float,
        titleFont: getComputedStyle(title).fontFamily,
        cardBorder: getComputedStyle(root.querySelector('.sm-card')).borderTopWidth,
        hostDisplay: getComputedStyle(document.querySelector('stakeholder-map')).display,
      };
    });
    assert.ok(look.shadow, 'no declarative shadow root');
    assert.equal(look.capSize, look.quoteSize, 'the host\'s drop cap reached the quotes');
    assert.equal(look.capFloat, 'none');
    assert.match(look.titleFont, /Georgia/);
    assert.equal(look.cardBorder, '1px');
    assert.equal(look.hostDisplay, 'block');
    // One map picture shows, at about the column's width, with names as legible as the live map's.
    const labels = await labelSizes(page);
    console.log(`no-JS map at ${w} px: ${JSON.stringify(labels)}`);
    assert.ok(labels && labels.width > Math.min(w - 40, 400), `map picture not shown: ${JSON.stringify(labels)}`);
    // The export draws names at 13, roles and the legend at 11, stance labels at 10 (the live
    // map's sizes): none may shrink below 95% of that (the old single 720-wide picture gave 5 px).
    assert.ok(labels.min >= 9.5 && labels.max >= 12.3, `map labels too small to read at ${w} px: ${labels.min.toFixed(1)}-${labels.max.toFixed(1)} px`);
    // The rest of the quotes open without script.
    const more = pre.locator('details.sm-pre-more > summary');
    assert.match(await more.innerText(), new RegExp(`Show all ${quotes} quotes`));
    await shot(page, `prerender-no-js-${w}`);
    await more.click();
    assert.equal(await pre.locator('blockquote:visible').count(), quotes);
    await assertClean(assert, problems);
  });
}

test('without JavaScript in dark mode, the pre-render\'s map takes the widget\'s dark palette', async () => {
  const { page, problems } = await env.open({ path: '/__test/pre.html', wait: false, javaScriptEnabled: false, colorScheme: 'dark', viewport: { width: 375, height: 800 } });
  await page.locator('[data-sm-prerendered]').waitFor({ state: 'visible' });
  const fills = await page.evaluate(() => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    const svg = [...root.querySelectorAll('svg.sm-map')].find((x) => x.getBoundingClientRect().width > 0);
    const cs = (sel) => getComputedStyle(svg.querySelector(sel)).fill;
    return { background: cs('rect[fill="#ffffff"]'), person: cs('[fill="#dbe7f6"]'), widget: getComputedStyle(root.querySelector('.sm-root')).backgroundColor };
  });
  assert.deepEqual(fills, { background: 'rgb(26, 29, 34)', person: 'rgb(35, 64, 95)', widget: 'rgb(21, 24, 28)' });
  await shot(page, 'prerender-no-js-dark-375', { fullPage: false });
  await assertClean(assert, problems);
});

test('the live widget takes over in the same shadow root without a jump', async () => {
  const { page, problems } = await env.open({ path: '/__test/pre-slow.html', wait: false, viewport: { width: 1280, height: 900 } });
  const rects = () => page.evaluate(() => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    const r = (sel) => { const b = root.querySelector(sel).getBoundingClientRect(); return { top: b.top, left: b.left, width: b.width }; };
    return { title: r('.sm-title'), summary: r('.sm-summary'), map: r('.sm-map-wrap'), live: !!root.querySelector('article') };
  });
  await page.locator('[data-sm-prerendered] .sm-title').waitFor();
  await page.evaluate(() => { document.querySelector('stakeholder-map').shadowRoot.smMark = 'declared'; });
  const pre = await rects();
  assert.equal(pre.live, false, 'the live widget came before it could be measured');
  await waitForWidget(page);
  const live = await rects();
  console.log(`takeover: pre-render ${JSON.stringify(pre)} -> live ${JSON.stringify(live)}`);
  assert.equal(await page.evaluate(() => document.querySelector('stakeholder-map').shadowRoot.smMark), 'declared', 'a new shadow root');
  for (const part of ['title', 'summary', 'map']) {
    for (const k of ['top', 'left', 'width']) {
      assert.ok(Math.abs(pre[part][k] - live[part][k]) <= 2, `${part} ${k} jumped: ${pre[part][k]} -> ${live[part][k]}`);
    }
  }
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
  p.errors = p.errors.filter((e) => !/missing(\.js|_bg\.wasm)/.test(e));
  assert.deepEqual(p, { errors: [], foreign: [], csp: [] });
});

test('the older light-DOM pre-render shows through a slot while loading, then gives way', async () => {
  const { page, problems } = await env.open({ path: '/__test/pre-light.html', wait: false });
  await page.locator('#old-pre').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => !!document.querySelector('stakeholder-map').shadowRoot.querySelector('slot')), true);
  await waitForWidget(page);
  assert.equal(await page.locator('#old-pre').isVisible(), false);
  await assertClean(assert, problems);
});
