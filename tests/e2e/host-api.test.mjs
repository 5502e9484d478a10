// The widget as a host page's component (issue 10 items 2, 6 and 7; issue 12 item 5), in
// Chromium against the real wasm build under the strict CSP:
// - compact by default (the first 3 cards and "Show all N quotes"), `max-cards`, the demo's full list;
// - the host API: `select(id)`, `selected`, the `selected` attribute, and the
//   `stakeholder-map:select` / `stakeholder-map:quote` events (names in the article linked to the map);
// - languages: the page's or the element's `lang` picks the UI strings and the quote marks;
// - the PNG download under a CSP that blocks blob: images says so inline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, assertClean, cards, host, mapNodes, shot, launch, watchPage, waitForCardCount } from './lib.mjs';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const moreButton = (page, w) => host(page, w).locator('button.sm-more-cards');
/** Lines the host page's script logged from the widget's events, parsed. */
async function events(page) {
  const lines = await page.locator('#log li').allTextContents();
  return lines.map((l) => { const i = l.indexOf(' '); return { type: l.slice(0, i), detail: JSON.parse(l.slice(i + 1)) }; });
}

test('inline embeds are compact: three cards, then "Show all N quotes" expands in place', async () => {
  const { page, problems } = await env.open({ path: '/__test/host-api.html', viewport: { width: 680, height: 900 } });
  await waitForCardCount(page, 3, '#map');
  const count = await host(page, '#map').locator('.sm-count').textContent();
  const total = Number(/^3 of (\d+) quotes$/i.exec(count)[1]);
  assert.ok(total > 3, count);
  const more = moreButton(page, '#map');
  assert.equal(await more.textContent(), `Show all ${total} quotes`);
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  const compact = await host(page, '#map').boundingBox();
  await shot(page, 'host-api-compact');

  await more.click();
  await waitForCardCount(page, total, '#map');
  assert.equal(await more.textContent(), 'Show fewer quotes');
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  // Expanded in place: the same button, still focused, now below every card.
  assert.equal(await more.evaluate((b) => b.getRootNode().activeElement === b), true);
  const expanded = await host(page, '#map').boundingBox();
  assert.ok(expanded.height > compact.height * 1.5, `${compact.height} -> ${expanded.height}`);
  await shot(page, 'host-api-expanded');
  await more.click();
  await waitForCardCount(page, 3, '#map');

  // max-cards at runtime: a number, then "all" (no button at all).
  await page.evaluate(() => document.getElementById('map').setAttribute('max-cards', '1'));
  await waitForCardCount(page, 1, '#map');
  await page.evaluate(() => document.getElementById('map').setAttribute('max-cards', 'all'));
  await waitForCardCount(page, total, '#map');
  assert.equal(await moreButton(page, '#map').count(), 0);
  await assertClean(assert, problems);
});

test('the demo page shows the full list', async () => {
  const { page, problems } = await env.open();
  const count = await host(page).locator('.sm-count').textContent();
  const total = Number(/of (\d+) quotes/.exec(count)[1]);
  assert.equal(await cards(page).count(), total);
  assert.equal(await moreButton(page).count(), 0);
  await assertClean(assert, problems);
});

