// The iframe form across origins, in Chromium, with three servers on 127.0.0.1 (three ports, so
// three origins): the widget's site W (dist/, as a CDN would serve it), a news site H that embeds
// it, and a third site X that tries to resize H's frames. H's CSP allows W only in script-src and
// frame-src (no CORS anywhere on W's files: frame-host.js is a classic script).
//   - frame-host.js sizes the frame through CSSOM, beating an `iframe { height: auto !important }`
//     reset, and follows the frame's content;
//   - messages from the page itself, from a frame on X, from another page of W (right origin,
//     wrong window) and from a managed frame that was redirected to X (right window, wrong
//     origin) are ignored;
//   - the frame posts its height in the Pym.js, AMP and Datawrapper forms, and a real Pym.js
//     parent (npm pym.js) sizes the frame with no script of ours;
//   - embed.html refuses an article whose address redirects to another origin, even with the
//     frame's own meta CSP bypassed and the other origin answering with CORS; a same-origin
//     redirect still works;
//   - the frame mounts with the host's options from its query (max-cards, lang, selected, theme;
//     malformed ones ignored), its select/quote events reach the host as the same CustomEvents on
//     the <iframe>, and the host selects through StakeholderMapFrames.select; forged events from
//     another origin's frame and select requests from a window other than the parent are ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, DIST } from './server.mjs';
import { launch, ROOT, shot } from './lib.mjs';

let W, H, X, browser, dir;

function redirect(req, res, url) {
  res.writeHead(302, { Location: url.searchParams.get('to') || '/', 'Cache-Control': 'no-store' });
  res.end();
}

