// Zoom, pan, drag and pinch on the map, in Chromium (issue 5, item 1): wheel/pinch/buttons with a
// reset, node drag, and no scroll-jacking (the page still scrolls over the widget, with a wheel
// and with one finger). Two-finger pinches are real touch input through the devtools protocol
// (Input.dispatchTouchEvent), which Chromium turns into pointer events, gestures and scrolling
// as it does for a phone's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shot, assertClean, mapOf, mapNodes, cards, host } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The map's viewBox as numbers [x, y, width, height]. */
async function viewBox(page) {
  const v = await mapOf(page).getAttribute('viewBox');
  const n = v.trim().split(/[\s,]+/).map(Number);
  assert.equal(n.length, 4, `bad viewBox ${v}`);
  return n;
}

/** Poll until f() returns something truthy (the widget renders on the next frame). */
async function until(f, what, timeout = 3000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await f();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 30));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** A point on the map's background (no node, no edge hit area under it), in page CSS px. */
async function backgroundPoint(page) {
  const p = await mapOf(page).evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    const root = svg.getRootNode();
    for (let fy = 0.15; fy < 0.95; fy += 0.05) {
      for (let fx = 0.1; fx < 0.95; fx += 0.05) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        const hit = root.elementFromPoint(x, y);
        if (hit && svg.contains(hit) && !hit.closest('[data-node], .sm-edge, .sm-map-tools')) return { x, y };
      }
    }
    return null;
  });
  assert.ok(p, 'no bare background point on the map');
  return p;
}

test('a plain wheel over the map scrolls the page, Ctrl+wheel zooms the map instead', async () => {
  const { page, problems } = await env.open({ viewport: { width: 1280, height: 700 } });
  const before = await viewBox(page);
  const bg = await backgroundPoint(page);
  await page.mouse.move(bg.x, bg.y);
  await page.mouse.wheel(0, 240);
  const scrolled = await until(() => page.evaluate(() => window.scrollY), 'the page to scroll under the wheel');
  assert.ok(scrolled > 0);
  assert.deepEqual(await viewBox(page), before, 'a plain wheel changed the map (scroll-jacking)');

  // Ctrl+wheel (what a trackpad pinch sends) zooms in around the pointer; the page stays put.
  await page.evaluate(() => window.scrollTo(0, 0));
  const bg2 = await backgroundPoint(page);
  await page.mouse.move(bg2.x, bg2.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  const zoomed = await until(async () => { const v = await viewBox(page); return v[2] < before[2] - 1 && v; }, 'Ctrl+wheel to zoom in');
  assert.ok(Math.abs(zoomed[2] / zoomed[3] - before[2] / before[3]) < 0.01, 'zoom changed the aspect ratio');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'Ctrl+wheel also scrolled the page');
  await assertClean(assert, problems);
});

test('zoom buttons zoom in and out, and Reset restores the first picture after a pan and a drag', async () => {
  const { page, problems } = await env.open();
  const w = host(page);
  const first = await viewBox(page);
  await w.getByRole('button', { name: 'Zoom in' }).click();
  const zin = await until(async () => { const v = await viewBox(page); return v[2] < first[2] - 1 && v; }, 'Zoom in');
  await w.getByRole('button', { name: 'Zoom out' }).click();
  await w.getByRole('button', { name: 'Zoom out' }).click();
  await until(async () => (await viewBox(page))[2] > zin[2] + 1, 'Zoom out');

  // Drag the background: the view pans.
  await w.getByRole('button', { name: /^Reset/ }).click();
  await until(async () => JSON.stringify(await viewBox(page)) === JSON.stringify(first), 'Reset after zoom');
  const bg = await backgroundPoint(page);
  await page.mouse.move(bg.x, bg.y);
  await page.mouse.down();
  await page.mouse.move(bg.x + 60, bg.y + 40, { steps: 6 });
  await page.mouse.up();
  const panned = await until(async () => { const v = await viewBox(page); return (v[0] !== first[0] || v[1] !== first[1]) && v; }, 'the background drag to pan');
  assert.equal(panned[2], first[2], 'a pan changed the zoom');

  // Drag a node: it moves, and the drag is not taken for a click (the cards stay unfiltered).
  const total = await cards(page).count();
  const node = mapNodes(page).first();
  const id = await node.getAttribute('data-node');
  const t0 = await node.getAttribute('transform');
  const box = await node.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 50, box.y + box.height / 2 + 30, { steps: 8 });
  await page.mouse.up();
  await until(async () => (await node.getAttribute('transform')) !== t0, 'the node to move under the drag');
  await page.waitForTimeout(100);
  assert.equal(await cards(page).count(), total, 'dragging a node filtered the cards as a click would');
  assert.equal(await node.getAttribute('aria-pressed'), 'false', `dragging selected ${id}`);
  await shot(page, 'gesture-dragged');

  // Reset: the first view and the first node position again.
  await w.getByRole('button', { name: /^Reset/ }).click();
  await until(async () => JSON.stringify(await viewBox(page)) === JSON.stringify(first)
    && (await node.getAttribute('transform')) === t0, 'Reset to restore view and node');
  await assertClean(assert, problems);
});

test('touch: two fingers pinch the map in and out; one finger still scrolls the page', async () => {
  const { page, problems } = await env.open({
    viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2,
  });
  const cdp = await page.context().newCDPSession(page);
  const map = mapOf(page);
  await map.scrollIntoViewIfNeeded();
  const first = await viewBox(page);
  const r = await map.boundingBox();
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const total = await cards(page).count();

  /** Two fingers from half-distance d0 to d1 (CSS px) around the map's centre. */
  async function pinch(d0, d1) {
    const at = (d) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(d0) });
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(d0 + ((d1 - d0) * i) / 8) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  // Fingers move apart: zoom in, about by the ratio of the distances (clamped by the widget).
  await pinch(30, 90);
  const zin = await until(async () => { const v = await viewBox(page); return v[2] < first[2] * 0.8 && v; }, 'the pinch to zoom in');
  await shot(page, 'touch-pinched-in', { fullPage: false });
  // Fingers move together: zoom back out.
  await pinch(90, 30);
  await until(async () => (await viewBox(page))[2] > zin[2] * 1.5, 'the pinch to zoom out');
  // A pinch is not a tap: no stakeholder got selected.
  assert.equal(await cards(page).count(), total, 'the pinch filtered the cards');
  assert.equal(await mapNodes(page).evaluateAll((els) => els.filter((e) => e.getAttribute('aria-pressed') === 'true').length), 0);

  // One finger swiping up over the map's background scrolls the page, not the map.
  const v0 = await viewBox(page);
  const y0 = await page.evaluate(() => window.scrollY);
  const bg = await backgroundPoint(page);
  const x = Math.round(bg.x);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: bg.y, id: 3 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: bg.y - i * 15, id: 3 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const y1 = await until(async () => { const y = await page.evaluate(() => window.scrollY); return y > y0 + 20 && y; }, 'a one-finger swipe to scroll the page');
  assert.ok(y1 > y0);
  assert.deepEqual(await viewBox(page), v0, 'a one-finger swipe panned the map (scroll-jacking)');
  await assertClean(assert, problems);
});
