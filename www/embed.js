// The iframe form of <stakeholder-map> (www/embed.html). Query: `src` (the article, a URL on this
// same origin: JSON or plain text), optional `id`, and the element's options, each checked and
// ignored (with a console warning) when malformed: `theme` ("light" | "dark"), `max-cards` (a
// number or "all"), `lang` (a language tag: "fr", "en-GB"), `selected` (a stakeholder id);
// `paragraphs` is not available (the parent's paragraphs are out of reach; cards expand the
// paragraph in place).
//
// The article is fetched here, not by the element: a response whose final URL (after redirects,
// `response.url`) is on another origin is refused with a message, whatever the CSP says.
//
// The page reports its height to the parent whenever it changes, in four forms, so that the
// resizers news sites already run size it without any script of ours:
//   { type: 'stakeholder-map:height', id, height }     www/frame-host.js
//   'pymxPYMx' + childId + 'xPYMxheightxPYMx' + height  Pym.js (childId from the query, as Pym sets it)
//   { sentinel: 'amp', type: 'embed-size', height }      AMP's <amp-iframe resizable>
//   { 'datawrapper-height': { [id]: height } }           Datawrapper's responsive embed script
// A height is not a secret, hence the '*' target. A parent may ask for the height again with
// { type: 'stakeholder-map:measure' } or a Pym width message.
//
// The widget's events go to the parent as they happen, to the parent's origin only (known from
// location.ancestorOrigins, else document.referrer; unknown: not sent), and frame-host.js
// re-dispatches them as the same CustomEvents on the <iframe>:
//   { type: 'stakeholder-map:select', id, detail: { id, name, kind, role } }   (detail.id null: cleared)
//   { type: 'stakeholder-map:quote',  id, detail: { id, speaker, name, paragraph, text } }
// The parent (its window, and its origin when known; nobody else) may select a stakeholder:
//   { type: 'stakeholder-map:request-select', stakeholder: 'jd-vance' }   (null: clear)
import './stakeholder-map.js';

const params = new URLSearchParams(location.search);
const id = params.get('id') || 'sm-frame';
const pymId = params.get('childId') || id;
const EVENTS = ['stakeholder-map:select', 'stakeholder-map:quote'];

/** The element's options from the query: only well-formed values (docs: README, "iframe form"). */
const OPTIONS = {
  theme: (v) => v === 'light' || v === 'dark',
  'max-cards': (v) => /^(all|[0-9]{1,4})$/.test(v),
  lang: (v) => v.length <= 64 && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(v),
  // An id as the analysis writes it (a slug) or an editor may have typed it: no control characters.
  selected: (v) => v.length > 0 && v.length <= 200 && !/[\u0000-\u001f\u007f]/.test(v),
};
function options() {
  const out = [];
  for (const [name, ok] of Object.entries(OPTIONS)) {
    const v = params.get(name);
    if (v === null) continue;
    if (ok(v)) out.push([name, v]);
    else console.warn(`stakeholder-map frame: ignoring ${name}=${JSON.stringify(v.slice(0, 80))} (not a valid value)`);
  }
  return out;
}