/** The host page H serves, with W's and X's origins filled in. */
function hostPage({ title, body, scripts = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <link rel="stylesheet" href="/host.css">
  <script src="/record.js"></script>
  ${scripts}
</head>
<body>
  <h1>${title}</h1>
  <p>A news article's text before the embed. The site's stylesheet resets every iframe's height to auto.</p>
  ${body}
  <p id="after">Text after the embed.</p>
</body>
</html>
`;
}

before(async () => {
  if (!fs.existsSync(path.join(DIST, 'www', 'embed.html'))) throw new Error('dist/ missing: run scripts/build.sh first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-origins-'));
  const xdir = path.join(dir, 'x');
  const hdir = path.join(dir, 'h');
  fs.mkdirSync(xdir);
  fs.mkdirSync(hdir);
  X = await startServer({ root: xdir, headers: { 'Access-Control-Allow-Origin': '*' } });
  // W also serves the forger's page (same origin as the widget's frames, another window).
  W = await startServer({
    root: DIST,
    routes: { '/__redirect': redirect },
    extra: { '/forge.html': path.join(xdir, 'forge.html'), '/forge.js': path.join(xdir, 'forge.js') },
  });
  // The third site's pages: one that posts forged heights to whoever embeds it, and an article
  // (served with CORS, so only embed.js's own check can refuse it).
  fs.writeFileSync(path.join(xdir, 'forge.html'), '<!doctype html><meta charset="utf-8"><title>forger</title><script src="/forge.js"></script><p>forged</p>\n');
  fs.writeFileSync(path.join(xdir, 'forge.js'), `
    setInterval(() => {
      window.parent.postMessage({ type: 'stakeholder-map:height', id: 'framed', height: 77 }, '*');
      window.parent.postMessage('pymxPYMxframedxPYMxheightxPYMx77', '*');
    }, 100);
  `);
  fs.copyFileSync(path.join(ROOT, 'fixtures', 'seed-article.json'), path.join(xdir, 'article.json'));
  // A forger beside the widget's frames: posts forged widget events to the host, and asks every
  // sibling frame to clear its selection (it is not their parent).
  fs.writeFileSync(path.join(xdir, 'forge-select.html'), '<!doctype html><meta charset="utf-8"><title>forger</title><script src="/forge-select.js"></script><p>forged events</p>\n');
  fs.writeFileSync(path.join(xdir, 'forge-select.js'), `
    setInterval(() => {
      window.parent.postMessage({ type: 'stakeholder-map:select', id: 'opts', detail: { id: 'forged', name: 'Forged' } }, '*');
      window.parent.postMessage({ type: 'stakeholder-map:quote', id: 'opts', detail: { id: 'q-forged' } }, '*');
      for (let i = 0; i < window.parent.frames.length; i++) {
        window.parent.frames[i].postMessage({ type: 'stakeholder-map:request-select', stakeholder: null }, '*');
      }
    }, 100);
  `);

  H = await startServer({
    root: hdir,
    csp: `script-src 'self' ${W_ORIGIN()}; style-src 'self'; frame-src ${W_ORIGIN()} ${X.origin}`,
    extra: { '/pym.v1.min.js': path.join(ROOT, 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js') },
  });
  // A hostile host stylesheet: every iframe's height reset (even with !important); the frame's
  // border removed through the documented class.
  fs.writeFileSync(path.join(hdir, 'host.css'), `
    body { font: 18px/1.6 Georgia, serif; max-width: 1040px; margin: 24px auto; padding: 0 16px; }
    iframe { height: auto !important; }
    .stakeholder-map-frame { border: 0; width: 100%; display: block; }
  `);
  // Records what reaches the host window and every resize the host script makes.
  fs.writeFileSync(path.join(hdir, 'record.js'), `
    window.__messages = [];
    window.__resizes = [];
    window.addEventListener('message', (e) => {
      const from = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
      window.__messages.push({ origin: e.origin, from: from ? from.title : null, data: e.data });
    });
    document.addEventListener('stakeholder-map:resize', (e) => window.__resizes.push({ title: e.target.title, height: e.detail.height }));
    window.__events = [];
    for (const type of ['stakeholder-map:select', 'stakeholder-map:quote']) {
      document.addEventListener(type, (e) => window.__events.push({ type, title: e.target.title, tag: e.target.tagName, detail: e.detail }));
    }
  `);
  const w = W_ORIGIN();
  fs.writeFileSync(path.join(hdir, 'index.html'), hostPage({
    title: 'Cross-origin iframe embed',
    scripts: `<script src="${w}/www/frame-host.js" defer></script>`,
    body: `
  <iframe data-stakeholder-map class="stakeholder-map-frame" title="Stakeholder map" loading="lazy"
          src="${w}/www/embed.html?src=/fixtures/seed-article.json&amp;id=framed"></iframe>
  <p>Frames that post forged heights:</p>
  <iframe data-stakeholder-map class="stakeholder-map-frame" title="Redirected to another site"
          src="${w}/__redirect?to=${encodeURIComponent(X.origin + '/forge.html')}"></iframe>
  <iframe title="Another site" src="${X.origin}/forge.html"></iframe>
  <iframe title="The widget's site, another page" src="${w}/forge.html"></iframe>`,
  }));
  fs.writeFileSync(path.join(hdir, 'options.html'), hostPage({
    title: 'The iframe form with the host\'s options',
    scripts: `<script src="${w}/www/frame-host.js" defer></script>`,
    body: `
  <iframe data-stakeholder-map class="stakeholder-map-frame" title="Options"
          src="${w}/www/embed.html?src=/fixtures/seed-article.json&amp;id=opts&amp;max-cards=1&amp;lang=fr&amp;selected=donald-trump&amp;theme=dark"></iframe>
  <iframe data-stakeholder-map class="stakeholder-map-frame" title="Malformed options"
          src="${w}/www/embed.html?src=/fixtures/seed-article.json&amp;id=bad&amp;max-cards=lots&amp;lang=fr%20FR&amp;selected=%01x&amp;theme=neon"></iframe>
  <iframe title="Another site" src="${X.origin}/forge-select.html"></iframe>`,
  }));
  const redirected = (to) => `${w}/www/embed.html?id=r&amp;src=${encodeURIComponent('/__redirect?to=' + encodeURIComponent(to))}`;
  fs.writeFileSync(path.join(hdir, 'redirect.html'), hostPage({
    title: 'Articles behind redirects',
    scripts: `<script src="${w}/www/frame-host.js" defer></script>`,
    body: `
  <iframe data-stakeholder-map class="stakeholder-map-frame" title="Foreign redirect" src="${redirected(X.origin + '/article.json')}"></iframe>
  <iframe data-stakeholder-map class="stakeholder-map-frame" title="Same-origin redirect" src="${redirected(w + '/fixtures/seed-article.json')}"></iframe>`,
  }));
  fs.writeFileSync(path.join(hdir, 'pym.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pym.js host</title><script src="/record.js"></script></head>
<body><h1>Pym.js host</h1>
<div id="pymframe" data-pym-src="${w}/www/embed.html?src=/fixtures/seed-article.json&amp;id=viapym" data-pym-title="Stakeholder map"></div>
<script src="/pym.v1.min.js"></script>
</body></html>
`);
  browser = await launch();
});

