// The host page and the widget leave each other alone (tests/e2e/pages/host-styles.html): the
// host's generic and even same-named styles (.sm-card, svg, article, button) do not reach into the
// widget, and mounting the widget changes no computed style of the host's own elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, assertClean, cards, mapOf } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PROPS = ['font-family', 'font-size', 'line-height', 'color', 'background-color', 'margin-top', 'letter-spacing', 'text-transform', 'display'];

test('hostile host styles do not reach the widget, and the widget changes nothing of the host', async () => {
  const { page, problems } = await env.open({ path: '/__test/host-styles.html', wait: false });
  const snapshot = () => page.evaluate((props) => Object.fromEntries(['body', '#host-h2', '#host-p', '#host-button', '#host-after'].map((sel) => {
    const cs = getComputedStyle(document.querySelector(sel));
    return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
  })), PROPS);
  await page.waitForLoadState('domcontentloaded');
  // Before the widget mounts (wasm not loaded yet is fine: the styles are the page's).
  const beforeMount = await snapshot();
  await cards(page).first().waitFor({ state: 'visible', timeout: 20000 });
  const afterMount = await snapshot();
  assert.deepEqual(afterMount, beforeMount, 'mounting the widget changed the host page\'s styles');
  // Inside, the widget looks like itself: map and cards shown, its own fonts and sizes.
  const inside = await page.evaluate(() => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    const card = root.querySelector('article.sm-card');
    const svg = root.querySelector('svg.sm-map');
    const btn = root.querySelector('button');
    const title = root.querySelector('.sm-title');
    return {
      card: getComputedStyle(card).display, svg: getComputedStyle(svg).display,
      buttonBg: getComputedStyle(btn).backgroundColor, buttonSize: parseFloat(getComputedStyle(btn).fontSize),
      titleTransform: getComputedStyle(title).textTransform, titleColor: getComputedStyle(title).color,
    };
  });
  assert.notEqual(inside.card, 'none');
  assert.notEqual(inside.svg, 'none');
  assert.notEqual(inside.buttonBg, 'rgb(255, 0, 255)');
  assert.ok(inside.buttonSize < 24, `host button font-size leaked in: ${inside.buttonSize}`);
  assert.equal(inside.titleTransform, 'none');
  assert.notEqual(inside.titleColor, 'rgb(200, 0, 0)');
  const box = await mapOf(page).boundingBox();
  assert.ok(box && box.width > 300 && box.height > 200, `map not visible: ${JSON.stringify(box)}`);
  await assertClean(assert, problems);
});
