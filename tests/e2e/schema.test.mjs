// The JSON Schemas (schema/article.schema.json, schema/analysis.schema.json) against the real
// thing: the fixtures, every article form docs/input.md lists, and the analysis the CLI prints
// (`cargo run --release -- analyze`). Validated with Ajv (draft 2020-12, strict mode). Each case is
// also given to `stakeholder-map check`, so the schema and the program agree on what is an article
// and what a broken analysis is.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT } from './lib.mjs';

const read = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
let article, analysis, cli, tmp;

before(() => {
  // strictRequired off: `required` inside `not` names keys that must be absent.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  article = ajv.compile(read('schema/article.schema.json'));
  analysis = ajv.compile(read('schema/analysis.schema.json'));
  execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'stakeholder-map'], { cwd: ROOT, stdio: 'inherit' });
  cli = path.join(process.env.CARGO_TARGET_DIR ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target'), 'release', 'stakeholder-map');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-schema-'));
});

/** `stakeholder-map check` on a JSON value: { ok, out }. */
function check(value, name = 'case.json') {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value));
  const r = spawnSync(cli, ['check', f], { encoding: 'utf8' });
  return { ok: r.status === 0, out: (r.stdout + r.stderr).trim() };
}

function analyze(file) {
  return JSON.parse(execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'stakeholder-map', '--', 'analyze', file], { cwd: ROOT, encoding: 'utf8' }));
}

const errs = (v) => JSON.stringify(v.errors?.slice(0, 3));

const ARTICLES = {
  'simple form': { headline: 'H', date: '2025-08-21', body: '"We will," said Ana Ruiz.\n\nTwo.' },
  'simple form, body as paragraphs, timestamp date, no headline': { date: '2025-08-21T10:00:00Z', body: ['One.', '', 'Two.'] },
  'simple form with null headline and date': { headline: null, date: null, body: 'Text.' },
  'JSON-LD NewsArticle': { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'H', datePublished: '2025-08-21T10:00:00Z', articleBody: 'Body.' },
  'JSON-LD with a type list': { '@type': ['NewsArticle', 'Thing'], articleBody: 'Body.' },
  'JSON-LD @graph': { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'x' }, { '@type': 'NewsArticle', headline: 'G', articleBody: 'B.' }] },
  'JSON-LD top-level array': [{ '@type': 'BreadcrumbList' }, { '@type': 'ReportageNewsArticle', articleBody: 'B.' }],
  'simple form with a language and an empty date': { lang: 'fr-FR', date: '', body: '« Non », a dit Marie Dupont.' },
  'JSON-LD with inLanguage and an empty datePublished': { '@type': 'NewsArticle', inLanguage: 'de', datePublished: '', articleBody: 'Body.' },
  'JSON-LD with a schema.org Language object': { '@graph': [{ '@type': 'NewsArticle', inLanguage: { '@type': 'Language', name: 'Spanish', alternateName: 'es' }, articleBody: 'B.' }] },
};

const NOT_ARTICLES = {
  'body a number': { headline: 'H', body: 42 },
  'headline a number': { headline: 7, body: 'x' },
  'date not a date': { body: 'x', date: '21/08/2025' },
  'month 13': { body: 'x', date: '2025-13-01' },
  'a paragraph that is not a string': { body: ['a', 3] },
  'no body': { headline: 'x' },
  'blank body': { headline: 'x', body: '  \n\n ' },
  'JSON-LD articleBody a number': [{ '@type': 'NewsArticle', articleBody: 5 }],
  '@graph with no article': { '@graph': [{ '@type': 'WebPage', name: 'x' }] },
  'an empty array': [],
  'lang a number': { lang: 7, body: 'x' },
  'lang not a language tag': { lang: 'en GB', body: 'x' },
  'JSON-LD inLanguage an array': { '@type': 'NewsArticle', inLanguage: ['fr'], articleBody: 'x' },
};

test('the article schema accepts the seed fixture and every JSON article form docs/input.md lists, as check does', () => {
  const cases = { 'fixtures/seed-article.json': read('fixtures/seed-article.json'), ...ARTICLES };
  for (const [name, value] of Object.entries(cases)) {
    assert.ok(article(value), `${name}: rejected by the schema: ${errs(article)}`);
    const c = check(value);
    assert.ok(c.ok, `${name}: rejected by check: ${c.out}`);
  }
});

