// <stakeholder-map>: the embeddable element; one viewer wasm instance per page, one widget per
// element, and one analyser Web Worker (www/analyser-worker.js) shared by all of them.
// Reference (attributes, setArticle, events, loading, pre-render, moves): docs/theming.md and the
// README's "Embedding". CSP-friendly: no eval, no inline styles, no HTML parsing; the article is
// always text. It ships minified (scripts/minify.mjs, at build time).
// Attributes the widget reads: `max-cards` (number or "all"; default 3), `lang` (here, else the
// article's lang/inLanguage, else an ancestor's; www/i18n/LANG.json), `selected`; `select(id)`,
// the `selected` property and the `stakeholder-map:select` / `:quote` events: README, "The host
// page's API" and "Languages".

const here = import.meta.url;
const wasmGlueDefault = new URL('../pkg/stakeholder_map.js', here).href;
const cssDefault = new URL('stakeholder-map.css', here).href;
const wasmBinaryDefault = new URL('../pkg/stakeholder_map_bg.wasm', here).href;
const workerDefault = new URL('analyser-worker.js', here).href;
const analyserGlueDefault = new URL('../pkg/stakeholder_map_analyser.js', here).href;
const loads = new Map();
/** Attributes the widget itself reads (see _widgetAttribute); languages with a strings file. */
const WIDGET_ATTRIBUTES = ['max-cards', 'selected', 'lang'];
const LANGS = ['en', 'fr', 'de', 'es'];
const stringFiles = new Map();

function wasmBinaryOf(glue) {
  if (glue === wasmGlueDefault) return wasmBinaryDefault;
  const u = new URL(glue);
  if (!/\.js$/.test(u.pathname)) return null;
  u.pathname = u.pathname.replace(/\.js$/, '_bg.wasm');
  return u.href;
}

function loadWasm(glue) {
  glue = new URL(glue, document.baseURI).href;
  if (!loads.has(glue)) {
    const bin = wasmBinaryOf(glue);
    const binary = bin ? fetch(bin).then((r) => (r.ok ? r : null), () => null) : Promise.resolve(null);
    const p = import(glue).then(async (m) => {
      const res = await binary;
      await (res ? m.default({ module_or_path: res }) : m.default());
      return m;
    });
    p.catch(() => loads.delete(glue));
    loads.set(glue, p);
  }
  return loads.get(glue);
}

// The analyser: one module worker for the page, given one request at a time (the queue is
// here, so the running one is known); a superseded running request terminates the worker, and a
// fresh one takes the requests still waiting. Where a worker cannot start (a page that serves
// the package from another origin), the same analyser module runs on the main thread instead.
let worker = null;
let analyserHere = null;
let jobs = 0;
const queue = [];
let running = null;

const unloaded = (why) => Object.assign(new Error(`the analyser could not be loaded (${why})`), { reason: 'wasm' });

function startWorker() {
  if (worker !== null) return worker;
  try {
    const w = worker = new Worker(workerDefault, { type: 'module', name: 'stakeholder-map analyser' });
    w.onmessage = ({ data }) => {
      const job = running;
      if (w !== worker || data.id !== job?.id) return;
      if (data.progress !== undefined) return job.progress?.(data.progress);
      running = null;
      if (data.failed !== undefined) job.reject(unloaded(data.failed)); else job.resolve(data);
      pump();
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      if (w !== worker) return;
      worker = false;
      for (const job of [running, ...queue.splice(0)]) job?.reject(unloaded(e.message || 'the worker stopped'));
      running = null;
    };
  } catch {
    worker = false;
  }
  return worker;
}

function pump() {
  if (running || !queue.length || !startWorker()) return;
  running = queue.shift();
  worker.postMessage({ id: running.id, text: running.text });
}

/** The analysis of `text` for `owner` (an element): { key, analysis } or { key, error };
 * cancelAnalysis(owner) answers its request { cancelled: true }. */
function analyse(owner, text, progress) {
  return new Promise((resolve, reject) => {
    if (startWorker()) {
      queue.push({ id: ++jobs, owner, text, progress, resolve, reject });
      return pump();
    }
    analyserHere ??= import(analyserGlueDefault).then(async (m) => { await m.default(); return m; });
    analyserHere.then((m) => resolve(m.analyse(text, progress)), (e) => {
      analyserHere = null;
      reject(unloaded(message(e)));
    });
  });
}

function cancelAnalysis(owner) {
  for (let i = queue.length; i--;) if (queue[i].owner === owner) queue.splice(i, 1)[0].resolve({ cancelled: true });
  if (running?.owner !== owner) return;
  running.resolve({ cancelled: true });
  worker.terminate();
  running = worker = null;
  pump();
}

