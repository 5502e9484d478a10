// Main-thread tasks over 50 ms in a page (PerformanceObserver 'longtask'), observed from before
// the page's own scripts: the one probe of first-card.test.mjs, published-read.test.mjs and
// scripts/bench-browser.mjs.
//
// OBSERVE is a script to run first in the page (Playwright's `addInitScript({ content })`, or
// served as a classic script ahead of the page's own): every task over 50 ms since the navigation
// (buffered, so the tasks before the script ran count too) goes into `window.__long` as
// [start, duration], in ms from the page's time origin.
// FIRST_CARD adds a requestAnimationFrame watch for the first frame with a quote card on screen
// (an `article` in the widget's shadow root, else the page's own: the trivial Yew app's):
// `window.__firstCard` is its time, and the page logs `sm-first-card` to the console then, so a
// test can wait for it through a console event without calling into the page (Playwright's
// injected script is evaluated in a main-thread task of 20-200 ms on this machine, which would
// be counted before the card).

function observe() {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
}

function watchFirstCard() {
  window.__firstCard = 0;
  const look = () => {
    const w = document.querySelector('stakeholder-map');
    const a = w ? w.shadowRoot?.querySelector('article') : document.querySelector('article');
    if (a && a.checkVisibility({ visibilityProperty: true })) {
      window.__firstCard = performance.now();
      console.log('sm-first-card');
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
}

export const OBSERVE = `(${observe})();\n`;
export const FIRST_CARD = `${OBSERVE}(${watchFirstCard})();\n`;

/** Once the first card is there: the tasks over 50 ms that started before it, and its time
 * (waits 100 ms first: a long task is reported once it has ended, the one holding the card's
 * frame too). */
export async function beforeFirstCard(page) {
  const r = await page.evaluate(() => new Promise((res) => setTimeout(() => res({ long: window.__long, card: window.__firstCard }), 100)));
  return { card: r.card, long: r.long.filter(([t]) => t < r.card) };
}

/** "52 ms at 310, 70 ms at 900" (at: ms from `origin`), or "none". */
export function describe(tasks, origin = 0) {
  return tasks.length ? tasks.map(([t, d]) => `${Math.round(d)} ms at ${Math.round(t - origin)}`).join(', ') : 'none';
}
