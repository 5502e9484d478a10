// The analyser: a module Web Worker that every <stakeholder-map> on the page shares (one per
// page, started by stakeholder-map.js when the first article needs analysing; a published
// analysis never starts it). It runs pkg/stakeholder_map_analyser (input, text, analysis, model:
// no UI code) off the main thread, so a long article never freezes the reader's page.
// The page keeps the queue and posts one request at a time, so that the one running is known:
// when it is superseded (a newer article for the same element), the page terminates this worker
// (the analysis really stops) and starts a fresh one for the requests still waiting.
// Messages in:  { id, text }                    analyse
// Messages out: { id, progress: paragraphs }    the article was read; its analysis starts
//               { id, key, json }               the analysis, analysis@1 JSON text (the viewer reads it once)
//               { id, key, error: { path, message } }  the article could not be read
//               { id, failed: message }         the analyser's code could not be loaded
// The glue and the binary are fetched in parallel. CSP: a same-origin module worker is allowed by
// `worker-src 'self'` (or, without worker-src, `script-src 'self'`); the wasm needs
// 'wasm-unsafe-eval' in the policy the worker script is served with.
const binary = fetch(new URL('../pkg/stakeholder_map_analyser_bg.wasm', import.meta.url));
const analyser = import('../pkg/stakeholder_map_analyser.js').then(async (m) => {
  await m.default({ module_or_path: binary });
  return m;
});
analyser.catch(() => {});
const text = (e) => String(e && e.message ? e.message : e);

self.onmessage = async ({ data: job }) => {
  let out;
  try {
    const m = await analyser;
    try {
      out = m.analyse(job.text, (paragraphs) => postMessage({ id: job.id, progress: paragraphs }));
    } catch (e) {
      out = { key: '', error: { path: '$', message: `the analysis stopped (${text(e)})` } };
    }
  } catch (e) {
    out = { failed: text(e) };
  }
  postMessage({ id: job.id, ...out });
};