test('a name in the article selects on the map; the map tells the page what the reader selects', async () => {
  const { page, problems } = await env.open({ path: '/__test/host-api.html' });
  const map = host(page, '#map');
  await waitForCardCount(page, 3, '#map');

  // The host selects (a click on a name in the article): the widget filters, the event says who.
  await page.locator('#story [data-stakeholder="jd-vance"]').click();
  await map.locator('.sm-focus h3').waitFor({ timeout: 5000 });
  assert.equal(await map.locator('.sm-focus h3').textContent(), 'JD Vance');
  assert.equal(await page.evaluate(() => document.getElementById('map').selected), 'jd-vance');
  assert.equal(await page.locator('#story [data-stakeholder="jd-vance"]').getAttribute('class'), 'is-selected');
  let ev = await events(page);
  assert.deepEqual(ev.at(-1), { type: 'select', detail: { id: 'jd-vance', name: 'JD Vance', kind: 'person', role: ev.at(-1).detail.role } });
  assert.match(ev.at(-1).detail.role, /Vice President/);
  // The selection filters every card (not only the first three), then shows at most three.
  const names = await map.locator('article .sm-card-name').allTextContents();
  assert.ok(names.length >= 1 && names.length <= 3 && names.every((n) => n === 'JD Vance'), names.join());
  // The count says what is on screen; the button, how many match (JD Vance is quoted most).
  assert.equal(Number(/^(\d+) of/.exec(await map.locator('.sm-count').textContent())[1]), names.length);
  const vance = Number(/^Show all (\d+) quotes$/.exec(await moreButton(page, '#map').textContent())?.[1]);
  assert.ok(vance > 3, `button for all of JD Vance's quotes: ${vance}`);
  await moreButton(page, '#map').click();
  await waitForCardCount(page, vance, '#map');
  assert.ok((await map.locator('article .sm-card-name').allTextContents()).every((n) => n === 'JD Vance'));

  // The method and the property, and clearing.
  await page.evaluate(() => { document.getElementById('map').selected = 'donald-trump'; });
  await page.waitForFunction(() => document.getElementById('map').selected === 'donald-trump', null, { timeout: 5000 });
  assert.equal(await map.locator('.sm-focus h3').textContent(), 'Donald Trump');
  await page.evaluate(() => document.getElementById('map').select(null));
  await page.waitForFunction(() => document.getElementById('map').selected === null, null, { timeout: 5000 });
  assert.equal(await map.locator('.sm-focus').count(), 0);
  ev = await events(page);
  assert.deepEqual(ev.slice(-2).map((e) => e.detail.id), ['donald-trump', null]);
  // An unknown id selects nothing and throws nothing.
  await page.evaluate(() => document.getElementById('map').select('nobody-at-all'));
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.getElementById('map').selected), null);

  // A reader's click on a node: the same event, from inside the shadow root (composed).
  const node = mapNodes(page, '#map').first();
  const id = await node.getAttribute('data-node');
  await node.click();
  await page.waitForFunction((want) => document.getElementById('map').selected === want, id, { timeout: 5000 });
  ev = await events(page);
  assert.equal(ev.at(-1).type, 'select');
  assert.equal(ev.at(-1).detail.id, id);
  await node.click();

  // A reader's click on a card: stakeholder-map:quote with the quote, its speaker and paragraph.
  await page.waitForFunction(() => document.getElementById('map').selected === null, null, { timeout: 5000 });
  const card = cards(page, '#map').nth(1); // the first is the headline's (no paragraph)
  const who = await card.locator('.sm-card-name').textContent();
  await card.click();
  await page.waitForFunction(() => [...document.querySelectorAll('#log li')].some((l) => l.textContent.startsWith('quote ')), null, { timeout: 5000 });
  const q = (await events(page)).filter((e) => e.type === 'quote').at(-1).detail;
  assert.match(q.id, /^q\d+$/);
  assert.equal(q.name, who);
  assert.ok(Number.isInteger(q.paragraph) && q.paragraph >= 1, JSON.stringify(q));
  assert.ok(q.text.length > 10 && typeof q.speaker === 'string');
  await assertClean(assert, problems);
});

test('the selected attribute selects at start', async () => {
  const { page, problems } = await env.open({ path: '/__test/host-api.html', wait: false });
  // Set before the widget mounts: mount reads it.
  await page.evaluate(() => document.getElementById('map').setAttribute('selected', 'donald-trump'));
  await host(page, '#map').locator('.sm-focus h3').waitFor({ timeout: 20000 });
  assert.equal(await host(page, '#map').locator('.sm-focus h3').textContent(), 'Donald Trump');
  assert.equal(await page.evaluate(() => document.getElementById('map').selected), 'donald-trump');
  await assertClean(assert, problems);
});

test('the page\'s or the element\'s lang picks the UI strings and the quote marks', async () => {
  const { page, problems } = await env.open({ path: '/__test/lang.html', wait: false });
  const fr = host(page, '#fr');
  const es = host(page, '#es');
  await fr.locator('article').first().waitFor({ timeout: 20000 });
  await es.locator('article').first().waitFor({ timeout: 20000 });
  assert.equal(await fr.locator('.sm-title').textContent(), 'Les acteurs et ce qu’ils ont dit');
  assert.match(await fr.locator('.sm-summary').textContent(), /^\d+ acteurs; .+ est le plus cité \(\d+ fois\)$/);
  assert.match(await fr.locator('button.sm-more-cards').textContent(), /^Afficher les \d+ citations$/);
  // Every card in French marks, also the headline's words the article put in single marks.
  const frMarks = await fr.locator('.sm-quoted-direct, .sm-quoted').allTextContents();
  assert.equal(frMarks.length, 3);
  assert.ok(frMarks.every((m) => /^«\u00a0.+\u00a0»$/s.test(m)), frMarks.join(' | '));
  assert.equal(await fr.getByRole('button', { name: 'Copier la citation' }).count(), 3);
  await shot(page, 'host-api-french');
  // Spanish from the element's own lang: « » for quotes in single and in double marks.
  assert.equal(await es.locator('.sm-title').textContent(), 'Los actores y lo que dijeron');
  const marks = await es.locator('.sm-quoted-direct, .sm-quoted').allTextContents();
  assert.ok(marks.some((m) => /^«They walked out.*»$/s.test(m)), marks.join(' | '));
  assert.ok(marks.some((m) => /^«We made a fair offer.*»$/s.test(m)), marks.join(' | '));
  // lang changed at runtime: German strings and marks, without losing the view.
  await fr.locator('button.sm-more-cards').click();
  await page.evaluate(() => document.getElementById('fr').setAttribute('lang', 'de'));
  await page.waitForFunction(() => document.getElementById('fr').shadowRoot.querySelector('.sm-title')?.textContent === 'Die Beteiligten und was sie sagten', null, { timeout: 5000 });
  assert.ok((await fr.locator('.sm-quoted-direct, .sm-quoted').allTextContents()).every((m) => /^„.+“$/s.test(m)));
  assert.equal(await fr.locator('button.sm-more-cards').textContent(), 'Weniger Zitate zeigen');
  // A language without a strings file falls back to English, with no failed request.
  await page.evaluate(() => document.getElementById('fr').setAttribute('lang', 'xx'));
  await page.waitForFunction(() => document.getElementById('fr').shadowRoot.querySelector('.sm-title')?.textContent === 'Stakeholders and what they said', null, { timeout: 5000 });
  await assertClean(assert, problems);
});