after(async () => {
  await browser?.close().catch(() => {});
  await Promise.all([W?.close(), H?.close(), X?.close()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function W_ORIGIN() { return W.origin; }

/** A page on H, with page errors and CSP violations collected from every frame. */
async function open(p, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A failed load is reported below with its address, from the response itself.
    if (/^Failed to load resource/.test(m.text())) return;
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  await page.goto(H.origin + p, { waitUntil: 'load' });
  return { page, context, errors };
}

/** The iframe's rendered height, and the height of the document inside it (measured in the frame). */
async function fit(page, iframeSel) {
  const el = page.locator(iframeSel);
  const outer = await el.evaluate((f) => f.clientHeight);
  const frame = await (await el.elementHandle()).contentFrame();
  const inner = frame ? await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)) : NaN;
  return { outer, inner };
}

/**
 * Errors but one: the browser's own refusal to deliver frame-host.js's "measure again" request to
 * the managed frame that was redirected to X (it is sent to W's origin only, as it should be).
 */
function unexpected(errors) {
  const refused = `target origin provided ('${W.origin}') does not match the recipient window's origin ('${X.origin}')`;
  return errors.filter((e) => !e.includes(refused));
}

async function until(what, fn, timeout = 20000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last.ok) return last;
    if (Date.now() > end) assert.fail(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('frame-host.js from another origin, as a classic script, sizes the frame through CSSOM despite an iframe { height: auto !important } reset', async () => {
  const { page, context, errors } = await open('/');
  const sel = 'iframe[title="Stakeholder map"]';
  const frame = page.frameLocator(sel);
  await frame.locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
  const f = await until('the iframe does not fit its content', async () => {
    const r = await fit(page, sel);
    return { ...r, ok: r.inner > 400 && Math.abs(r.outer - r.inner) <= 2 };
  });
  // Sized by an inline CSSOM declaration (no style attribute in any markup), with priority.
  const decl = await page.locator(sel).evaluate((el) => [el.style.getPropertyValue('height'), el.style.getPropertyPriority('height')]);
  assert.deepEqual(decl, [`${Math.round(f.outer)}px`, 'important']);
  // The documented class removes the border (no frameborder, no inline style).
  assert.equal(await page.locator(sel).evaluate((el) => getComputedStyle(el).borderTopWidth), '0px');
  // It follows the content: at a phone's width the widget stacks, the frame's page grows.
  await page.setViewportSize({ width: 390, height: 800 });
  const g = await until('the iframe height did not follow the content', async () => {
    const r = await fit(page, sel);
    return { ...r, ok: r.inner > f.inner + 100 && Math.abs(r.outer - r.inner) <= 2 };
  });
  assert.ok(g.outer > f.outer + 100);
  await shot(page, 'iframe-cross-origin-host-390', { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await until('the iframe did not shrink back', async () => {
    const r = await fit(page, sel);
    return { ...r, ok: Math.abs(r.outer - r.inner) <= 2 && r.inner < g.inner };
  });
  await shot(page, 'iframe-cross-origin-host');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('frame-host.js ignores height messages from the page itself, from another origin\'s frame, from another window of the widget\'s origin, and from a managed frame redirected to another origin', async () => {
  const { page, context, errors } = await open('/');
  const sel = 'iframe[title="Stakeholder map"]';
  await page.frameLocator(sel).locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
  const settled = await until('the iframe does not fit its content', async () => {
    const r = await fit(page, sel);
    return { ...r, ok: r.inner > 400 && Math.abs(r.outer - r.inner) <= 2 };
  });
  // The forgers have been posting all along: make sure their messages did reach the host window.
  await until('no forged message arrived', async () => {
    const n = await page.evaluate((origins) => origins.map((o) => window.__messages.filter((m) => m.origin === o && m.data && m.data.height === 77).length), [X.origin, W.origin]);
    return { n, ok: n.every((k) => k >= 10) };
  });
  // A message from the host page's own window, with the frame's id.
  await page.evaluate(() => window.postMessage({ type: 'stakeholder-map:height', id: 'framed', height: 33 }, '*'));
  await new Promise((r) => setTimeout(r, 500));
  const now = await fit(page, sel);
  assert.ok(Math.abs(now.outer - settled.outer) <= 2, `the frame was resized by a forged message: ${settled.outer} -> ${now.outer}`);
  const resizes = await page.evaluate(() => window.__resizes);
  assert.ok(resizes.length > 0, 'no resize at all');
  for (const r of resizes) {
    assert.equal(r.title, 'Stakeholder map', `a frame other than the widget's was resized: ${JSON.stringify(r)}`);
    assert.ok(![33, 77].includes(r.height), `a forged height was applied: ${JSON.stringify(r)}`);
  }
  // The managed frame whose document is now on X (right window, wrong origin) kept the host's
  // own sizing: no inline height, the reset's auto height.
  const redirected = page.locator('iframe[title="Redirected to another site"]');
  assert.equal(await redirected.evaluate((el) => el.style.height), '');
  assert.equal(await redirected.evaluate((el) => el.getBoundingClientRect().height), 150);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the frame posts its height in the Pym.js, AMP and Datawrapper forms, matching its document', async () => {
  const { page, context } = await open('/');
  const sel = 'iframe[title="Stakeholder map"]';
  await page.frameLocator(sel).locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
  const f = await until('the iframe does not fit its content', async () => {
    const r = await fit(page, sel);
    return { ...r, ok: r.inner > 400 && Math.abs(r.outer - r.inner) <= 2 };
  });
  const got = await page.evaluate((w) => window.__messages.filter((m) => m.origin === w && m.from === 'Stakeholder map').map((m) => m.data), W.origin);
  const pym = got.filter((d) => typeof d === 'string').map((d) => /^pymxPYMxframedxPYMxheightxPYMx(\d+)$/.exec(d)).filter(Boolean).map((m) => Number(m[1]));
  const amp = got.filter((d) => d && d.sentinel === 'amp' && d.type === 'embed-size').map((d) => d.height);
  const dw = got.filter((d) => d && d['datawrapper-height']).map((d) => d['datawrapper-height'].framed);
  for (const [name, hs] of Object.entries({ pym, amp, dw })) {
    assert.ok(hs.length > 0, `no ${name} message`);
    assert.equal(hs.at(-1), f.inner, `last ${name} height ${hs.at(-1)} is not the document's ${f.inner}`);
  }
  await context.close();
});

test('a real Pym.js parent (npm pym.js, no script of ours on the host) sizes the frame to its content', async () => {
  const { page, context, errors } = await open('/pym.html');
  const sel = '#pymframe iframe';
  await page.frameLocator(sel).locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
  const r = await until('Pym.js did not size the frame', async () => {
    const h = Number.parseInt(await page.locator(sel).getAttribute('height') || '0', 10);
    const { inner } = await fit(page, sel);
    return { h, inner, ok: h > 400 && Math.abs(h - inner) <= 2 };
  });
  assert.ok(r.h > 400);
  // Pym gave the frame its childId; the frame answered with it.
  assert.match(await page.locator(sel).getAttribute('src'), /childId=pymframe/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed.html refuses an article whose address redirects to another origin, even with its meta CSP bypassed; a same-origin redirect works', async () => {
  for (const bypassCSP of [false, true]) {
    const { page, context, errors } = await open('/redirect.html', { bypassCSP });
    const foreign = page.frameLocator('iframe[title="Foreign redirect"]');
    const alert = foreign.getByRole('alert');
    await alert.waitFor({ timeout: 20000 });
    const text = await alert.textContent();
    if (bypassCSP) {
      // The fetch succeeded (X answers with CORS): only response.url tells, and it is refused.
      assert.match(text, new RegExp(`was redirected to ${X.origin.replace(/\./g, '\\.')}/article\\.json, which is not on ${W.origin.replace(/\./g, '\\.')}`));
    } else {
      // The frame's own CSP (connect-src 'self') stops the redirect first; still a clear message.
      assert.match(text, /could not be loaded \(a network error, or a redirect to another site\)/);
    }
    assert.equal(await foreign.locator('stakeholder-map').count(), 0, 'the foreign article was shown');
    const same = page.frameLocator('iframe[title="Same-origin redirect"]');
    await same.locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
    // The only complaint allowed is the frame CSP's refusal of the foreign redirect.
    const left = errors.filter((e) => !(
      !bypassCSP && /connect-src|Refused to connect|Failed to fetch|ERR_BLOCKED|net::/i.test(e)
    ));
    assert.deepEqual(left, [], `bypassCSP=${bypassCSP}`);
    if (!bypassCSP) await shot(page, 'iframe-redirect-refused');
    await context.close();
  }
});

test('the frame mounts with the host\'s options (max-cards, lang, selected, theme), sends its events to the host as CustomEvents on the iframe, and selects when the host asks; forgeries are ignored', async () => {
  const { page, context, errors } = await open('/options.html');
  const sel = 'iframe[title="Options"]';
  const frame = page.frameLocator(sel);
  await frame.locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
  const inFrame = async (title, fn) => (await (await page.locator(`iframe[title="${title}"]`).elementHandle()).contentFrame()).evaluate(fn);
  // French strings, one card, Donald Trump selected, the dark theme.
  assert.equal(await frame.locator('stakeholder-map .sm-title').textContent(), 'Les acteurs et ce qu’ils ont dit');
  assert.equal(await frame.locator('stakeholder-map article').count(), 1);
  assert.deepEqual(await inFrame('Options', () => {
    const el = document.querySelector('stakeholder-map');
    return [el.selected, el.getAttribute('theme'), el.getAttribute('max-cards'), document.documentElement.lang];
  }), ['donald-trump', 'dark', '1', 'fr']);
  await until('the frame does not fit', async () => {
    const r = await fit(page, sel);
    return { ...r, ok: r.inner > 300 && Math.abs(r.outer - r.inner) <= 2 };
  });
  await page.locator(sel).scrollIntoViewIfNeeded();
  await shot(page, 'iframe-options-french-selected', { fullPage: false });

  // Malformed options are ignored: English, the default three cards, nothing selected, no theme.
  const bad = page.frameLocator('iframe[title="Malformed options"]');
  await page.locator('iframe[title="Malformed options"]').scrollIntoViewIfNeeded(); // the widget loads when near the viewport
  await bad.locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
  assert.equal(await bad.locator('stakeholder-map .sm-title').textContent(), 'Stakeholders and what they said');
  assert.equal(await bad.locator('stakeholder-map article').count(), 3);
  assert.deepEqual(await inFrame('Malformed options', () => {
    const el = document.querySelector('stakeholder-map');
    return [el.selected, el.hasAttribute('theme'), el.hasAttribute('max-cards'), el.hasAttribute('lang')];
  }), [null, false, false, false]);

  // The host selects: the frame's widget selects, and its select event comes back on the iframe.
  assert.equal(await page.evaluate(() => window.StakeholderMapFrames.select(document.querySelector('iframe[title="Options"]'), 'jd-vance')), true);
  const ev = await until('no select event from the frame', async () => {
    const got = await page.evaluate(() => window.__events.filter((e) => e.type === 'stakeholder-map:select' && e.title === 'Options'));
    return { got, ok: got.some((e) => e.detail.id === 'jd-vance') };
  });
  const vance = ev.got.find((e) => e.detail.id === 'jd-vance');
  assert.equal(vance.tag, 'IFRAME');
  assert.equal(vance.detail.kind, 'person');
  assert.equal(vance.detail.name, 'JD Vance');
  assert.equal(await inFrame('Options', () => document.querySelector('stakeholder-map').selected), 'jd-vance');

  // A reader's click on a card in the frame: stakeholder-map:quote on the iframe.
  await frame.locator('stakeholder-map article').first().click();
  const q = await until('no quote event from the frame', async () => {
    const got = await page.evaluate(() => window.__events.filter((e) => e.type === 'stakeholder-map:quote' && e.title === 'Options'));
    return { got, ok: got.length > 0 };
  });
  const quote = q.got.at(-1).detail;
  assert.match(quote.id, /^q\d+$/);
  assert.equal(quote.speaker, 'jd-vance');
  assert.ok(quote.text.length > 10, JSON.stringify(quote));

  // The forger has been posting all along: its events reached the host window but were not
  // re-dispatched, and its requests to clear the selection did not reach the widget.
  await until('no forged event arrived', async () => {
    const n = await page.evaluate((x) => window.__messages.filter((m) => m.origin === x && m.data && m.data.type === 'stakeholder-map:select').length, X.origin);
    return { n, ok: n >= 10 };
  });
  const all = await page.evaluate(() => window.__events);
  assert.ok(all.every((e) => e.tag === 'IFRAME' && e.title === 'Options'), JSON.stringify(all.filter((e) => e.title !== 'Options')));
  assert.ok(!all.some((e) => e.detail && ['forged', 'q-forged'].includes(e.detail.id)), 'a forged event was re-dispatched');
  assert.equal(await inFrame('Options', () => document.querySelector('stakeholder-map').selected), 'jd-vance');
  // The host may clear it.
  await page.evaluate(() => window.StakeholderMapFrames.select(document.querySelector('iframe[title="Options"]'), null));
  await until('the host could not clear the selection', async () => {
    const s = await inFrame('Options', () => document.querySelector('stakeholder-map').selected);
    return { s, ok: s === null };
  });
  await shot(page, 'iframe-options');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