/** Might `text` be a published analysis (a JSON object with a "schema" member)? Only then does
 * the viewer read it before the worker is asked: a published analysis never loads the analyser. */
function maybePublished(text) {
  return /^[\s\ufeff]*\{/.test(text) && text.includes('"schema"');
}

function hasArticle(node) {
  if (Array.isArray(node)) return node.some(hasArticle);
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node['@graph']) && node['@graph'].some(hasArticle)) return true;
  const types = [].concat(node['@type'] || []);
  return types.some((t) => typeof t === 'string' && /Article$/.test(t)) && typeof node.articleBody === 'string';
}

function pageJsonLd() {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      if (hasArticle(JSON.parse(s.textContent))) return s.textContent;
    } catch { /* not JSON: skip it, like a search engine would */ }
  }
  return null;
}

let counter = 0;
let uids = 0;
const noteText = (n) => (n ? `Analysing the article (${n} paragraph${n === 1 ? '' : 's'})…` : 'Analysing the article…');
const NO_ARTICLE_MS = 2000;
const NEAR = '150% 0px';

// Applies in the first frame, before the stylesheet arrives: the loading box reserves about the
// live widget's height for its width (docs/theming.md). `--sm-reserve` overrides.
const RESERVE_CSS = ':host{display:block}:host([hidden]){display:none}'
  + '.sm-root{container:sm/inline-size;position:relative;border-top:3px solid;padding:16px 0 8px}'
  + '.sm-settling{position:absolute;top:0;left:0;right:0;visibility:hidden}'
  + '.sm-loading{margin:0;min-height:var(--sm-reserve,calc(112cqw + var(--sm-font-size,16px)*44))}'
  + '@container sm (min-width:520px){.sm-loading{min-height:var(--sm-reserve,calc(70cqw + var(--sm-font-size,16px)*44))}}'
  + '@container sm (min-width:760px){.sm-loading{min-height:var(--sm-reserve,calc(var(--sm-font-size,16px)*56))}}';
let reserveSheet;
function reserve() {
  if (reserveSheet === undefined) {
    try { (reserveSheet = new CSSStyleSheet()).replaceSync(RESERVE_CSS); } catch { reserveSheet = null; }
  }
  return reserveSheet;
}

let io;
function nearObserver() {
  io ??= typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) { io.unobserve(e.target); e.target._becameNear(); }
  }, { rootMargin: NEAR }) : null;
  return io;
}

function inputError(shown) {
  const e = shown.error();
  return e.length === 2 ? e : null;
}

const ANALYSING_NOTE_MS = 150;
const READ = 1 << 16;
const pause = () => globalThis.scheduler?.yield?.() ?? new Promise((res) => setTimeout(res, 0));

const message = (e) => (e && e.message ? e.message : String(e));

class StakeholderMapElement extends HTMLElement {
  static get observedAttributes() { return ['src', 'editable', ...WIDGET_ATTRIBUTES]; }

  static keepDetachedMs = 60000;

  constructor() {
    super();
    let declared = null;
    try {
      this._internals = this.attachInternals();
      declared = this._internals.shadowRoot;
    } catch { /* no ElementInternals */ }
    this._root = declared || this.attachShadow({ mode: 'open' });
    const sheet = reserve();
    if (sheet) this._root.adoptedStyleSheets = [...this._root.adoptedStyleSheets, sheet];
    // Each article asked for (src, inline, JSON-LD, setArticle) is a numbered request; only the
    // latest (_want) is shown; _done: the number last shown or failed; _parked: a result that
    // arrived while detached.
    Object.assign(this, {
      _handle: null, _container: null, _pre: [], _ns: null, _gen: 0, _want: null, _done: 0, _parked: null,
      _connected: false, _near: false, _keepTimer: 0, _waitTimer: 0, _uid: ++uids, _analysis: null,
    });
  }

  connectedCallback() {
    this._connected = true;
    const report = this._onAttach;
    this._onAttach = null;
    report?.();
    clearTimeout(this._keepTimer);
    this._setup();
    if (!this._ns) this._ns = this.id || `sm${++counter}`;
    if (!this._want) this._declare();
    const parked = this._parked;
    if (parked && parked.want === this._want) {
      this._parked = null;
      if (parked.error) this._failed(parked.want, parked.error);
      else this._finish(parked.want, parked);
    } else {
      this._maybeStart();
    }
  }

