// Host-page side of the iframe embed: sizes every <iframe data-stakeholder-map> to the height its
// page reports (www/embed.js), so the widget never shows a scrollbar of its own.
//
//   <iframe data-stakeholder-map class="stakeholder-map-frame" title="Stakeholder map" loading="lazy"
//           src="https://widgets.example/stakeholder-map/0.1.0/www/embed.html?src=/articles/123.json"></iframe>
//   <script src="https://widgets.example/stakeholder-map/0.1.0/www/frame-host.js" defer></script>
//
// A classic script on purpose (no `type="module"`, no import/export): a classic script loads from
// any origin without CORS headers, and may as well be copied onto the host's own site. It only
// needs the host's CSP to allow it in `script-src` (and the frame's origin in `frame-src`).
//
// A message is taken only when it comes from one of those iframes' own window (`event.source`)
// AND from the origin of that iframe's `src` (`event.origin`): a frame that was navigated or
// redirected elsewhere, another frame, or the page itself cannot resize it. Only a finite height
// within bounds is applied, through CSSOM (`iframe.style.setProperty('height', …, 'important')`:
// allowed under `style-src 'self'`, and it wins over a host reset such as
// `iframe { height: auto !important }`). Each resize fires `stakeholder-map:resize` on the iframe.
// The frame also posts the Pym.js, AMP and Datawrapper forms of its height, so a page that already
// runs one of those resizers needs no script from us at all.
//
// The widget's events: the frame posts { type: 'stakeholder-map:select' | 'stakeholder-map:quote',
// id, detail } (www/embed.js); taken from the same windows and origins as heights, each is
// re-dispatched on the <iframe> as the CustomEvent of that name (bubbling, `detail` as the element
// gives it), so a host listens as it would on the element. And the host may select:
//   StakeholderMapFrames.select(iframe, 'jd-vance')   // null clears
// posts { type: 'stakeholder-map:request-select', stakeholder } to that frame, at its src origin.
(function () {
  'use strict';
  if (window.__stakeholderMapFrameHost) return; // loaded twice: one listener is enough
  window.__stakeholderMapFrameHost = true;

  var MAX = 20000;
  var SELECTOR = 'iframe[data-stakeholder-map]';

  /** The origin of an iframe's `src`, or null when it has none that can post (about:, data:). */
  function srcOrigin(frame) {
    var src = frame.getAttribute('src');
    if (!src) return null;
    try {
      var o = new URL(src, document.baseURI).origin;
      return o === 'null' ? null : o;
    } catch (e) {
      return null;
    }
  }

  /** The iframe whose window sent `e`, when it also came from that iframe's `src` origin. */
  function frameOf(e) {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow === e.source && e.source !== null) {
        return srcOrigin(f) === e.origin ? f : null;
      }
    }
    return null;
  }

  var EVENTS = ['stakeholder-map:select', 'stakeholder-map:quote'];

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object') return;
    if (EVENTS.indexOf(d.type) >= 0) {
      var from = frameOf(e);
      var detail = d.detail && typeof d.detail === 'object' ? d.detail : null;
      if (from && detail) from.dispatchEvent(new CustomEvent(d.type, { bubbles: true, detail: detail }));
      return;
    }
    if (d.type !== 'stakeholder-map:height') return;
    if (typeof d.height !== 'number' || !isFinite(d.height)) return;
    var f = frameOf(e);
    if (!f) return;
    var h = Math.max(0, Math.min(MAX, Math.ceil(d.height)));
    f.style.setProperty('height', h + 'px', 'important');
    f.dispatchEvent(new CustomEvent('stakeholder-map:resize', { bubbles: true, detail: { height: h } }));
  });

  /**
   * Asks every frame to report its height again: a frame that loaded before this script (or
   * posted while nobody listened) is sized too. Sent to the frame's own origin only.
   */
  function ask(f) {
    var o = srcOrigin(f);
    var w = f.contentWindow;
    if (!o || !w) return;
    // A document the host can read is the frame's initial about:blank (not loaded yet: its load
    // event will ask) unless the frame is on the host's own origin; one it cannot read is loaded.
    var href = null;
    try {
      href = w.location.href;
    } catch (e) { /* cross-origin: loaded */ }
    if (href !== null && new URL(href).origin !== o) return;
    w.postMessage({ type: 'stakeholder-map:measure' }, o);
  }
  function askAll() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      ask(frames[i]);
      frames[i].addEventListener('load', function (ev) { ask(ev.currentTarget); });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askAll);
  else askAll();

  /** The host's way in: select stakeholder `id` (null clears) in a managed frame's widget. */
  window.StakeholderMapFrames = {
    select: function (frame, id) {
      var o = frame && frame.matches && frame.matches(SELECTOR) ? srcOrigin(frame) : null;
      if (!o || !frame.contentWindow) return false;
      frame.contentWindow.postMessage({ type: 'stakeholder-map:request-select', stakeholder: id == null || id === '' ? null : String(id) }, o);
      return true;
    }
  };
})();
