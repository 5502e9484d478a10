// <stakeholder-map>: the embeddable element. One wasm instance per page, one widget per element.
//
//   <script type="module" src="www/stakeholder-map.js"></script>
//   <stakeholder-map src="article.json"></stakeholder-map>
//   <stakeholder-map id="story-2"><script type="application/json">{"headline": …}</script></stakeholder-map>
//
// Attributes: `src` (URL of the article: JSON or plain text), `theme` ("light" | "dark"; default
// follows prefers-color-scheme), `id` (namespaces the widget's keys in the URL fragment; set it
// when a page has several widgets, else "sm1", "sm2", … in document order), `wasm` (URL of the
// wasm-bindgen glue, default ../pkg/stakeholder_map.js next to this file), `css` (URL of the
// stylesheet, default stakeholder-map.css next to this file), `paragraphs` (CSS selector of the
// host element whose descendants carry data-sm-paragraph="1", "2", …: a card's paragraph link
// then scrolls the page there; without it the paragraph expands inside the card).
// Pre-rendered HTML (`stakeholder-map render FILE`, a child with data-sm-prerendered) shows until
// the live widget is ready: readers without script and crawlers get the same content.
// Without `src` or an inline script, the element reads the host page's own schema.org JSON-LD
// (`<script type="application/ld+json">` with a NewsArticle / Article that has an articleBody,
// also inside @graph): one tag in an article template is enough. With none of these, it waits for
// setArticle(), and after two seconds says that it has no article (not "Loading…" forever).
// `editable` (boolean attribute): editor mode, a speaker picker on each card; the "Analysis (JSON)"
// download then carries the corrections, ready to publish (docs/input.md, form 4).
// Property / method: `el.setArticle(text)` shows another article (JSON or plain text).
// Events: `stakeholder-map:ready` once the widget is mounted, `stakeholder-map:error` when the
// article or the wasm cannot be loaded (the element also shows an inline message).
// `max-cards` (number or "all"; default 3), `lang` (here or on an ancestor; www/i18n/LANG.json),
// `selected`, `select(id)`, the `selected` property and the `stakeholder-map:select` / `:quote`
// events: README, "The host page's API" and "Languages".
//
// CSP-friendly: no eval, no inline styles, no HTML parsing; the article is always text.

const here = import.meta.url;
const wasmGlueDefault = new URL('../pkg/stakeholder_map.js', here).href;
const cssDefault = new URL('stakeholder-map.css', here).href;
const loads = new Map();
/** Attributes the widget itself reads (see _widgetAttribute); languages with a strings file. */
const WIDGET_ATTRIBUTES = ['max-cards', 'selected', 'lang'];
const LANGS = ['en', 'fr', 'de', 'es'];
const stringFiles = new Map();

/** Loads and initialises the wasm once per glue URL. */
function loadWasm(glue) {
  if (!loads.has(glue)) {
    loads.set(glue, import(glue).then(async (m) => {
      await m.default();
      return m;
    }));
  }
  return loads.get(glue);
}

/** True when a JSON-LD node (or one in its @graph / array) is an article with a body. */
function hasArticle(node) {
  if (Array.isArray(node)) return node.some(hasArticle);
  if (!node || typeof node !== 'object') return false;
  if (Array.isArray(node['@graph']) && node['@graph'].some(hasArticle)) return true;
  const types = [].concat(node['@type'] || []);
  return types.some((t) => typeof t === 'string' && /Article$/.test(t)) && typeof node.articleBody === 'string';
}

/**
 * The text of the host page's first JSON-LD script that holds an article with an articleBody
 * (the wasm input layer picks the article node out of it), or null. JSON.parse only: no eval.
 */
function pageJsonLd() {
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      if (hasArticle(JSON.parse(s.textContent))) return s.textContent;
    } catch { /* not JSON: skip it, like a search engine would */ }
  }
  return null;
}

let counter = 0;
/** How long an element with no article waits for setArticle() before saying it has none. */
const NO_ARTICLE_MS = 2000;

class StakeholderMapElement extends HTMLElement {
  static get observedAttributes() { return ['src', 'editable', ...WIDGET_ATTRIBUTES]; }

  constructor() {
    super();
    this._root = this.attachShadow({ mode: 'open' });
    this._handle = null;
    this._container = null;
    this._ns = null;
    this._pending = null;
    this._queue = Promise.resolve();
    this._version = 0;
  }