  disconnectedCallback() {
    // Kept for a move or a re-attach; freed (_drop) after keepDetachedMs detached.
    this._connected = false;
    nearObserver()?.unobserve(this);
    clearTimeout(this._keepTimer);
    this._keepTimer = setTimeout(() => this._drop(), StakeholderMapElement.keepDetachedMs);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'src' && newValue !== null && oldValue !== newValue) this._request({ kind: 'src', value: newValue, via: 'src' });
    if (name === 'editable' && this._handle) this._handle.set_editable(newValue !== null);
    if (WIDGET_ATTRIBUTES.includes(name)) this._widgetAttribute(name, newValue);
  }

  /** Selects stakeholder `id` (its id in the analysis; null clears), as a reader's click would. */
  select(id) {
    const v = id === null || id === undefined || id === '' ? null : String(id);
    this._selecting = true;
    if (v === null) this.removeAttribute('selected'); else this.setAttribute('selected', v);
    this._selecting = false;
    if (this._handle) this._handle.select(v ?? undefined);
  }

  /** The selected stakeholder's id (null: none); setting it selects. */
  get selected() {
    return this._handle ? (this._handle.selected() ?? null) : this.getAttribute('selected');
  }

  set selected(id) { this.select(id); }

  /** max-cards, selected and lang changed after the widget is mounted (mount reads them first). */
  _widgetAttribute(name, value) {
    if (name === 'lang') {
      const strings = this._widgetStrings();
      strings.then((t) => { if (this._handle) this._handle.set_strings(t ?? undefined); });
    } else if (this._handle && name === 'max-cards') {
      this._handle.set_max_cards(value ?? undefined);
    } else if (this._handle && name === 'selected' && !this._selecting) {
      this._handle.select(value || undefined);
    }
  }

  /** The strings file's text for this element's `lang`, else the article's, else an ancestor's; null: English. */
  _widgetStrings() {
    const lang = (this.getAttribute('lang') || this._articleLang || this.closest('[lang]')?.getAttribute('lang') || '').toLowerCase().split('-')[0];
    if (lang === 'en' || !LANGS.includes(lang)) return Promise.resolve(null);
    const url = new URL(`i18n/${lang}.json`, here).href;
    if (!stringFiles.has(url)) {
      stringFiles.set(url, fetch(url).then((r) => (r.ok ? r.text() : null)).catch(() => null));
    }
    return stringFiles.get(url);
  }

  /** The analysis shown (a plain object, as `analysis@1` JSON has it; before any editor's
   * correction), or null while there is none. Parsed from its JSON when first asked for. */
  get analysis() {
    const a = this._analysis;
    if (a && a.json !== undefined && a.schema === undefined) {
      try {
        this._analysis = JSON.parse(a.json);
      } catch {
        this._analysis = null;
      }
    }
    return this._analysis;
  }

  setArticle(text) {
    return this._request({ kind: 'text', value: String(text ?? ''), via: 'setArticle' });
  }

  _setup() {
    if (this._container) return;
    const declared = this._root.querySelector('.sm-root');
    if (declared) {
      this._container = declared;
      this._declared = true;
      this._pre = [...declared.childNodes];
      return;
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(this.getAttribute('css') || cssDefault, document.baseURI).href;
    this._container = document.createElement('div');
    this._container.className = 'sm-root';
    if (this.querySelector(':scope > [data-sm-prerendered]')) {
      this._pre = [document.createElement('slot')];
      this._container.append(...this._pre);
    } else {
      this._container.append(this._loading());
    }
    this._root.append(link, this._container);
  }

  _loading() {
    const p = document.createElement('p');
    p.className = 'sm-loading';
    p.textContent = 'Loading the stakeholder map…';
    return p;
  }

  _declare() {
    const src = this.getAttribute('src');
    const inline = this.querySelector(':scope > script[type="application/json"], :scope > script[type="text/plain"]');
    if (src !== null) return this._request({ kind: 'src', value: src, via: 'src' });
    if (inline) return this._request({ kind: 'text', value: inline.textContent, via: 'inline' });
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => { if (!this._want && this._connected) this._declare(); }, { once: true });
      return null;
    }
    const ld = pageJsonLd();
    if (ld !== null) return this._request({ kind: 'text', value: ld, via: 'json-ld' });
    clearTimeout(this._waitTimer);
    this._waitTimer = setTimeout(() => {
      if (this._want || !this._connected) return;
      const detail = {
        reason: 'no-article', via: null, src: null, path: null,
        message: 'No article to show: give the element a src, an article inside it, '
          + 'or the page a schema.org NewsArticle with its articleBody.',
      };
      if (this._pre.length === 0) {
        const p = document.createElement('p');
        p.className = 'sm-notice';
        p.textContent = detail.message;
        this._container.replaceChildren(p);
      }
      this._emit('stakeholder-map:error', detail);
    }, NO_ARTICLE_MS);
    return null;
  }

  _request(want) {
    const previous = this._want;
    want.gen = ++this._gen;
    want.url = want.kind === 'src' ? new URL(want.value, document.baseURI).href : null;
    const settled = new Promise((resolve) => { want.settle = resolve; });
    this._want = want;
    this._parked?.shown?.free();
    this._parked = null;
    if (previous?.note) this._hideNote(previous);
    cancelAnalysis(this._uid);
    this._onAttach = null;
    clearTimeout(this._waitTimer);
    previous?.settle(false);
    this._maybeStart();
    return settled;
  }

  _becameNear() { this._near = true; this._maybeStart(); }

  _maybeStart() {
    const want = this._want;
    if (!want || !this._connected || want.started || this._done === want.gen) return;
    const lazy = !this._near && !this.hasAttribute('eager') && want.via !== 'setArticle';
    const obs = lazy ? nearObserver() : null;
    if (obs) {
      obs.observe(this);
      return;
    }
    want.started = true;
    this._run(want);
  }

  async _run(want) {
    const glue = this.getAttribute('wasm') || wasmGlueDefault;
    // The viewer's code, the article and (once the article is known not to be a published
    // analysis) the analyser worker load in parallel.
    const viewer = loadWasm(glue).catch((e) => {
      throw Object.assign(new Error(`the widget's code could not be loaded (${message(e)})`), { reason: 'wasm' });
    });
    viewer.catch(() => {});
    let result;
    try {
      const t = want.kind === 'src' ? await this._fetchArticle(want.value) : want.value;
      let shown = null;
      let got = null;
      if (maybePublished(t)) shown = await this._read(want, await viewer, t);
      if (!shown && want === this._want) {
        got = await this._analysed(want, t);
        if (got.json !== undefined) shown = await this._read(want, await viewer, got.json, got.key);
        // The answer is read and shown in a task of its own, not in the one that received it.
        await new Promise((r) => setTimeout(r, 0));
      }
      result = { want, text: t, m: await viewer, shown, got };
    } catch (e) {
      result = { want, error: { reason: e.reason || 'fetch', message: message(e), path: null } };
    }
    want.started = false;
    if (want !== this._want || !(result.error || result.shown || result.got?.key !== undefined)) {
      result.shown?.free();  // a later request replaced this one
      return;
    }
    if (!this._connected) {
      this._parked = result;
      return;
    }
    if (result.error) this._failed(want, result.error);
    else this._finish(want, result);
  }

  /** An analysis's JSON text handed to the viewer and read a piece per task (no long task); null
   * when it is not one, or `want` was replaced meanwhile. */
  async _read(want, m, text, key) {
    const r = m.reading(key, text.length);
    for (let i = 0, j; i < text.length || !r.step(READ);) {
      if (i < text.length) {
        j = Math.min(i + READ, text.length);
        if (j < text.length && (text.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
        r.push(text.slice(i, (i = j)));
      }
      await pause();
      if (want !== this._want) return r.free();
    }
    const shown = r.shown();
    await pause(); // the widget mounts in a task of its own
    return shown ?? null;
  }

  /** The worker's analysis of `t`; says "Analysing…" (with the paragraph count once known) when
   * it takes longer than a moment. */
  _analysed(want, t) {
    const timer = setTimeout(() => { if (want === this._want) this._showNote(want); }, ANALYSING_NOTE_MS);
    const progress = (n) => {
      want.paragraphs = n;
      if (want.note) want.note.p.textContent = noteText(n);
    };
    return analyse(this._uid, t, progress).finally(() => {
      clearTimeout(timer);
      this._hideNote(want);
    });
  }

  _showNote(want) {
    if (want.note || !this._container) return;
    // The loading box says it itself; over a widget or a pre-render, a line on top (no shift).
    const loading = this._container.querySelector(':scope > .sm-loading');
    const p = loading || document.createElement('p');
    if (!loading) {
      p.className = 'sm-progress';
      this._container.prepend(p);
    }
    p.setAttribute('role', 'status');
    want.note = { p, own: !loading };
    this._container.setAttribute('aria-busy', 'true');
    setTimeout(() => { if (want.note) p.textContent = noteText(want.paragraphs); }, 0);
  }

  _hideNote(want) {
    const note = want.note;
    want.note = null;
    if (note?.own) note.p.remove();
    if (!this._want?.note) this._container?.removeAttribute('aria-busy');
  }

  async _fetchArticle(src) {
    let res;
    try {
      res = await fetch(new URL(src, document.baseURI));
    } catch (e) {
      throw new Error(`could not load the article from ${src} (${message(e)})`);
    }
    if (!res.ok) throw new Error(`could not load the article from ${src} (${res.status} ${res.statusText})`);
    // The body whole (off the main thread), decoded a piece per task (res.text(): one long task).
    const blob = await res.blob();
    const parts = [];
    const dec = new TextDecoder();
    for (let i = 0; i < blob.size; i += 8 * READ) {
      parts.push(dec.decode(await blob.slice(i, i + 8 * READ).arrayBuffer(), { stream: true }));
    }
    return parts.join('') + dec.decode();
  }

  async _finish(want, result) {
    const { text, m, got } = result;
    this._done = want.gen;
    want.text = text;
    let problem = null;
    try {
      const shown = result.shown || m.input_error(got.error.path, got.error.message, got.key);
      problem = inputError(shown);
      this._analysis = problem ? null : { json: got ? got.json : text };
      // the article's language (lang / JSON-LD inLanguage, carried in the analysis): the UI
      // strings follow it when the element has no lang attribute of its own
      const lang = problem ? null : (shown.lang() || null);
      const relang = (this._articleLang || null) !== lang;
      this._articleLang = lang;
      if (this._handle) {
        this._handle.set_shown(shown);
        if (relang) this._widgetAttribute('lang');
      } else {
        // Rendered hidden beside the loading box or the pre-render until its layout has settled,
        // then swapped in, in one frame. The widget renders in several tasks (none long): the
        // header, then the filters and the first cards, then the map, measured and laid out
        // once, then the text alternative, each after a frame; until the last, the widget is
        // marked `sm-pending`. Settled: nothing pending and the same height two frames running.
        const app = document.createElement('div');
        app.className = 'sm-app sm-settling';
        this._container.append(app);
        this._handle = m.mount(app, shown, this._ns, this.getAttribute('paragraphs') || '', this.hasAttribute('editable'), this, await this._widgetStrings() ?? undefined);
        const handle = this._handle;
        for (let i = 0, last = -1, h; i < 120 && ((h = app.offsetHeight) !== last || app.querySelector('.sm-pending')); i++) {
          last = h;
          await new Promise((r) => requestAnimationFrame(r));
        }
        if (handle !== this._handle) return;
        app.classList.remove('sm-settling');
        this._container.replaceChildren(app);
        this._marked(false);
        if (want !== this._want) return;  // replaced while settling: the later one reports
      }
    } catch (e) {
      this._failed(want, { reason: 'wasm', message: `the widget stopped (${message(e)})`, path: null });
      return;
    }
    const report = () => {
      if (problem) {
        this._emit('stakeholder-map:error', { reason: 'article', path: problem[0], message: problem[1], via: want.via, src: this._srcOf(want) });
        want.settle(false);
      } else {
        this._emit('stakeholder-map:ready', { via: want.via, src: this._srcOf(want) });
        want.settle(true);
      }
    };
    // Detached while settling: the event waits until the page can see it.
    if (this._connected) report();
    else this._onAttach = report;
  }

  _failed(want, error) {
    this._done = want.gen;
    this._analysis = null;
    this._unmount();
    const msg = document.createElement('p');
    msg.className = 'sm-error';
    msg.setAttribute('role', 'alert');
    msg.textContent = `The stakeholder map could not be shown: ${error.message}`;
    this._container.replaceChildren(msg, ...this._pre);
    this._marked(this._pre.length > 0);
    this._emit('stakeholder-map:error', { ...error, via: want.via, src: this._srcOf(want) });
    want.settle(false);
  }

  _marked(on) {
    if (!this._declared) return;
    this._container.classList.toggle('sm-prerendered', on);
    this._container.toggleAttribute('data-sm-prerendered', on);
  }

  _srcOf(want) { return want.url; }

  _emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail })); }

  _unmount() {
    if (!this._handle) return;
    try {
      this._handle.destroy();
      this._handle.free?.();
    } catch { /* a stopped wasm: nothing left to free */ }
    this._handle = null;
  }

  _drop() {
    if (this._connected) return;
    this._onAttach = null;
    this._unmount();
    this._container?.replaceChildren(...(this._pre.length ? this._pre : [this._loading()]));
    this._marked(true);
    if (this._want && this._want.text !== undefined) {
      Object.assign(this._want, { kind: 'text', value: this._want.text });
    }
    this._done = 0;
  }
}

if (!customElements.get('stakeholder-map')) {
  customElements.define('stakeholder-map', StakeholderMapElement);
}

export { StakeholderMapElement, loadWasm, analyse };
