// Downloads (issue 5, item 6), in Chromium under the strict CSP: the map as SVG and PNG, the
// quotes as CSV, the whole analysis as JSON. Each file is read back and checked for what a reader
// or an editor would open it for; the map files use the palette on screen (light or dark).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, assertClean, cards, host, nodeInfo, ARTIFACTS } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Click a download button and return { name, bytes }. */
async function download(page, label) {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    host(page).getByRole('button', { name: label }).click(),
  ]);
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** PNG width and height from its IHDR chunk. */
function pngSize(b) {
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

/** The map background colour written into an exported SVG (its first full-size rect). */
function svgBackground(svg) {
  const m = /<rect x="0" y="0" width="[\d.]+" height="[\d.]+" fill="([^"]+)"/.exec(svg);
  assert.ok(m, 'no background rect in the SVG');
  return m[1].toLowerCase();
}

test('the four downloads: map SVG and PNG, quotes CSV, analysis JSON', async () => {
  const { page, problems } = await env.open({ colorScheme: 'light' });
  const names = (await nodeInfo(page)).map((n) => n.name);
  const total = await cards(page).count();

  const svg = await download(page, 'Download the map as SVG');
  assert.match(svg.name, /^stakeholder-map-[a-z0-9-]+\.svg$/);
  const text = svg.bytes.toString('utf8');
  assert.match(text, /<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(!/<script|style=|on\w+=/i.test(text), 'script, style attribute or handler in the SVG');
  for (const n of names) assert.ok(text.includes(n.replace(/&/g, '&amp;')), `${n} missing from the SVG`);
  assert.equal(svgBackground(text), '#fbfaf8', 'light map background expected');
  // The browser parses it as an image: it is well-formed.
  const ok = await page.evaluate((s) => !new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror'), text);
  assert.ok(ok, 'the SVG does not parse');

  const png = await download(page, 'Download the map as PNG');
  assert.match(png.name, /\.png$/);
  const { w, h } = pngSize(png.bytes);
  // The whole document (map and legend) at 2x, not squashed or cut.
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(text);
  assert.ok(Math.abs(w - 2 * Number(m[1])) <= 2 && Math.abs(h - 2 * Number(m[2])) <= 2, `PNG ${w}x${h} is not 2x the SVG's ${m[1]}x${m[2]}`);
  assert.ok(png.bytes.length > 10000, `PNG only ${png.bytes.length} bytes: blank?`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'export-map-light.png'), png.bytes);

  const csv = await download(page, 'Download the quotes as CSV');
  assert.match(csv.name, /-quotes\.csv$/);
  const rows = csv.bytes.toString('utf8').trim().split(/\r?\n/);
  assert.match(rows[0], /speaker/i);
  // One row per quote (quotes may contain no line breaks in this article).
  assert.equal(rows.length - 1, total, `CSV has ${rows.length - 1} quote rows, the page ${total} cards`);

  const json = await download(page, 'Download the analysis as JSON');
  const a = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(a.schema, 'stakeholder-map/analysis@1');
  assert.equal(a.quotes.length, total);
  assert.deepEqual(a.stakeholders.map((s) => s.name).filter((n) => names.includes(n)).sort(), [...names].sort());
  await assertClean(assert, problems);
});

test('in dark mode the map downloads use the dark palette, and a host brand colour carries over', async () => {
  const { page, problems } = await env.open({ colorScheme: 'dark' });
  const light = await download(page, 'Download the map as SVG');
  const bg = svgBackground(light.bytes.toString('utf8'));
  assert.notEqual(bg, '#fbfaf8', 'dark mode exported the light background');
  assert.equal(bg, '#1a1d22');
  // A host page sets its brand through the documented custom properties.
  await page.evaluate(() => document.querySelector('stakeholder-map').style.setProperty('--sm-negative', '#c4122f'));
  const branded = (await download(page, 'Download the map as SVG')).bytes.toString('utf8');
  fs.writeFileSync(path.join(ARTIFACTS, 'export-map-dark.png'), (await download(page, 'Download the map as PNG')).bytes);
  assert.ok(branded.includes('#c4122f'), 'the host brand colour is not in the exported map');
  await assertClean(assert, problems);
});
