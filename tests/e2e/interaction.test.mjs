// Reader interactions on the demo page, in Chromium: mouse, keyboard only, touch on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, shot, assertClean, mapOf, mapNodes, cards, cardSpeakers, nodeInfo, deepActive, waitForCardCount,
} from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** A quoted stakeholder who said fewer quotes than there are cards (so a filter shows). */
function pickQuoted(nodes, total) {
  const quoted = nodes.filter((n) => n.quotes > 0 && n.quotes < total);
  assert.ok(quoted.length > 0, `no quoted stakeholder on the map: ${JSON.stringify(nodes.map((n) => n.label))}`);
  return quoted.sort((a, b) => b.quotes - a.quotes)[0];
}

/** Marks the widget's elements matching `selector` (a property on each), or counts how many
 * still carry the mark: an element Yew made again has none. */
const mark = (page, selector, check = false) => page.evaluate(([sel, check]) => {
  const els = [...document.querySelector('stakeholder-map').shadowRoot.querySelectorAll(sel)];
  if (!check) for (const e of els) e.__kept = true;
  return els.filter((e) => e.__kept).length;
}, [selector, check]);

test('clicking a node filters the cards to that stakeholder, and clearing shows all again', async () => {
  const { page, problems } = await env.open();
  const total = await cards(page).count();
  const node = pickQuoted(await nodeInfo(page), total);
  // The filters stay the same elements (before, a selection made them again, their options and
  // the search box, because the selection panel after them came and went).
  const filters = '.sm-filters select, .sm-filters option, .sm-filters input';
  const kept = await mark(page, filters);
  assert.ok(kept > 10, `${kept} filter elements`);
  await mapNodes(page).and(page.locator(`[data-node="${node.id}"]`)).click();
  await waitForCardCount(page, node.quotes);
  assert.equal(await mark(page, filters, true), kept, 'the filters were made again on a selection');
  const speakers = await cardSpeakers(page);
  assert.equal(speakers.length, node.quotes);
  for (const s of speakers) assert.equal(s, node.name, `card by ${s} shown under the filter for ${node.name}`);
  const after = (await nodeInfo(page)).find((n) => n.id === node.id);
  assert.equal(after.pressed, true, 'the selected node is not marked aria-pressed');
  await shot(page, 'interaction-node-selected');
  // The selection panel's button clears the filter.
  await page.getByRole('button', { name: 'Show all quotes' }).click();
  await waitForCardCount(page, total);
  assert.ok((await nodeInfo(page)).every((n) => !n.pressed));
  assert.equal(await mark(page, filters, true), kept, 'the filters were made again when the selection was cleared');
  await assertClean(assert, problems);
});

test('showing a card\'s paragraph in place adds the paragraph and keeps the card\'s own elements', async () => {
  // A host page without marked paragraphs: the card shows its paragraph itself.
  const { page, problems } = await env.open({ path: '/__test/host-styles.html' });
  const show = /Show paragraph \d+/;
  const i = (await cards(page).evaluateAll((cs) => cs.map((c) => c.textContent))).findIndex((t) => /Show paragraph \d+/.test(t));
  assert.ok(i >= 0, 'no card with its paragraph to show');
  const card = cards(page).nth(i);
  const own = 'header, header *, blockquote, blockquote *, .sm-card-meta';
  const kept = await card.evaluate((c, own) => { const els = c.querySelectorAll(own); for (const e of els) e.__kept = true; return els.length; }, own);
  assert.ok(kept >= 5, `${kept} elements in the card`);
  await card.getByRole('button', { name: show }).click();
  await card.locator('.sm-para').waitFor();
  // (Before, Yew made the header, the quote and the notes again: it matches children from the end.)
  assert.equal(await card.evaluate((c, own) => [...c.querySelectorAll(own)].filter((e) => e.__kept).length, own), kept, 'the card was made again');
  await assertClean(assert, problems);
});

