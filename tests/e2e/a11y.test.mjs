// axe-core, run in Chromium on the demo page (light and dark, wide and narrow, and with a
// stakeholder selected): no accessibility violations, shadow DOM included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, ROOT, mapNodes, shot } from './lib.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function axe(page) {
  // addScriptTag injects axe as an inline script: this context bypasses the page's CSP for it
  // (the CSP itself is checked by every other test).
  await page.addScriptTag({ path: AXE });
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
    const { page } = await env.open({ bypassCSP: true, ...opts });
    const vs = await axe(page);
    await shot(page, `axe-${name.replace(/[^a-z0-9]+/g, '-')}`);
    assert.ok(vs.length === 0, `axe-core violations:\n${report(vs)}`);
  });
}

test('axe-core finds no violations with a stakeholder selected (dimmed map, focus panel)', async () => {
  const { page } = await env.open({ bypassCSP: true, colorScheme: 'light' });
  await mapNodes(page).first().click();
  await page.waitForTimeout(200);
  const vs = await axe(page);
  await shot(page, 'axe-selected');
  assert.ok(vs.length === 0, `axe-core violations:\n${report(vs)}`);
});
