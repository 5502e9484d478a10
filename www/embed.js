// The iframe form of <stakeholder-map> (www/embed.html). Query: `src` (the article, a URL on this
// same origin: JSON or plain text), optional `id`, `theme` ("light" | "dark"), `paragraphs` is not
// available (the parent's paragraphs are out of reach; cards expand the paragraph in place).
// The page reports its height to the parent whenever it changes:
//   parent.postMessage({ type: 'stakeholder-map:height', id, height }, '*')
// so the host can size the iframe without scrollbars (www/frame-host.js does that). A height is
// not a secret, hence the '*' target; nothing else is sent.
import './stakeholder-map.js';

const params = new URLSearchParams(location.search);
const id = params.get('id') || 'sm-frame';
const el = document.createElement('stakeholder-map');
el.id = id;
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') el.setAttribute('theme', theme);

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

const src = params.get('src');
const url = src === null ? null : sameOrigin(src);
if (src === null) {
  fail('no article given (add ?src= with the article\'s address to the frame\'s URL).');
} else if (url === null) {
  fail(`the article address "${src}" is not on ${location.origin}.`);
} else {
  el.setAttribute('src', url);
  document.body.append(el);
}

let last = -1;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'stakeholder-map:height', id, height }, '*');
}
new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
