// The npm package as a site gets it: `npm pack` (which runs scripts/package.sh), the tarball
// installed into a fresh site with `npm install`, and the widget and the iframe form served from
// node_modules/stakeholder-map/ under the strict CSP and loaded in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { launch, watchPage, assertClean, waitForWidget, ROOT, shot } from './lib.mjs';

let dir, site, pack, server, cdn, cdnSite, browser;
const PKG = '/node_modules/stakeholder-map';

before(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'pkg', 'stakeholder_map_bg.wasm'))) throw new Error('dist/ missing: run scripts/build.sh first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-package-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  // prepack's own output comes first on stdout; the JSON report is the last thing printed.
  pack = JSON.parse(out.slice(out.lastIndexOf('\n[') + 1))[0];
  site = path.join(dir, 'site');
  fs.mkdirSync(site);
  fs.writeFileSync(path.join(site, 'package.json'), JSON.stringify({ name: 'a-news-site', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(dir, pack.filename)], { cwd: site, stdio: 'inherit' });
  fs.copyFileSync(path.join(ROOT, 'fixtures', 'seed-article.json'), path.join(site, 'article.json'));
  // Preload hints from the package's manifest, as the README shows.
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'node_modules', 'stakeholder-map', 'release', 'manifest.json'), 'utf8'));
  fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A site that installed the package</title>
<link rel="modulepreload" href="${PKG}/release/${manifest.files['pkg/stakeholder_map.js']}">
<link rel="preload" as="fetch" type="application/wasm" crossorigin href="${PKG}/release/${manifest.files['pkg/stakeholder_map_bg.wasm']}">
<script type="module" src="${PKG}/release/www/stakeholder-map.js"></script></head>
<body><h1>Installed from npm</h1><stakeholder-map src="/article.json"></stakeholder-map></body></html>
`);
  fs.writeFileSync(path.join(site, 'frame.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The iframe form from the package</title>
<script src="${PKG}/release/www/frame-host.js" defer></script></head>
<body><h1>Installed from npm: the iframe form</h1>
<iframe data-stakeholder-map title="Stakeholder map" loading="lazy" width="900"
        src="${PKG}/release/www/embed.html?src=/article.json&amp;id=framed"></iframe></body></html>
`);
  server = await startServer({ root: site });
  // The same files from a "CDN" on another origin, under a versioned path, with CORS (as public
  // npm CDNs send it); the site allows that origin in its CSP, as the README's "Serving" says.
  const cdnRoot = path.join(dir, 'cdn');
  fs.cpSync(path.join(site, 'node_modules', 'stakeholder-map'), path.join(cdnRoot, 'stakeholder-map', pack.version), { recursive: true });
  cdn = await startServer({ root: cdnRoot, headers: { 'Access-Control-Allow-Origin': '*' } });
  const base = `${cdn.origin}/stakeholder-map/${pack.version}/release`;
  fs.writeFileSync(path.join(site, 'cdn.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A site that loads the widget from a CDN</title>
<script type="module" src="${base}/www/stakeholder-map.js"></script></head>
<body><h1>From a versioned CDN path</h1><stakeholder-map src="/article.json"></stakeholder-map></body></html>
`);
  cdnSite = await startServer({
    root: site,
    csp: `script-src 'self' ${cdn.origin} 'wasm-unsafe-eval'; style-src 'self' ${cdn.origin}; connect-src 'self' ${cdn.origin}`,
  });
  browser = await launch();
});

after(async () => {
  await browser?.close().catch(() => {});
  await Promise.all([server?.close(), cdn?.close(), cdnSite?.close()]);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('npm pack ships the element, the stylesheet, the iframe form, hashed wasm and glue, schemas, README and CHANGELOG, and no demo or source', () => {
  const files = pack.files.map((f) => f.path);
  const has = (re) => files.some((f) => re.test(f));
  for (const re of [
    /^release\/www\/stakeholder-map\.js$/, /^release\/www\/stakeholder-map\.[0-9a-f]{10}\.css$/,
    /^release\/www\/frame-host\.js$/, /^release\/www\/embed\.html$/, /^release\/www\/embed\.[0-9a-f]{10}\.js$/,
    /^release\/pkg\/stakeholder_map\.[0-9a-f]{10}\.js$/, /^release\/pkg\/stakeholder_map_bg\.[0-9a-f]{10}\.wasm$/,
    /^release\/www\/analyser-worker\.[0-9a-f]{10}\.js$/,
    /^release\/pkg\/stakeholder_map_analyser\.[0-9a-f]{10}\.js$/, /^release\/pkg\/stakeholder_map_analyser_bg\.[0-9a-f]{10}\.wasm$/,
    /^release\/manifest\.json$/, /^schema\/article\.schema\.json$/, /^schema\/analysis\.schema\.json$/,
    /^README\.md$/, /^CHANGELOG\.md$/, /^package\.json$/,
  ]) assert.ok(has(re), `${re} not in the package: ${files.join(', ')}`);
  for (const re of [/^src\//, /^tests\//, /^fixtures\//, /index\.html$/, /demo\.(js|css)$/, /^dist\//, /stakeholder_map_bg\.wasm$/, /^release\/pkg\/stakeholder_map\.js$/,
    /stakeholder_map_analyser_bg\.wasm$/, /^release\/pkg\/stakeholder_map_analyser\.js$/, /^release\/www\/analyser-worker\.js$/]) {
    assert.ok(!has(re), `${re} should not be in the package: ${files.filter((f) => re.test(f)).join(', ')}`);
  }
  assert.equal(pack.name, 'stakeholder-map');
  const cargo = /^version = "([^"]+)"/m.exec(fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(pack.version, cargo, 'package.json and Cargo.toml disagree on the version');
  const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## \\[${pack.version.replace(/\./g, '\\.')}\\]`, 'm'), `CHANGELOG.md has no section for ${pack.version}`);
});

