// The iframe form of <stakeholder-map> (www/embed.html). Query: `src` (the article, a URL on this
// same origin: JSON or plain text), optional `id`, `theme` ("light" | "dark"); `paragraphs` is not
// available (the parent's paragraphs are out of reach; cards expand the paragraph in place).
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
// A height is not a secret, hence the '*' target; nothing else is sent. A parent may ask for the
// height again with { type: 'stakeholder-map:measure' } or a Pym width message.
import './stakeholder-map.js';

const params = new URLSearchParams(location.search);
const id = params.get('id') || 'sm-frame';
const pymId = params.get('childId') || id;

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
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') el.setAttribute('theme', theme);
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

// A parent asking again (frame-host.js, or Pym.js sending the width): answer only the parent.
window.addEventListener('message', (e) => {
  if (e.source !== window.parent || window.parent === window) return;
  const d = e.data;
  const asked = (d && typeof d === 'object' && d.type === 'stakeholder-map:measure')
    || (typeof d === 'string' && d.startsWith(`pymxPYMx${pymId}xPYMxwidthxPYMx`));
  if (asked) report(true);
});

new ResizeObserver(() => report()).observe(document.documentElement);
window.addEventListener('load', () => report());
start();
