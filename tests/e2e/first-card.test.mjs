// No main-thread task over 50 ms from navigation to the first quote card (issue 11 item 2, issue
// 12 item 4), on the seed host page: a page holding only `<stakeholder-map>` with the seed article
// (`src`, every card), as scripts/bench-browser.mjs loads it. The widget mounts in steps, each a
// task of its own (src/widget/mod.rs, `MapView`): header, legend and downloads; filters and the
// first cards; the map, measured and laid out once; the text alternative; the element shows it
// when nothing is marked `sm-pending` any more. Before that change the mount was one task of
// 80-110 ms (and the map was laid out twice).
//
// A PerformanceObserver on 'longtask' and a requestAnimationFrame watch for the first visible
// quote card are installed before the page's own scripts (an init script: longtasks.mjs, shared
// with published-read.test.mjs and scripts/bench-browser.mjs); the test waits for the card
// through a console message, so that Playwright injects no script of its own into the page
// before it (its injected script is evaluated in a task of 20-200 ms on this machine). Every long
// task that starts before the first card counts. The machine is shared (2 cores, other builds):
// the scheduler stretches tasks, and a browser's own start-up tasks can pass 50 ms under load, so
// the page is loaded cold (a fresh context) up to LOADS times (FIRST_CARD_LOADS, default 10) and
// one clean load passes; a widget that mounts in one long task fails every load.
// FIRST_CARD_DIST=DIR serves another build instead of dist/: on the build of 24a4adf (before the
// mount in steps) the test fails, every load with two or three tasks of 52-222 ms before the card.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launch } from './lib.mjs';
import { FIRST_CARD, beforeFirstCard, describe } from './longtasks.mjs';

const LOADS = Number(process.env.FIRST_CARD_LOADS || 10);
let dir;
let server;
let browser;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-first-card-'));
  fs.writeFileSync(path.join(dir, 'host.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Only the element</title><script type="module" src="/www/stakeholder-map.js"></script></head>
<body><stakeholder-map src="/fixtures/seed-article.json" max-cards="all"></stakeholder-map></body></html>
`);
  server = await startServer({ root: process.env.FIRST_CARD_DIST || undefined, extra: { '/__test/first-card.html': path.join(dir, 'host.html') } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('no main-thread task over 50 ms from navigation to the first quote card', async () => {
  const loads = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ content: FIRST_CARD });
    const shown = page.waitForEvent('console', { predicate: (m) => m.text() === 'sm-first-card', timeout: 30000 });
    await page.goto(server.origin + '/__test/first-card.html', { waitUntil: 'commit' });
    await shown;
    const r = await beforeFirstCard(page);
    await context.close();
    loads.push(r);
    console.log(`first-card: load ${i + 1}: card at ${Math.round(r.card)} ms; tasks over 50 ms before it: ${describe(r.long)}`);
    if (!r.long.length) break;
  }
  const clean = loads.find((l) => l.long.length === 0);
  assert.ok(clean, `every one of ${loads.length} loads had a main-thread task over 50 ms before the first card: `
    + loads.map((l) => `[${describe(l.long)}]`).join(' '));
});
