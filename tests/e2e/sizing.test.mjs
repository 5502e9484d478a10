// Host-proof sizing: the widget's sizes come from the element itself, never from the host page's
// root font size. Three host pages that differ only in `html { font-size }` (neutral, the common
// 62.5% reset, 20px) must render the widget's quote text, roles, heading, legend, summary and
// buttons at the same sizes (within 1 px). Screenshot of the 62.5% page in artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, assertClean, shot } from './lib.mjs';

let env;
const ROOTS = { neutral: null, 'reset-62.5': '62.5%', 'root-20px': '20px' };
before(async () => {
  env = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-sizing-'));
  for (const [name, root] of Object.entries(ROOTS)) {
    // A news site's template: the root reset, body text in rem, a 680 px article column.
    const css = `${root ? `html { font-size: ${root}; }\n` : ''}body { margin: 0; font: 1rem/1.4 Georgia, serif; }
main { width: 680px; margin: 0 auto; } h1 { font-size: 2.4rem; } p { font-size: 1.6rem; }\n`;
    fs.writeFileSync(path.join(dir, `${name}.css`), css);
    fs.writeFileSync(path.join(dir, `${name}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sizing host: ${name}</title>
<link rel="stylesheet" href="/__test/sizing-${name}.css">
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><main><h1>A story</h1><p>The host page's own text.</p>
<stakeholder-map eager src="/fixtures/seed-article.json"></stakeholder-map></main></body></html>`);
    env.serve(`/__test/sizing-${name}.css`, path.join(dir, `${name}.css`));
    env.serve(`/__test/sizing-${name}.html`, path.join(dir, `${name}.html`));
  }
});
after(async () => { await env?.close(); });

// The widget's parts whose sizes the host must not change, by selector inside the shadow root.
const PARTS = {
  'quote text': '.sm-quote p',
  role: '.sm-card-role',
  heading: '.sm-title',
  kicker: '.sm-kicker',
  summary: '.sm-summary',
  legend: '.sm-legend-list',
  'zoom button': '.sm-tool',
  'text button': '.sm-link',
  'filter label': '.sm-field label',
  card: 'article.sm-card',
};

async function measure(name) {
  const { page, problems } = await env.open({ path: `/__test/sizing-${name}.html` });
  const sizes = await page.evaluate((parts) => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    return Object.fromEntries(Object.entries(parts).map(([k, sel]) => {
      const el = root.querySelector(sel);
      if (!el) return [k, null];
      const r = el.getBoundingClientRect();
      return [k, { font: parseFloat(getComputedStyle(el).fontSize), width: r.width, height: r.height }];
    }));
  }, PARTS);
  if (name === 'reset-62.5') await shot(page, 'sizing-root-62.5-percent', { fullPage: false });
  await assertClean(assert, problems);
  await page.context().close();
  return sizes;
}

test('the host root font size (62.5% or 20px) does not change the widget\'s sizes', async () => {
  const got = {};
  for (const name of Object.keys(ROOTS)) got[name] = await measure(name);
  const rows = [];
  for (const part of Object.keys(PARTS)) {
    rows.push(`${part.padEnd(13)} ${Object.keys(ROOTS).map((n) => {
      const s = got[n][part];
      return s ? `${n}: ${s.font.toFixed(1)}px font, ${s.width.toFixed(0)}x${s.height.toFixed(0)}` : `${n}: missing`;
    }).join(' | ')}`);
  }
  console.log(rows.join('\n'));
  for (const part of Object.keys(PARTS)) {
    const base = got.neutral[part];
    assert.ok(base, `${part} not found in the widget`);
    for (const name of ['reset-62.5', 'root-20px']) {
      const s = got[name][part];
      for (const k of ['font', 'width', 'height']) {
        assert.ok(Math.abs(s[k] - base[k]) <= 1, `${part} ${k} on the ${name} page: ${s[k]} vs ${base[k]} on the neutral page`);
      }
    }
  }
});
