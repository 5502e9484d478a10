// No layout shift: a reader scrolls to the widget while it loads on a slow network (CDP
// Network.emulateNetworkConditions), on a phone (375 px) and a desktop (1280 px) article page.
// The cumulative layout shift (PerformanceObserver 'layout-shift', shifts without recent input)
// from navigation until the widget shows its cards and has settled must stay below 0.05
// ("good" is under 0.1). The element reserves its height from its width before the wasm runs, or
// the pre-render (`stakeholder-map render`, a declarative shadow root) holds the place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, assertClean, watchPage, shot, ROOT } from './lib.mjs';

let env;
const para = (i) => `<p>Paragraph ${i} of the host's article. The council met on Tuesday to discuss the
bridge, the budget and the long delays that residents have complained about since the works began,
and the reporters who covered the meeting wrote down what each side said about it.</p>`;
before(async () => {
  env = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-cls-'));
  fs.writeFileSync(path.join(dir, 'cls.css'), `body { margin: 0; font: 18px/1.5 Georgia, serif; }
main { max-width: 680px; margin: 0 auto; padding: 0 16px; }
p { margin: 0 0 1em; }\n`);
  const pre = execFileSync('cargo', ['run', '--quiet', '--bin', 'stakeholder-map', '--', 'render', 'fixtures/seed-article.json'], { cwd: ROOT, encoding: 'utf8' });
  for (const [name, inside] of [['cls', ''], ['cls-pre', pre]]) fs.writeFileSync(path.join(dir, `${name}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Layout shift host</title>
<link rel="stylesheet" href="/__test/cls.css">
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><main><h1>A long story</h1>
${Array.from({ length: 14 }, (_, i) => para(i + 1)).join('\n')}
<stakeholder-map src="/fixtures/seed-article.json">${inside}</stakeholder-map>
${Array.from({ length: 10 }, (_, i) => para(i + 15)).join('\n')}
</main></body></html>`);
  env.serve('/__test/cls.css', path.join(dir, 'cls.css'));
  env.serve('/__test/cls.html', path.join(dir, 'cls.html'));
  env.serve('/__test/cls-pre.html', path.join(dir, 'cls-pre.html'));
});
after(async () => { await env?.close(); });

/** CLS of the page at `width` x `height` when the reader scrolls to the widget as it loads. */
async function shiftWhileLoading(width, height, page_ = 'cls') {
  const context = await env.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = await watchPage(page, env.origin);
  await page.addInitScript(() => {
    window.__cls = { total: 0, shifts: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__cls.total += e.value;
        const what = (e.sources || []).map((x) => {
          const n = x.node;
          const name = !n ? '?' : n.nodeType === 1 ? `${n.localName}.${[...n.classList].join('.')}` : `#${n.nodeName}`;
          return `${name} ${Math.round(x.previousRect.y)}->${Math.round(x.currentRect.y)} h${Math.round(x.previousRect.height)}->${Math.round(x.currentRect.height)}`;
        });
        window.__cls.shifts.push({ at: Math.round(e.startTime), value: Number(e.value.toFixed(4)), what });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.__ready = 0;
    document.addEventListener('stakeholder-map:ready', () => { window.__ready = performance.now(); });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // A slow mobile connection: 100 ms latency, 1.6 Mbit/s down (the wasm takes seconds).
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 200_000, uploadThroughput: 100_000 });
  await page.goto(env.origin + `/__test/${page_}.html`, { waitUntil: 'domcontentloaded' });
  // The reader scrolls until the widget's top is a quarter down the screen, while it loads.
  const loading = await page.evaluate(() => {
    const el = document.querySelector('stakeholder-map');
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - innerHeight / 4);
    return { before: !el.shadowRoot?.querySelector('article:not(.sm-settling article)'), reserved: Math.round(el.getBoundingClientRect().height) };
  });
  assert.ok(loading.before, 'the widget was already shown before the reader got there: nothing measured');
  await page.waitForFunction(() => window.__ready > 0, null, { timeout: 60000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await new Promise((r) => setTimeout(r, 800));
  const cls = await page.evaluate(() => window.__cls);
  cls.reserved = loading.reserved;
  cls.final = await page.evaluate(() => Math.round(document.querySelector('stakeholder-map').getBoundingClientRect().height));
  await shot(page, `layout-shift-${page_}-${width}`, { fullPage: false });
  await assertClean(assert, problems);
  await context.close();
  return cls;
}

for (const [w, h, p] of [[375, 740, 'cls'], [1280, 900, 'cls'], [375, 740, 'cls-pre'], [1280, 900, 'cls-pre']]) {
  const what = p === 'cls' ? 'the widget' : 'a pre-rendered widget';
  test(`scrolling to ${what} while it loads shifts the layout by under 0.05 at ${w} px`, async () => {
    const cls = await shiftWhileLoading(w, h, p);
    console.log(`CLS (${what}) at ${w}x${h}: ${cls.total.toFixed(4)} (shifts: ${JSON.stringify(cls.shifts)}; height reserved while loading ${cls.reserved} px, final ${cls.final} px)`);
    assert.ok(cls.total < 0.05, `cumulative layout shift ${cls.total.toFixed(3)} at ${w} px`);
  });
}