/** The parent page's origin, when the frame can tell it: location.ancestorOrigins, else the referrer. */
function parentOrigin() {
  if (window.parent === window) return null;
  const anc = location.ancestorOrigins;
  if (anc && anc.length > 0 && anc[0] !== 'null') return anc[0];
  try {
    const o = new URL(document.referrer).origin;
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}
const parentAt = parentOrigin();
let requested; // a selection the parent asked for before the element existed

/** Only articles from this page's own origin: the frame never shows what another site serves. */
function sameOrigin(src) {
  try {
    const u = new URL(src, location.href);
    return u.origin === location.origin ? u.href : null;
  } catch {
    return null;
  }
}

/** A clear inline message instead of the widget (the element is not mounted). */
function fail(message) {
  const p = document.createElement('p');
  p.className = 'sm-frame-error';
  p.setAttribute('role', 'alert');
  p.textContent = `The stakeholder map could not be shown: ${message}`;
  document.body.replaceChildren(p);
}

/**
 * The article's text, fetched from `url` (same origin). Throws an Error with a reader-facing
 * message when it cannot be had, or when the response came from elsewhere after a redirect.
 */
async function fetchArticle(url) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new Error(`the article at ${url} could not be loaded (a network error, or a redirect to another site).`);
  }
  let final = null;
  try {
    final = new URL(res.url);
  } catch { /* an opaque or empty URL: refused below */ }
  if (!final || final.origin !== location.origin) {
    throw new Error(`the article at ${url} was redirected to ${res.url || 'an unknown address'}, which is not on ${location.origin}.`);
  }
  if (!res.ok) throw new Error(`could not load the article (${res.status} ${res.statusText}).`);
  return res.text();
}

async function start() {
  const src = params.get('src');
  const url = src === null ? null : sameOrigin(src);
  if (src === null) {
    fail('no article given (add ?src= with the article\'s address to the frame\'s URL).');
    return;
  }
  if (url === null) {
    fail(`the article address "${src}" is not on ${location.origin}.`);
    return;
  }
  const loading = document.createElement('p');
  loading.className = 'sm-frame-loading';
  loading.textContent = 'Loading the stakeholder map…';
  document.body.replaceChildren(loading);
  let text;
  try {
    text = await fetchArticle(url);
  } catch (e) {
    fail(e.message);
    return;
  }
  // The article goes in as an inline article (a non-executable script element's text: the element
  // reads it as text, JSON or plain), so the element starts with it and never fetches itself.
  const el = document.createElement('stakeholder-map');
  el.id = id;
  for (const [name, v] of options()) el.setAttribute(name, v);
  if (requested !== undefined) el.select(requested);
  if (el.hasAttribute('lang')) document.documentElement.lang = el.getAttribute('lang');
  // The widget's events, to the parent's origin (never '*': they carry the article's words).
  for (const type of EVENTS) {
    el.addEventListener(type, (e) => {
      if (parentAt === null) return;
      let detail = null;
      try {
        detail = JSON.parse(JSON.stringify(e.detail ?? null));
      } catch { /* not plain data: sent without */ }
      window.parent.postMessage({ type, id, detail }, parentAt);
    });
  }
  const inline = document.createElement('script');
  inline.type = 'text/plain';
  inline.textContent = text;
  el.append(inline);
  document.body.replaceChildren(el);
}

let last = -1;
function report(force) {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last && force !== true) return;
  last = height;
  const p = window.parent;
  p.postMessage({ type: 'stakeholder-map:height', id, height }, '*');
  p.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
  p.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  p.postMessage({ 'datawrapper-height': { [id]: height } }, '*');
}

// A parent asking again (frame-host.js, or Pym.js sending the width), or asking to select:
// answer only the parent (its window; and its origin, when known, for a selection).
window.addEventListener('message', (e) => {
  if (e.source !== window.parent || window.parent === window) return;
  const d = e.data;
  if (d && typeof d === 'object' && d.type === 'stakeholder-map:request-select') {
    if (parentAt !== null && e.origin !== parentAt) return;
    const want = d.stakeholder;
    if (want !== null && !(typeof want === 'string' && OPTIONS.selected(want))) return;
    const el = document.querySelector('stakeholder-map');
    if (el) el.select(want);
    else requested = want; // before the article arrived: applied when the element is made
    return;
  }
  const asked = (d && typeof d === 'object' && d.type === 'stakeholder-map:measure')
    || (typeof d === 'string' && d.startsWith(`pymxPYMx${pymId}xPYMxwidthxPYMx`));
  if (asked) report(true);
});

new ResizeObserver(() => report()).observe(document.documentElement);
window.addEventListener('load', () => report());
start();
