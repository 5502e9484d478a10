// Quote cards, filters and sharing in Chromium (issue 5, items 2 and 3): filter by stakeholder
// from the list, by relation, by a text search (cards keep article order); copy a quote with its
// citation; the paragraph link scrolls the host page to the marked paragraph; the view lives in
// the URL fragment, so a shared link opens the same view; live announcements stay short.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, assertClean, cards, cardSpeakers, host, waitForCardCount } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Card texts (the quote block) in order, and their source paragraph numbers when shown. */
async function cardTexts(page) {
  return cards(page).evaluateAll((els) => els.map((e) => e.querySelector('blockquote, .sm-quote')?.textContent.trim() || e.textContent.trim()));
}

/** The live region's text. */
async function announced(page) {
  return host(page).locator('[role="status"][aria-live]').first().textContent();
}

test('filters: stakeholder list, relation and search narrow the cards, keep article order, and clear', async () => {
  const { page, problems } = await env.open();
  const w = host(page);
  const total = await cards(page).count();
  const all = await cardTexts(page);

  // By stakeholder, from the list (not the map): every option that has quotes.
  const who = w.getByLabel('Stakeholder', { exact: true });
  const options = await who.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  assert.ok(options.length > 3, `too few stakeholder options: ${JSON.stringify(options)}`);
  const speakers = await cardSpeakers(page);
  const quoted = options.filter((o) => o.value && speakers.some((s) => o.text.startsWith(s)));
  assert.ok(quoted.length >= 2, 'no quoted stakeholder in the list');
  for (const o of quoted.slice(0, 3)) {
    await who.selectOption(o.value);
    const name = speakers.find((s) => o.text.startsWith(s));
    const want = speakers.filter((s) => s === name).length;
    await waitForCardCount(page, want);
    for (const s of await cardSpeakers(page)) assert.equal(s, name);
    // Article order: the filtered cards are a subsequence of the full list in the same order.
    const shown = await cardTexts(page);
    let at = -1;
    for (const t of shown) {
      const i = all.indexOf(t, at + 1);
      assert.ok(i > at, `cards out of article order under the filter for ${name}`);
      at = i;
    }
  }
  const said = (await announced(page)).trim();
  assert.ok(said.length > 0 && said.length <= 80, `live announcement missing or long: "${said}"`);
  await who.selectOption('');
  await waitForCardCount(page, total);

  // By relation: some relation narrows the cards to fewer than all (and at least one).
  const rel = w.getByLabel('Relation', { exact: true });
  const rels = await rel.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(rels.length > 0, 'no relation in the relation filter');
  let narrowed = false;
  for (const r of rels) {
    await rel.selectOption(r);
    await page.waitForTimeout(30);
    const n = await cards(page).count();
    const empty = await w.locator('.sm-empty').count();
    assert.ok(n > 0 || empty > 0, `relation ${r}: no cards and no "nothing matches" message`);
    if (n > 0 && n < total) { narrowed = true; break; }
  }
  assert.ok(narrowed, 'no relation narrowed the cards');
  await rel.selectOption('');
  await waitForCardCount(page, total);

  // Search: a word from one quote finds that quote; nonsense finds nothing, with a message.
  const word = all[all.length - 1].replace(/[“”"‘’]/g, '').split(/\s+/).filter((x) => x.length > 6)[0];
  assert.ok(word, 'no long word in the last quote');
  const search = w.getByLabel('Search quotes');
  await search.fill(word);
  await page.waitForFunction(([sel, t]) => {
    const r = document.querySelector(sel).shadowRoot;
    const arts = [...r.querySelectorAll('article')];
    return arts.length > 0 && arts.every((a) => a.textContent.toLowerCase().includes(t.toLowerCase()));
  }, ['stakeholder-map', word], { timeout: 5000 });
  assert.ok((await cards(page).count()) < total);
  await search.fill('zzqxv-no-such-word');
  await waitForCardCount(page, 0);
  assert.match(await w.locator('.sm-empty').textContent(), /no quotes match/i, 'no message when nothing matches');
  await w.getByRole('button', { name: 'Clear filters' }).click();
  await waitForCardCount(page, total);
  assert.equal(await search.inputValue(), '');
  await assertClean(assert, problems);
});

test('copy a quote: the clipboard gets the quote with speaker, headline, date and paragraph', async () => {
  const { page, context, problems } = await env.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  const card = cards(page).filter({ has: page.locator('text=Go to paragraph') }).first();
  const name = (await card.locator('.sm-card-name').textContent()).trim();
  await card.getByRole('button', { name: 'Copy quote' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^“.+” — /, `not a quote with a citation: ${copied}`);
  assert.ok(copied.includes(name), `speaker ${name} not in the citation: ${copied}`);
  assert.match(copied, /\d{4}-\d{2}-\d{2}/, 'no date in the citation');
  assert.match(copied, /paragraph \d+/, 'no paragraph in the citation');
  const headline = await page.locator('#story-title').textContent();
  assert.ok(copied.includes(headline.trim()), 'headline not in the citation');
  assert.match(await announced(page), /copied/i);
  await assertClean(assert, problems);
});

test('the paragraph link scrolls the host page to the marked paragraph and focuses it', async () => {
  const { page, problems } = await env.open({ viewport: { width: 1280, height: 700 }, reducedMotion: 'reduce' });
  const link = host(page).getByRole('button', { name: /Go to paragraph \d+/ }).or(host(page).getByRole('link', { name: /Go to paragraph \d+/ })).last();
  const n = Number((await link.textContent()).match(/\d+/)[0]);
  await link.click();
  const target = page.locator(`[data-sm-paragraph="${n}"]`);
  await page.waitForFunction((k) => document.activeElement?.getAttribute('data-sm-paragraph') === String(k), n, { timeout: 5000 });
  const inView = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  assert.ok(inView, `paragraph ${n} not scrolled into view`);
  assert.match(await target.getAttribute('class'), /sm-paragraph-target/);
  await assertClean(assert, problems);
});

test('the view lives in the URL fragment: a shared link opens the same filtered view', async () => {
  const { page, problems } = await env.open();
  const w = host(page);
  const who = w.getByLabel('Stakeholder', { exact: true });
  const speakers = await cardSpeakers(page);
  const name = speakers.find((s) => s !== 'Unattributed quote');
  const value = await who.locator('option').evaluateAll((os, nm) => os.find((o) => o.textContent.startsWith(nm))?.value, name);
  await who.selectOption(value);
  await w.getByLabel('Search quotes').fill('the');
  const want = await cards(page).count();
  await page.waitForFunction(() => location.hash.includes('find='));
  const url = page.url();
  assert.match(url, /#.*sel=/);

  // Open the shared link in a fresh page.
  const other = await env.open({ path: '/' + url.split('/').slice(3).join('/') });
  await waitForCardCount(other.page, want);
  for (const s of await cardSpeakers(other.page)) assert.equal(s, name);
  assert.equal(await host(other.page).getByLabel('Search quotes').inputValue(), 'the');
  assert.equal(await host(other.page).getByLabel('Stakeholder', { exact: true }).inputValue(), value);
  await assertClean(assert, problems);
  await assertClean(assert, other.problems);
});