  connectedCallback() {
    if (!this._container) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = this.getAttribute('css') || cssDefault;
      this._container = document.createElement('div');
      this._container.className = 'sm-root';
      // Pre-rendered content (`stakeholder-map render`, a child with data-sm-prerendered) shows
      // through a slot until the live widget replaces it; without it, a loading line.
      this._prerendered = this.querySelector(':scope > [data-sm-prerendered]');
      if (this._prerendered) {
        this._status = document.createElement('slot');
      } else {
        this._status = document.createElement('p');
        this._status.className = 'sm-loading';
        this._status.textContent = 'Loading the stakeholder map…';
      }
      this._container.append(this._status);
      this._root.append(link, this._container);
    }
    if (!this._ns) this._ns = this.id || `sm${++counter}`;
    if (!this._handle && !this._pending) this._load();
  }

  disconnectedCallback() {
    this._version++;
    this._pending = null;
    if (this._handle) {
      this._handle.destroy();
      this._handle.free?.();
      this._handle = null;
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // A src set or changed after the element started (not the first one, which connectedCallback
    // loads) loads that article.
    if (name === 'src' && newValue !== null && oldValue !== newValue && this._container && this.isConnected) this._load();
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

  /** The strings file's text for this element's `lang` (here or on an ancestor); null: English. */
  _widgetStrings() {
    const lang = (this.closest('[lang]')?.getAttribute('lang') || '').toLowerCase().split('-')[0];
    if (lang === 'en' || !LANGS.includes(lang)) return Promise.resolve(null);
    const url = new URL(`i18n/${lang}.json`, here).href;
    if (!stringFiles.has(url)) {
      stringFiles.set(url, fetch(url).then((r) => (r.ok ? r.text() : null)).catch(() => null));
    }
    return stringFiles.get(url);
  }

  /** Shows another article (JSON or plain text). */
  setArticle(text) {
    return this._show(String(text ?? ''));
  }

  async _load() {
    const src = this.getAttribute('src');
    const inline = this.querySelector(':scope > script[type="application/json"], :scope > script[type="text/plain"]');
    const version = this._version;
    let text;
    try {
      if (src) {
        const res = await fetch(src);
        if (!res.ok) throw new Error(`could not load the article (${res.status} ${res.statusText})`);
        text = await res.text();
      } else if (inline) {
        text = inline.textContent;
      } else {
        text = pageJsonLd();
        if (text === null) {
          // Waits for setArticle(); if none comes, say so instead of "Loading…" forever.
          setTimeout(() => {
            if (version === this._version && !this._handle && this._status && this._status.isConnected && !this._prerendered) {
              this._status.textContent = 'No article to show: give the element a src, an article inside it, '
                + 'or the page a schema.org NewsArticle with its articleBody.';
            }
          }, NO_ARTICLE_MS);
          return;
        }
      }
    } catch (e) {
      if (version === this._version) this._fail(e);
      return;
    }
    // An article given by setArticle() meanwhile wins over the attribute's.
    if (version === this._version) await this._show(text);
  }

  /** Shows `text`, after any earlier request; a newer request supersedes a pending one. */
  _show(text) {
    const version = ++this._version;
    const run = async () => {
      if (version !== this._version) return;
      const m = await loadWasm(this.getAttribute('wasm') || wasmGlueDefault);
      if (version !== this._version) return;
      if (this._handle) {
        this._handle.set_source(text);
      } else {
        this._container.replaceChildren();
        this._handle = m.mount(this._container, text, this._ns, this.getAttribute('paragraphs') || '', this.hasAttribute('editable'), this, await this._widgetStrings() ?? undefined);
        this.dispatchEvent(new CustomEvent('stakeholder-map:ready', { bubbles: true }));
      }
    };
    this._queue = this._queue.then(run, run);
    this._pending = this._queue.catch((e) => this._fail(e));
    return this._pending;
  }

  _fail(e) {
    const msg = document.createElement('p');
    msg.className = 'sm-error';
    msg.setAttribute('role', 'alert');
    msg.textContent = `The stakeholder map could not be shown: ${e && e.message ? e.message : e}`;
    // The pre-rendered content, if any, stays readable under the message.
    if (this._prerendered) this._container.replaceChildren(msg, document.createElement('slot'));
    else this._container.replaceChildren(msg);
    this.dispatchEvent(new CustomEvent('stakeholder-map:error', { bubbles: true, detail: String(e) }));
  }
}

if (!customElements.get('stakeholder-map')) {
  customElements.define('stakeholder-map', StakeholderMapElement);
}

export { StakeholderMapElement, loadWasm };