test('clicking a card highlights its speaker on the map', async () => {
  const { page, problems } = await env.open();
  const speakers = await cardSpeakers(page);
  const i = speakers.findIndex((s) => s !== 'Unattributed quote');
  assert.ok(i >= 0, 'no attributed card');
  // Click the card's header (its speaker line), not one of its buttons.
  await cards(page).nth(i).locator('.sm-card-name').click();
  await page.waitForFunction(() => {
    const root = document.querySelector('stakeholder-map')?.shadowRoot;
    return root && root.querySelector('[data-node].is-speaker');
  }, null, { timeout: 5000 });
  const nodes = await nodeInfo(page);
  const lit = nodes.filter((n) => n.classes.includes('is-speaker'));
  assert.equal(lit.length, 1, `expected one speaker lit, got ${JSON.stringify(lit.map((n) => n.name))}`);
  assert.equal(lit[0].name, speakers[i]);
  // Dimming is one class on the map and `is-lit` on the few nodes in focus: the style sheet
  // dims the others (wait out the 160 ms opacity transition before reading it).
  await page.waitForTimeout(400);
  const shown = await nodeInfo(page);
  const speaker = shown.find((n) => n.classes.includes('is-speaker'));
  assert.ok(speaker.classes.includes('is-lit') && speaker.opacity === 1, `the speaker is dimmed: ${JSON.stringify(speaker)}`);
  const others = shown.filter((n) => !n.classes.includes('is-lit'));
  assert.ok(others.length > 0 && others.every((n) => n.opacity < 1), `nodes out of focus not dimmed: ${JSON.stringify(others)}`);
  const selected = await cards(page).nth(i).getAttribute('class');
  assert.match(selected, /is-selected/);
  await shot(page, 'interaction-card-selected');
  await assertClean(assert, problems);
});

test('keyboard only: Tab into the map, arrows move between stakeholders, Enter selects, Escape clears', async () => {
  const { page, problems } = await env.open();
  const total = await cards(page).count();
  await page.locator('body').focus();
  // Tab until focus lands on a map node (one tab stop into the map).
  let at = null;
  let tabs = 0;
  for (; tabs < 80 && !(at && at.node); tabs++) {
    await page.keyboard.press('Tab');
    at = await deepActive(page);
  }
  assert.ok(at && at.node, `Tab never reached the map (last focus: ${JSON.stringify(at)})`);
  const first = at.node;
  // Focus is visible: the focused node draws an outline or a focus ring.
  const ring = await page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    const cs = getComputedStyle(a);
    const ringEl = a.querySelector('.sm-node-ring');
    const ringCs = ringEl && getComputedStyle(ringEl);
    // The same for another node without focus: focus must look different.
    const other = [...a.parentNode.querySelectorAll('[data-node]')].find((n) => n !== a);
    const otherRing = other && other.querySelector('.sm-node-ring');
    const o = otherRing && getComputedStyle(otherRing);
    return {
      outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
      ring: !!ringCs && ringCs.visibility !== 'hidden' && ringCs.display !== 'none' && Number(ringCs.opacity) > 0
        && ringCs.stroke !== 'none' && parseFloat(ringCs.strokeWidth) > 0
        && (!o || o.stroke !== ringCs.stroke || o.strokeWidth !== ringCs.strokeWidth),
    };
  });
  assert.ok(ring.outline || ring.ring, `no visible focus on the focused node: ${JSON.stringify(ring)}`);
  await shot(page, 'keyboard-focus-on-map');

  // Arrow keys move along edges to neighbours: some direction must lead elsewhere.
  let moved = null;
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
    await page.keyboard.press(key);
    const now = await deepActive(page);
    if (now && now.node && now.node !== first) { moved = now; break; }
  }
  assert.ok(moved, 'no arrow key moved focus to another stakeholder');
  // The focused node's edges are lit and labelled with their kind and stance in words (not only
  // colour and dash). A label that finds no spot clear of the nodes' names is not drawn (a layout
  // invariant, tests/layout.rs), so arrows go on to the next neighbours until one shows labels.
  const litLabels = () => mapOf(page).evaluate((svg) => [...svg.querySelectorAll('.sm-edge.is-lit .sm-edge-label')]
    .filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.textContent));
  let labels = await litLabels();
  for (let i = 0; i < 12 && labels.length === 0; i++) {
    await page.keyboard.press(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'][i % 4]);
    labels = await litLabels();
  }
  assert.ok(labels.length > 0, 'no edge label shows on any focused node');
  moved = await deepActive(page);
  for (const l of labels) assert.match(l, / · (positive|negative|neutral)$/, `edge label without a stance in words: ${l}`);
  // Still one tab stop: exactly one node is in the tab order.
  const tabbable = await mapNodes(page).evaluateAll((els) => els.filter((e) => e.getAttribute('tabindex') === '0').length);
  assert.equal(tabbable, 1, 'the map should be one tab stop (roving tabindex)');

  // Enter selects the focused stakeholder: the cards filter to them.
  const focusedInfo = (await nodeInfo(page)).find((n) => n.id === moved.node);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('stakeholder-map')?.shadowRoot
    ?.querySelector(`[data-node="${id}"]`)?.getAttribute('aria-pressed') === 'true', moved.node, { timeout: 5000 });
  if (focusedInfo.quotes > 0) {
    await waitForCardCount(page, focusedInfo.quotes);
    for (const s of await cardSpeakers(page)) assert.equal(s, focusedInfo.name);
  }
  await shot(page, 'keyboard-selected');
  // Escape clears: all cards again, nothing selected, focus still in the map.
  await page.keyboard.press('Escape');
  await waitForCardCount(page, total);
  assert.ok((await nodeInfo(page)).every((n) => !n.pressed), 'Escape did not clear the selection');
  const still = await deepActive(page);
  assert.ok(still && still.node, `focus left the map on Escape: ${JSON.stringify(still)}`);
  // Tab leaves the map in one step.
  await page.keyboard.press('Tab');
  const out = await deepActive(page);
  assert.ok(!out || !out.node, 'Tab moved to another node instead of leaving the map');
  await assertClean(assert, problems);
});

