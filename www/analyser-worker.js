// The analyser: a module Web Worker that every <stakeholder-map> on the page shares (one per
// page, started by stakeholder-map.js when the first article needs analysing; a published
// analysis never starts it). It runs pkg/stakeholder_map_analyser (input, text, analysis, model:
// no UI code) off the main thread, so a long article never freezes the reader's page.
// Messages in:  { id, owner, text }  analyse (a newer request from the same owner drops the older
//                                    one while it waits: last request wins)
//               { cancel: owner }    drop that owner's waiting request
// Messages out: { id, progress: paragraphs }  the article was read; its analysis starts
//               { id, key, json }             the analysis, analysis@1 JSON text (the viewer reads it once)
//               { id, key, error: { path, message } }  the article could not be read
//               { id, cancelled: true }       dropped for a newer request (or a cancel)
//               { id, failed: message }       the analyser's code could not be loaded
// The glue and the binary are fetched in parallel. CSP: a same-origin module worker is allowed by
// `worker-src 'self'` (or, without worker-src, `script-src 'self'`); the wasm needs
// 'wasm-unsafe-eval' in the policy the worker script is served with.
const binary = fetch(new URL('../pkg/stakeholder_map_analyser_bg.wasm', import.meta.url));
const analyser = import('../pkg/stakeholder_map_analyser.js').then(async (m) => {
  await m.default({ module_or_path: binary });
  return m;
});
analyser.catch(() => {});

const waiting = [];
let busy = false;

function drop(owner) {
  for (let i = waiting.length - 1; i >= 0; i--) {
    if (waiting[i].owner === owner) postMessage({ id: waiting.splice(i, 1)[0].id, cancelled: true });
  }
}

self.onmessage = (e) => {
  const m = e.data || {};
  if (m.cancel !== undefined) {
    drop(m.cancel);
    return;
  }
  drop(m.owner);
  waiting.push(m);
  if (!busy) next();
};

async function next() {
  busy = true;
  let m;
  try {
    m = await analyser;
  } catch (e) {
    for (const job of waiting.splice(0)) postMessage({ id: job.id, failed: String(e && e.message ? e.message : e) });
    busy = false;
    return;
  }
  // A macrotask between jobs: messages that arrived during the last analysis are read first, so a
  // request replaced meanwhile is dropped before it runs.
  await new Promise((r) => setTimeout(r, 0));
  const job = waiting.shift();
  if (!job) {
    busy = false;
    return;
  }
  let out;
  try {
    out = m.analyse(job.text, (paragraphs) => postMessage({ id: job.id, progress: paragraphs }));
  } catch (e) {
    out = { key: '', error: { path: '$', message: `the analysis stopped (${e && e.message ? e.message : e})` } };
  }
  postMessage({ id: job.id, ...out });
  next();
}
