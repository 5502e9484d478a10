// Reading a big published analysis keeps the page responsive (issue 12, item 4): the element
// decodes the response as it arrives (a piece per task), hands the text to the viewer and the
// viewer reads it a piece at a time (`Reading`: push, step, shown; src/input/chunked.rs),
// yielding to the page between pieces; the widget then mounts in a task of its own. The analysis
// is the 11.9 MB `analysis@1` of 50,000 quotes (tests/e2e/big-analysis.mjs); read at once
// (Response.text() and one call into the viewer, then the mount) it was one main-thread task of
// 1.2-1.8 s.
//
// A PerformanceObserver on 'longtask', started before the element's script, records every task
// over 50 ms from the moment the analysis has arrived (its resource timing's responseEnd) until
// the widget has mounted. Every task before the one that mounts (the widget's first step: its
// derived facts over every quote and the header; the cards, the map and the text alternative
// follow in steps of their own, src/widget/mod.rs) must stay under 50 ms, and the mount under
// 600 ms. Chromium is driven here over a bare DevTools pipe that enables no Network
// domain: with Playwright's (it keeps response bodies for the inspector) finishing the 11.9 MB
// response costs a 100-280 ms task of its own that no reader's browser has. The machine is
// shared (2 cores, other builds) and the scheduler stretches tasks: the page is opened up to
// three times and one clean run passes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';
import { bigAnalysis, QUOTES } from './big-analysis.mjs';

let dir;
let server;
let chromium;
let send;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-read-'));
  fs.writeFileSync(path.join(dir, 'big.json'), JSON.stringify(bigAnalysis()));
  fs.writeFileSync(path.join(dir, 'longtasks.js'), `window.__long = [];
window.__errors = [];
addEventListener('error', (e) => window.__errors.push(String(e.message)));
addEventListener('securitypolicyviolation', (e) => window.__errors.push('CSP ' + e.violatedDirective));
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, ms: e.duration }); })
  .observe({ type: 'longtask' });
customElements.whenDefined('stakeholder-map').then(() => {
  const el = document.getElementById('big');
  el.addEventListener('stakeholder-map:ready', () => { window.__ready = true; });
  el.addEventListener('stakeholder-map:error', (e) => window.__errors.push(e.detail.message));
  new MutationObserver(() => {
    if (!window.__mount && el.shadowRoot.querySelector('.sm-app')) window.__mount = performance.now();
  }).observe(el.shadowRoot, { childList: true, subtree: true });
});
`);
  fs.writeFileSync(path.join(dir, 'read.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reading 50,000 quotes</title>
<script src="/__test/read-longtasks.js"></script>
<script type="module" src="/www/stakeholder-map.js"></script></head>
<body><stakeholder-map id="big" src="/__test/read-big.json" eager></stakeholder-map></body></html>
`);
  server = await startServer({ extra: {
    '/__test/read-big.json': path.join(dir, 'big.json'),
    '/__test/read-longtasks.js': path.join(dir, 'longtasks.js'),
    '/__test/read.html': path.join(dir, 'read.html'),
  } });
  // Chromium over --remote-debugging-pipe: NUL-terminated JSON messages on fds 3 (in) and 4 (out).
  chromium = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless', '--remote-debugging-pipe', `--user-data-dir=${path.join(dir, 'profile')}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  let buf = '';
  let id = 0;
  const waiting = new Map();
  chromium.stdio[4].on('data', (d) => {
    buf += d;
    for (let i; (i = buf.indexOf('\0')) >= 0; buf = buf.slice(i + 1)) {
      const m = JSON.parse(buf.slice(0, i));
      if (waiting.has(m.id)) waiting.get(m.id)(m);
    }
  });
  send = (method, params = {}, sessionId = undefined) => new Promise((res, rej) => {
    const m = { id: ++id, method, params, sessionId };
    waiting.set(m.id, (r) => (r.error ? rej(new Error(`${method}: ${r.error.message}`)) : res(r.result)));
    chromium.stdio[3].write(`${JSON.stringify(m)}\0`);
  });
});
after(async () => {
  if (chromium && chromium.exitCode === null) {
    const exited = new Promise((res) => chromium.once('exit', res));
    chromium.kill();
    await exited;
  }
  await server?.close();
  // (Chromium's helper processes may still be writing to the profile for a moment after it exits)
  if (dir) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

test('an 11.9 MB published analysis is read with no main-thread task over 50 ms before the widget mounts', { timeout: 300_000 }, async () => {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const runs = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await send('Page.navigate', { url: `${server.origin}/__test/read.html?run=${attempt}` }, sessionId);
    let r;
    for (const t0 = Date.now(); Date.now() - t0 < 120_000;) {
      await new Promise((res) => setTimeout(res, 500));
      const { result } = await send('Runtime.evaluate', { returnByValue: true, expression: `(() => {
        if (!window.__ready && !window.__errors?.length) return null;
        const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/__test/read-big.json'));
        const after = window.__long.filter((l) => l.start >= res.responseEnd);
        return { arrived: res.responseEnd, mount: window.__mount, errors: window.__errors,
          count: document.getElementById('big').shadowRoot.querySelector('.sm-count')?.textContent,
          reading: after.filter((l) => l.start + l.ms < window.__mount), mounting: after.filter((l) => l.start + l.ms >= window.__mount) };
      })()` }, sessionId);
      if ((r = result.value)) break;
    }
    assert.ok(r, 'the widget was not shown in two minutes');
    assert.deepEqual(r.errors, []);
    assert.equal(r.count, `3 of ${QUOTES} quotes`);
    const ms = (ls) => ls.map((l) => `${Math.round(l.ms)} ms at +${Math.round(l.start - r.arrived)}`).join(', ');
    console.log(`published-read: run ${attempt + 1}: mounted ${Math.round(r.mount - r.arrived)} ms after the analysis arrived; `
      + `tasks over 50 ms before the mount: [${ms(r.reading)}]; the mount's and after: [${ms(r.mounting)}]`);
    runs.push(r);
    if (!r.reading.length && r.mounting.every((l) => l.ms < 600)) break;
  }
  assert.ok(runs.some((r) => !r.reading.length && r.mounting.every((l) => l.ms < 600)),
    'no run with every task before the mount under 50 ms and the mount under 600 ms');
});