test('touch on a phone: tapping a node filters the cards', async () => {
  const { page, problems } = await env.open({
    viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2,
  });
  const total = await cards(page).count();
  const node = pickQuoted(await nodeInfo(page), total);
  const target = mapNodes(page).and(page.locator(`[data-node="${node.id}"]`));
  await target.scrollIntoViewIfNeeded();
  // Touch targets at least 44 CSS px.
  const box = await target.boundingBox();
  assert.ok(box.width >= 44 && box.height >= 44, `node touch target ${box.width}x${box.height} < 44 px`);
  // And every other control of the widget (buttons, links, selects, the search field).
  const small = await page.evaluate(() => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    return [...root.querySelectorAll('button, a[href], select, input, summary, [role=button], [tabindex="0"]')]
      .map((e) => { const b = e.getBoundingClientRect(); return { what: (e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40), w: b.width, h: b.height }; })
      .filter((x) => x.w > 0 && (x.w < 44 || x.h < 44));
  });
  assert.deepEqual(small, [], 'touch targets under 44 px');
  await target.tap();
  await waitForCardCount(page, node.quotes);
  for (const s of await cardSpeakers(page)) assert.equal(s, node.name);
  // No sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at 360 px wide`);
  await shot(page, 'touch-phone-node-tapped', { fullPage: false });
  await assertClean(assert, problems);
});

test('hovering a node dims all but it and its neighbours; leaving it undims them', async () => {
  const { page, problems } = await env.open();
  const nodes = await nodeInfo(page);
  assert.ok(nodes.every((n) => n.opacity === 1 && !n.classes.includes('is-lit')), 'dimmed before any hover');
  await shot(page, 'interaction-hover-before');
  // The node with the fewest neighbours but at least one (most others are then dimmed).
  const edgesOf = await mapOf(page).evaluate((svg) => svg.querySelectorAll('.sm-edge').length);
  assert.ok(edgesOf > 0, 'no edges on the map');
  const target = mapNodes(page).first();
  const id = await target.getAttribute('data-node');
  await target.hover();
  await page.waitForFunction(() => document.querySelector('stakeholder-map').shadowRoot.querySelector('svg.sm-map.is-dimming'), null, { timeout: 5000 });
  await page.waitForTimeout(400);
  const during = await nodeInfo(page);
  const hovered = during.find((n) => n.id === id);
  assert.ok(hovered.classes.includes('is-lit') && hovered.opacity === 1, `the hovered node is dimmed: ${JSON.stringify(hovered)}`);
  const dim = during.filter((n) => n.opacity < 1);
  assert.ok(dim.length > 0 && dim.length < during.length, `${dim.length} of ${during.length} dimmed`);
  assert.ok(dim.every((n) => !n.classes.includes('is-lit')), 'a lit node is dimmed');
  const edges = await mapOf(page).evaluate((svg) => [...svg.querySelectorAll('.sm-edge')].map((e) => ({
    lit: e.classList.contains('is-lit'), opacity: Number(getComputedStyle(e).opacity),
  })));
  assert.ok(edges.every((e) => (e.lit ? e.opacity === 1 : e.opacity < 1)), `edges dimmed wrongly: ${JSON.stringify(edges)}`);
  await shot(page, 'interaction-hover-during');
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => !document.querySelector('stakeholder-map').shadowRoot.querySelector('svg.sm-map.is-dimming'), null, { timeout: 5000 });
  await page.waitForTimeout(400);
  assert.ok((await nodeInfo(page)).every((n) => n.opacity === 1 && !n.classes.includes('is-lit')), 'still dimmed after the pointer left');
  await assertClean(assert, problems);
});
