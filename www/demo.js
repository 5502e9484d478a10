// Demo page: renders the example article as text (never as HTML), marks its paragraphs for the
// widget's "Go to paragraph" links, and wires the paste-your-own form.

const story = { title: document.getElementById('story-title'), date: document.getElementById('story-date'),
  lede: document.getElementById('story-lede'), rest: document.getElementById('story-rest') };
let exampleText = '';

function paragraphs(body) {
  return String(body || '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

function renderStory(article) {
  story.title.textContent = article.headline || 'Untitled article';
  if (article.date) {
    const d = new Date(`${article.date}T12:00:00Z`);
    story.date.textContent = Number.isNaN(d.getTime()) ? article.date
      : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  const paras = paragraphs(article.body);
  paras.forEach((text, i) => {
    const p = document.createElement('p');
    p.textContent = text;
    p.dataset.smParagraph = String(i + 1);
    (i < 2 ? story.lede : story.rest).append(p);
  });
}

async function loadStory() {
  try {
    const res = await fetch('fixtures/seed-article.json');
    exampleText = await res.text();
    renderStory(JSON.parse(exampleText));
  } catch (e) {
    story.title.textContent = 'The example article could not be loaded';
  }
}

// "Go to paragraph" opens the collapsed rest of the article first.
document.addEventListener('focusin', (e) => {
  const t = e.target;
  if (t instanceof HTMLElement && t.dataset.smParagraph) {
    const details = t.closest('details');
    if (details && !details.open) { details.open = true; t.scrollIntoView({ block: 'center' }); }
  }
});

const form = document.getElementById('try-form');
const text = document.getElementById('try-text');
const yours = document.getElementById('yours');

function analyse() {
  customElements.whenDefined('stakeholder-map').then(() => {
    yours.setArticle(text.value);
    yours.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
  });
}

form.addEventListener('submit', (e) => { e.preventDefault(); analyse(); });
text.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); analyse(); }
});
document.getElementById('try-example').addEventListener('click', () => {
  text.value = exampleText;
  text.focus();
});
document.getElementById('try-clear').addEventListener('click', () => {
  text.value = '';
  text.focus();
});

loadStory();