test('English cards keep the article\'s single quote marks (the headline\'s ‘leading role’ too)', async () => {
  const { page, problems } = await env.open({ path: '/__test/two-widgets.html', wait: false });
  await page.evaluate(() => document.getElementById('second').setArticle(
    'Union leader Priya Nair spoke on Monday.\n\n‘They walked out before we had even sat down,’ Nair said.'));
  await host(page, '#second').locator('article').first().waitFor({ timeout: 20000 });
  assert.match(await host(page, '#second').locator('.sm-quoted-direct').first().textContent(), /^‘They walked out.*’$/s);
  assert.match(await host(page, '#first').locator('.sm-quoted-direct, .sm-quoted').first().textContent(), /^‘leading role’$/);
  await assertClean(assert, problems);
});

/** The demo under another CSP: its PNG button, and what happens. */
async function pngUnder(csp) {
  const server = await startServer({ csp });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = await watchPage(page, server.origin);
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await host(page).locator('article').first().waitFor({ timeout: 20000 });
    const download = page.waitForEvent('download', { timeout: 5000 }).then((d) => d.suggestedFilename(), () => null);
    await host(page).getByRole('button', { name: 'Download the map as PNG' }).click();
    const file = await download;
    const alert = host(page).locator('.sm-exports [role="alert"]');
    const message = (await alert.count()) ? await alert.textContent() : null;
    if (message) await shot(page, 'host-api-png-blocked', { fullPage: false });
    return { file, message, problems: await problems() };
  } finally {
    await browser.close();
    await server.close();
  }
}

test('under default-src \'self\' the PNG download says that the CSP blocks blob: images', async () => {
  const blocked = await pngUnder("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  assert.equal(blocked.file, null);
  assert.match(blocked.message, /Content Security Policy blocks blob: images \(img-src\)/);
  assert.ok(blocked.problems.csp.some((v) => /img-src blocked blob/.test(v)), blocked.problems.csp.join('\n'));
  // With the source the README names, the same page downloads the PNG and says nothing.
  const allowed = await pngUnder("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' blob:");
  assert.match(allowed.file, /\.png$/);
  assert.equal(allowed.message, null);
  assert.deepEqual(allowed.problems.csp, []);
});

void here;

test('with no lang attribute, the article\'s JSON-LD inLanguage picks the UI strings and quote marks; the element\'s own lang still wins', async () => {
  const { page, problems } = await env.open({ path: '/__test/jsonld-fr.html', wait: false });
  const ld = host(page, '#ld');
  await ld.locator('article').first().waitFor({ timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById('ld').closest('[lang]')), null, 'the element or an ancestor has a lang attribute');
  assert.equal(await ld.locator('.sm-title').textContent(), 'Les acteurs et ce qu’ils ont dit');
  assert.match(await ld.locator('button.sm-more-cards').textContent(), /^Afficher les \d+ citations$/);
  const marks = await ld.locator('.sm-quoted-direct, .sm-quoted').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /^«\u00a0.+\u00a0»$/s.test(m)), marks.join(' | '));
  await ld.scrollIntoViewIfNeeded();
  await shot(page, 'jsonld-french-no-lang', { fullPage: false });
  // An article's language beats an ancestor's lang="en" (German, regional tag) ...
  const de = host(page, '#de-article');
  await de.locator('article').first().waitFor({ timeout: 20000 });
  assert.equal(await de.locator('.sm-title').textContent(), 'Die Beteiligten und was sie sagten');
  // ... and the element's own lang beats the article's.
  const own = host(page, '#own-lang');
  await own.locator('article').first().waitFor({ timeout: 20000 });
  assert.equal(await own.locator('.sm-title').textContent(), 'Los actores y lo que dijeron');
  // A new article in another language re-words the widget; removing the element's lang falls back to the article's.
  await page.evaluate(() => document.getElementById('de-article').setArticle(JSON.stringify({ lang: 'es', body: '«No aceptamos», dijo Ana Ruiz.' })));
  await page.waitForFunction(() => document.getElementById('de-article').shadowRoot.querySelector('.sm-title')?.textContent === 'Los actores y lo que dijeron', null, { timeout: 5000 });
  await page.evaluate(() => document.getElementById('own-lang').removeAttribute('lang'));
  await page.waitForFunction(() => document.getElementById('own-lang').shadowRoot.querySelector('.sm-title')?.textContent === 'Les acteurs et ce qu’ils ont dit', null, { timeout: 5000 });
  await assertClean(assert, problems);
});
