// Host-page side of the iframe embed: sizes every <iframe data-stakeholder-map> to the height its
// page reports (www/embed.js), so the widget never shows a scrollbar of its own.
//
//   <iframe data-stakeholder-map title="Stakeholder map"
//           src="https://widgets.example/www/embed.html?src=/articles/123.json"></iframe>
//   <script type="module" src="https://widgets.example/www/frame-host.js"></script>
//
// Only messages from one of those iframes' own windows are taken, and only a finite, bounded
// height is applied, as the iframe's `height` attribute (no inline style: CSP-friendly).
const MAX = 20000;

window.addEventListener('message', (e) => {
  const d = e.data;
  if (!d || d.type !== 'stakeholder-map:height' || typeof d.height !== 'number' || !Number.isFinite(d.height)) return;
  for (const f of document.querySelectorAll('iframe[data-stakeholder-map]')) {
    if (f.contentWindow === e.source) {
      f.setAttribute('height', String(Math.max(0, Math.min(MAX, Math.ceil(d.height)))));
      f.dispatchEvent(new CustomEvent('stakeholder-map:resize', { bubbles: true, detail: { height: d.height } }));
    }
  }
});
