// Demo page: shows an article as text (never as HTML) with its paragraphs marked for the
// widget's "Go to paragraph" links, and lets a visitor paste their own article: the story and
// the widget above then show it. The article is analysed once, by the widget, in its Web
// Worker (the page stays responsive); the story is drawn from the widget's `analysis`, so every
// accepted form (JSON, JSON-LD, plain text, a published analysis) works here too.

const $ = (id) => document.getElementById(id);
const story = { el: $('story'), kicker: $('story-kicker'), title: $('story-title'), date: $('story-date'), lede: $('story-lede'), rest: $('story-rest') };
const widget = document.getElementById('seed');
let exampleText = '';
let lastError = null;
widget.addEventListener('stakeholder-map:error', (e) => { lastError = e.detail; });

function formatDate(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Renders the analysed article: headline, date, paragraphs (offsets count code points). */
function renderStory(analysis, kicker) {
  story.kicker.textContent = kicker;
  story.title.textContent = analysis.headline || 'Untitled article';
  story.date.textContent = analysis.date ? formatDate(analysis.date) : '';
  story.lede.replaceChildren();
  story.rest.replaceChildren();
  const chars = Array.from(analysis.body || '');
  (analysis.paragraphs || []).forEach((p, i) => {
    const el = document.createElement('p');
    el.textContent = chars.slice(p.start, p.end).join('');
    el.dataset.smParagraph = String(i + 1);
    (i < 2 ? story.lede : story.rest).append(el);
  });
  story.rest.closest('details').hidden = (analysis.paragraphs || []).length <= 2;
}

/** The example: the widget analyses its `src`; the story follows its first analysis. */
function loadExample() {
  const failed = () => { story.title.textContent = 'The example article could not be loaded'; };
  fetch('fixtures/seed-article.json').then((r) => (r.ok ? r.text() : '')).then((t) => { exampleText = t; }, () => {});
  const first = (e) => {
    widget.removeEventListener('stakeholder-map:ready', first);
    widget.removeEventListener('stakeholder-map:error', first);
    if (e.type === 'stakeholder-map:ready' && widget.analysis) renderStory(widget.analysis, 'Example article');
    else failed();
  };
  widget.addEventListener('stakeholder-map:ready', first);
  widget.addEventListener('stakeholder-map:error', first);
}

const form = $('try-form');
const box = $('try-text');
const status = $('try-status');
const smooth = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

let submitted = 0;
async function submit() {
  const text = box.value;
  const mine = ++submitted;
  status.textContent = 'Analysing your article…';
  await customElements.whenDefined('stakeholder-map');
  // The widget analyses it (in its worker) and shows the analysis, or what is wrong with the
  // input (inline, with its JSON path).
  lastError = null;
  const ok = await widget.setArticle(text);
  if (mine !== submitted) return;  // a later article replaced this one
  const analysis = ok ? widget.analysis : null;
  const problem = lastError ? [lastError.path, lastError.message].filter(Boolean).join(': ') : 'unknown error';
  if (analysis) {
    renderStory(analysis, 'Your article');
    status.textContent = 'Analysed: the map and quotes above show your article.';
    story.el.scrollIntoView({ behavior: smooth(), block: 'start' });
  } else {
    status.textContent = `This article could not be read: ${problem}`;
    widget.scrollIntoView({ behavior: smooth(), block: 'start' });
  }
}

form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
box.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); submit(); }
});
$('try-example').addEventListener('click', () => { box.value = exampleText; box.focus(); });
$('try-clear').addEventListener('click', () => { box.value = ''; status.textContent = ''; box.focus(); });

// Editor mode: the widget's `editable` attribute (a speaker picker on each card).
const editToggle = $('edit-toggle');
editToggle.addEventListener('click', () => {
  const on = editToggle.getAttribute('aria-pressed') !== 'true';
  editToggle.setAttribute('aria-pressed', String(on));
  widget.toggleAttribute('editable', on);
});

loadExample();
