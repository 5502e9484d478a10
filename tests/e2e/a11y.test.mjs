// axe-core, run in Chromium on the demo page (light and dark, wide and
// narrow, and with a stakeholder selected): no accessibility violations, shadow DOM included.
// And prefers-reduced-motion is respected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, mapNodes, shot, assertClean } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function axe(page) {
  // axe-core is served from the page's origin (tests/e2e/lib.mjs). Its checks set inline styles,
  // which the strict CSP blocks, so these pages bypass the CSP; every other test runs under it
  // (and the widget's own CSP cleanliness is asserted there).
  await page.addScriptTag({ url: '/__test/axe.min.js' });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary?.split('\n').slice(0, 3).join(' ')}`),
    }));
  });
}

const report = (vs) => vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');

for (const [name, opts] of [
  ['light, 1280 wide', { colorScheme: 'light' }],
  ['dark, 1280 wide', { colorScheme: 'dark' }],
  ['light, 360 wide', { colorScheme: 'light', viewport: { width: 360, height: 740 } }],
  ['dark, 360 wide', { colorScheme: 'dark', viewport: { width: 360, height: 740 } }],
]) {
  test(`axe-core finds no violations (${name})`, async () => {
    const { page, problems } = await env.open({ bypassCSP: true, ...opts });
    const vs = await axe(page);
    await shot(page, `axe-${name.replace(/[^a-z0-9]+/g, '-')}`);
    assert.ok(vs.length === 0, `axe-core violations:\n${report(vs)}`);
    await assertClean(assert, problems);
  });
}

test('axe-core finds no violations with a stakeholder selected (dimmed map, focus panel)', async () => {
  const { page, problems } = await env.open({ bypassCSP: true, colorScheme: 'light' });
  await mapNodes(page).first().click();
  await page.waitForTimeout(200);
  const vs = await axe(page);
  await shot(page, 'axe-selected');
  assert.ok(vs.length === 0, `axe-core violations:\n${report(vs)}`);
  await assertClean(assert, problems);
});

test('prefers-reduced-motion: no transitions on the map or the cards', async () => {
  const durations = async (reducedMotion) => {
    const { page, context } = await env.open({ reducedMotion });
    const d = await page.evaluate(() => {
      const r = document.querySelector('stakeholder-map').shadowRoot;
      return ['.sm-node', '.sm-edge', 'article'].map((sel) => {
        const el = r.querySelector(sel);
        return el ? getComputedStyle(el).transitionDuration.split(',').map(parseFloat).reduce((a, b) => Math.max(a, b), 0) : null;
      });
    });
    await context.close();
    return d;
  };
  const moving = await durations('no-preference');
  assert.ok(moving.some((x) => x > 0), `expected transitions without the preference: ${moving}`);
  const still = await durations('reduce');
  assert.deepEqual(still.filter((x) => x !== null && x > 0), [], `transitions under reduced motion: ${still}`);
});