test('the installed package resolves through its exports, and every hashed name in its manifest is its file\'s content hash', async () => {
  const resolve = (spec) => execFileSync('node', ['--input-type=module', '-e', `console.log(import.meta.resolve(${JSON.stringify(spec)}))`], { cwd: site, encoding: 'utf8' }).trim();
  assert.match(resolve('stakeholder-map'), /node_modules\/stakeholder-map\/release\/www\/stakeholder-map\.js$/);
  assert.match(resolve('stakeholder-map/frame-host.js'), /release\/www\/frame-host\.js$/);
  assert.match(resolve('stakeholder-map/schema/analysis.schema.json'), /schema\/analysis\.schema\.json$/);
  const base = path.join(site, 'node_modules', 'stakeholder-map', 'release');
  const manifest = JSON.parse(fs.readFileSync(path.join(base, 'manifest.json'), 'utf8'));
  const { createHash } = await import('node:crypto');
  assert.ok(Object.keys(manifest.files).length >= 5);
  for (const [logical, hashed] of Object.entries(manifest.files)) {
    const h = createHash('sha256').update(fs.readFileSync(path.join(base, hashed))).digest('hex').slice(0, 10);
    assert.ok(hashed.includes(`.${h}.`), `${logical} -> ${hashed}: content hash is ${h}`);
    assert.ok(!fs.existsSync(path.join(base, logical)), `${logical} is shipped under its unhashed name too`);
  }
});

test('the widget loads from node_modules/stakeholder-map in Chromium under the strict CSP, fetching the hashed files', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchPage(page, server.origin);
  const seen = [];
  page.on('response', (r) => seen.push(new URL(r.url()).pathname));
  await page.goto(server.origin + '/', { waitUntil: 'load' });
  await waitForWidget(page);
  // Each hashed file fetched, and exactly once: the preloads were used, not fetched again.
  // The analyser's files too: the page's module worker loads them.
  for (const re of [/release\/pkg\/stakeholder_map_bg\.[0-9a-f]{10}\.wasm$/, /release\/pkg\/stakeholder_map\.[0-9a-f]{10}\.js$/, /release\/www\/stakeholder-map\.[0-9a-f]{10}\.css$/,
    /release\/www\/analyser-worker\.[0-9a-f]{10}\.js$/, /release\/pkg\/stakeholder_map_analyser\.[0-9a-f]{10}\.js$/, /release\/pkg\/stakeholder_map_analyser_bg\.[0-9a-f]{10}\.wasm$/]) {
    assert.equal(seen.filter((p) => re.test(p)).length, 1, `${re} fetched other than once: ${seen.join(', ')}`);
  }
  assert.equal(server.requests.filter((r) => /stakeholder_map_bg\.[0-9a-f]{10}\.wasm$/.test(r.url)).length, 1, 'the viewer wasm was requested twice (preload not used)');
  assert.equal(page.workers().length, 1, 'the analyser worker did not start');
  await shot(page, 'package-installed');
  await assertClean(assert, problems);
  await context.close();
});

test('the iframe form from the installed package is sized by its frame-host.js', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchPage(page, server.origin);
  await page.goto(server.origin + '/frame.html', { waitUntil: 'load' });
  await page.frameLocator('iframe').locator('stakeholder-map article').first().waitFor({ state: 'visible', timeout: 30000 });
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe');
    const inner = Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height);
    return inner > 400 && Math.abs(f.clientHeight - inner) <= 2;
  }, null, { timeout: 10000 });
  await assertClean(assert, problems);
  await context.close();
});

test('the widget loads from a versioned CDN path on another origin (CORS), under the host CSP the README gives', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = await watchPage(page, cdnSite.origin);
  const seen = [];
  page.on('response', (r) => seen.push(r.url()));
  await page.goto(cdnSite.origin + '/cdn.html', { waitUntil: 'load' });
  await waitForWidget(page);
  const fromCdn = seen.filter((u) => u.startsWith(cdn.origin + `/stakeholder-map/${pack.version}/release/`));
  for (const re of [/\.wasm$/, /pkg\/stakeholder_map\.[0-9a-f]{10}\.js$/, /stakeholder-map\.[0-9a-f]{10}\.css$/, /www\/stakeholder-map\.js$/]) {
    assert.ok(fromCdn.some((u) => re.test(u)), `${re} not fetched from the CDN: ${fromCdn.join(', ')}`);
  }
  const p = await problems();
  assert.deepEqual(p.errors, [], p.errors.join('\n'));
  assert.deepEqual(p.csp, [], p.csp.join('\n'));
  // Nothing beyond the site and the CDN.
  assert.deepEqual(p.foreign.filter((u) => !u.startsWith(cdn.origin + '/')), []);
  await context.close();
});
