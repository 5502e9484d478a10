// Screenshots at 1280 and 360 px wide, light and dark (saved in artifacts/), with the checks a
// reader would make by eye: map and cards side by side on wide screens and stacked on narrow ones,
// no sideways scrolling, the dark theme really dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, shot, assertClean, mapOf, cards, WIDGET } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const luminance = (rgb) => {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(rgb);
  if (!m) return null;
  if (m[4] !== undefined && Number(m[4]) === 0) return null; // transparent
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => { const c = Number(v) / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** The first non-transparent background behind the widget's content. */
async function widgetBackground(page) {
  return page.locator(`${WIDGET} .sm-widget`).first().evaluate((el) => {
    for (let e = el; e; e = e.parentElement || e.getRootNode().host) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    return getComputedStyle(document.body).backgroundColor;
  });
}

for (const width of [1280, 360]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshot ${width} wide, ${scheme}`, async () => {
      const { page, problems } = await env.open({ viewport: { width, height: width > 800 ? 900 : 740 }, colorScheme: scheme });
      await shot(page, `demo-${width}-${scheme}`);
      const map = await mapOf(page).boundingBox();
      const card = await cards(page).first().boundingBox();
      assert.ok(map && card, 'map or first card not visible');
      if (width >= 1000) {
        assert.ok(card.x >= map.x + map.width - 1, `wide: cards should sit beside the map (map ${JSON.stringify(map)}, card ${JSON.stringify(card)})`);
      } else {
        assert.ok(card.y >= map.y + map.height - 1, `narrow: cards should sit below the map (map ${JSON.stringify(map)}, card ${JSON.stringify(card)})`);
        assert.ok(map.width <= width && map.x >= 0, `narrow: the map overflows the screen: ${JSON.stringify(map)}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      const lum = luminance(await widgetBackground(page));
      assert.ok(lum !== null, 'no background colour found');
      if (scheme === 'dark') assert.ok(lum < 0.2, `dark scheme but a light background (luminance ${lum.toFixed(2)})`);
      else assert.ok(lum > 0.5, `light scheme but a dark background (luminance ${lum.toFixed(2)})`);
      await assertClean(assert, problems);
    });
  }
}

test('print: every card in full, no controls, and a PDF of the page', async () => {
  const { page, problems } = await env.open();
  await page.emulateMedia({ media: 'print' });
  const r = await page.evaluate(() => {
    const root = document.querySelector('stakeholder-map').shadowRoot;
    const col = root.querySelector('.sm-col-cards');
    const shown = (sel) => [...root.querySelectorAll(sel)].filter((e) => getComputedStyle(e).display !== 'none').length;
    return { clipped: col.scrollHeight - col.clientHeight, controls: shown('.sm-map-tools, .sm-filters, .sm-exports, .sm-card-actions, .sm-more'), cards: root.querySelectorAll('article').length };
  });
  assert.ok(r.clipped <= 1, `the card column still scrolls in print by ${r.clipped}px`);
  assert.equal(r.controls, 0, 'controls shown in print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 20000 && pdf.subarray(0, 5).toString() === '%PDF-');
  await assertClean(assert, problems);
});
