// Shared helpers for the end-to-end tests: Debian's Chromium driven by playwright-core (no
// browser download), the demo served from dist/ by ./server.mjs with a strict CSP, and a watch on
// everything a reader's browser would complain about (page errors, console errors, CSP
// violations, requests to other origins).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, DIST, CSP } from './server.mjs';

export { CSP, DIST };

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'artifacts');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launch headless Debian Chromium. chromium.launch() gives every launch a fresh, empty
 * user-data-dir of its own (a temporary profile, removed on close), as the flags above expect.
 */
export async function launch() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/index.html missing: run scripts/build.sh first');
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Start the static server and Chromium once for a test file.
 * Returns { origin, server, browser, open(opts), close() }; open() gives a watched page.
 */
export async function setup() {
  // axe-core is served from the page's origin for the accessibility check (a11y.test.mjs).
  // Host pages for the embedding tests (tests/e2e/pages/) are served under /__test/ too.
  const pages = path.join(here, 'pages');
  const extra = { '/__test/axe.min.js': path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') };
  for (const f of fs.readdirSync(pages)) extra[`/__test/${f}`] = path.join(pages, f);
  const server = await startServer({ extra });
  const browser = await launch();
  return {
    origin: server.origin,
    server,
    browser,
    /** Serve `file` at `urlPath` from now on (pages a test writes). */
    serve(urlPath, file) { extra[urlPath] = file; },
    /**
     * A new page in its own browser context (so options such as viewport, colorScheme, hasTouch
     * and bypassCSP apply), watched for problems. `path` defaults to the demo page.
     * Returns { page, context, problems, response }.
     */
    async open({ path: p = '/', wait = true, ...contextOptions } = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
      const page = await context.newPage();
      const problems = await watchPage(page, server.origin);
      const response = await page.goto(server.origin + p, { waitUntil: 'load' });
      if (wait) await waitForWidget(page);
      return { page, context, problems, response };
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Record page errors, console errors, CSP violations and requests to other origins. */
export async function watchPage(page, origin) {
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const t = m.text();
    // A failed load is reported below with its address, from the response itself.
    if (/^Failed to load resource/.test(t)) return;
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(t)) errors.push(`console.${m.type()}: ${t}`);
  });
  page.on('response', (r) => {
    // The browser's own guess at a favicon is not the page's request.
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (!r.url().endsWith('/favicon.ico')) errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (!u.startsWith(origin + '/')) foreign.push(u);
  });
  // securitypolicyviolation events, recorded from the first script on (the init script itself is
  // injected by the devtools protocol, which the page's CSP does not govern).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber || ''} ${e.sample || ''}`);
    }, true);
  });
  return async () => {
    let csp = [];
    try {
      csp = await page.evaluate(() => window.__cspViolations || []);
    } catch { /* page gone */ }
    return { errors: [...errors], foreign: [...foreign], csp };
  };
}

/** The widget element on the demo page. */
export const WIDGET = 'stakeholder-map';

/** Wait until the demo's widget has rendered its map and at least one quote card. */
export async function waitForWidget(page, timeout = 20000) {
  const w = page.locator(WIDGET).first();
  await w.waitFor({ state: 'attached', timeout });
  await w.locator('article').first().waitFor({ state: 'visible', timeout });
}

export function screenshotPath(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, `${name}.png`);
}

export async function shot(page, name, opts = {}) {
  const p = screenshotPath(name);
  await page.screenshot({ path: p, fullPage: true, ...opts });
  return p;
}

/** Fail with a readable message when the page reported problems. */
export async function assertClean(assert, problems) {
  const p = await problems();
  assert.deepEqual(p.errors, [], `page errors:\n${p.errors.join('\n')}`);
  assert.deepEqual(p.csp, [], `CSP violations:\n${p.csp.join('\n')}`);
  assert.deepEqual(p.foreign, [], `requests beyond the page's own origin:\n${p.foreign.join('\n')}`);
}

// Selectors for the widget's parts (Playwright's CSS locators pierce open shadow roots).
// `w` picks the widget: the demo page has the seed article's (`stakeholder-map#seed`, the first)
// and the one for a pasted article (`stakeholder-map#yours`).
export const SEED = `${WIDGET}#seed`;
export const YOURS = `${WIDGET}#yours`;
export const host = (page, w) => page.locator(w || WIDGET).first();
/** The map (one SVG, one tab stop: a roving tabindex over its nodes). */
export const mapOf = (page, w) => host(page, w).locator('svg.sm-map').first();
/** The stakeholder nodes of the map: role=button, an accessible name, data-node = the id. */
export const mapNodes = (page, w) => host(page, w).locator('svg.sm-map [role="button"][data-node]');
/** The quote cards. */
export const cards = (page, w) => host(page, w).locator('article');

/** Speaker names on the visible quote cards, in order. */
export async function cardSpeakers(page, w) {
  return host(page, w).locator('article .sm-card-name').allInnerTexts();
}

/** The map's nodes as { id, label, name, quotes, pressed, classes, opacity } (the computed
 * opacity: below 1 while dimmed, once the 160 ms transition is over). */
export async function nodeInfo(page, w) {
  return mapNodes(page, w).evaluateAll((els) => els.map((e) => {
    const label = e.getAttribute('aria-label') || '';
    const m = /Quoted (once|twice|(\d+) times)/.exec(label);
    const quotes = !m ? 0 : m[1] === 'once' ? 1 : m[1] === 'twice' ? 2 : Number(m[2]);
    return {
      id: e.getAttribute('data-node'),
      label,
      name: label.split(', ')[0].split('. ')[0],
      quotes,
      pressed: e.getAttribute('aria-pressed') === 'true',
      classes: [...e.classList],
      opacity: Number(getComputedStyle(e).opacity),
    };
  }));
}

/** Number of quote cards in widget `w` (a CSS selector), from inside the page. */
export async function waitForCardCount(page, n, w = WIDGET, timeout = 5000) {
  await page.waitForFunction(
    ([want, sel]) => {
      const h = document.querySelector(sel);
      const root = h && (h.shadowRoot || h);
      return !!root && root.querySelectorAll('article').length === want;
    },
    [n, w],
    { timeout },
  );
}

/** The element that has keyboard focus, looking through shadow roots. */
export async function deepActive(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    return { tag: a.tagName.toLowerCase(), node: a.getAttribute('data-node'), label: a.getAttribute('aria-label'), text: (a.textContent || '').trim().slice(0, 60) };
  });
}