test('the article schema rejects what check rejects (wrong types, bad dates, no or blank body, no article node)', () => {
  for (const [name, value] of Object.entries(NOT_ARTICLES)) {
    assert.equal(article(value), false, `${name}: accepted by the schema`);
    const c = check(JSON.stringify(value));
    assert.equal(c.ok, false, `${name}: accepted by check: ${c.out}`);
  }
});

test('every JSON fixture matches its schema (articles: the article schema; published analyses: analysis@1)', () => {
  const dir = path.join(ROOT, 'fixtures');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const value = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const published = value && typeof value === 'object' && !Array.isArray(value) && 'schema' in value;
    const validate = published ? analysis : article;
    const c = check(value, f);
    if (c.ok) assert.ok(validate(value), `${f}: check accepts it, the schema does not: ${errs(validate)}`);
    else assert.equal(validate(value), false, `${f}: the schema accepts it, check does not: ${c.out}`);
  }
});

test('the CLI\'s analyze output is a valid analysis@1, for the seed fixture and for each article form', () => {
  const outs = { 'fixtures/seed-article.json': analyze('fixtures/seed-article.json') };
  for (const [name, value] of Object.entries(ARTICLES)) {
    const f = path.join(tmp, 'in.json');
    fs.writeFileSync(f, JSON.stringify(value));
    outs[name] = analyze(f);
  }
  for (const [name, a] of Object.entries(outs)) {
    assert.ok(analysis(a), `${name}: analyze's output fails the schema: ${errs(analysis)}`);
  }
  // The article's language is carried into the analysis (an optional field of analysis@1).
  assert.equal(outs['simple form with a language and an empty date'].lang, 'fr-FR');
  assert.equal(outs['JSON-LD with a schema.org Language object'].lang, 'es');
  assert.equal('lang' in outs['simple form'], false, 'an analysis without a language has no lang field');
  const seed = outs['fixtures/seed-article.json'];
  assert.ok(seed.stakeholders.length > 3 && seed.quotes.length > 3 && seed.relations.length > 0, 'the seed analysis is nearly empty');
  // Published as it is, it is accepted by check too.
  const c = check(seed, 'published.json');
  assert.ok(c.ok, c.out);
});

test('the analysis schema rejects broken analyses, each with the path at fault; check rejects them too', () => {
  const seed = analyze('fixtures/seed-article.json');
  const broken = {
    'another schema version': [(a) => { a.schema = 'stakeholder-map/analysis@2'; }, ''],
    'no body': [(a) => { delete a.body; }, ''],
    'no quotes': [(a) => { delete a.quotes; }, ''],
    'an offset as a string': [(a) => { a.quotes[0].start = '3'; }, '/quotes/0/start'],
    'a negative offset': [(a) => { a.quotes[0].end = -1; }, '/quotes/0/end'],
    'an unknown stakeholder kind': [(a) => { a.stakeholders[0].kind = 'robot'; }, '/stakeholders/0/kind'],
    'an unknown quote kind': [(a) => { a.quotes[0].kind = 'shouted'; }, '/quotes/0/kind'],
    'an unknown relation kind': [(a) => { a.relations[0].kind = 'loves'; }, '/relations/0/kind'],
    'an unknown stance': [(a) => { a.relations[0].stance = 'meh'; }, '/relations/0/stance'],
    'a mention in another field': [(a) => { a.stakeholders[0].mentions[0].field = 'title'; }, '/stakeholders/0/mentions/0/field'],
    'a relation without evidence': [(a) => { delete a.relations[0].evidence; }, '/relations/0'],
    'negated as a string': [(a) => { a.relations[0].negated = 'no'; }, '/relations/0/negated'],
    'a language that is not a tag': [(a) => { a.lang = 'French (France)'; }, '/lang'],
  };
  for (const [name, [mutate, at]] of Object.entries(broken)) {
    const a = structuredClone(seed);
    mutate(a);
    assert.equal(analysis(a), false, `${name}: accepted by the schema`);
    assert.ok(analysis.errors.some((e) => e.instancePath.startsWith(at)), `${name}: no error at ${at}: ${errs(analysis)}`);
    const c = check(a);
    assert.equal(c.ok, false, `${name}: accepted by check: ${c.out}`);
  }
  // The documented ranges (docs/schema.md: 0..1), which the schema states.
  for (const [field, set] of [['prominence', (a) => { a.stakeholders[0].prominence = 7; }], ['confidence', (a) => { a.quotes[0].confidence = -0.5; }]]) {
    const a = structuredClone(seed);
    set(a);
    assert.equal(analysis(a), false, `${field} out of 0..1 accepted by the schema`);
  }
});
