//! Analysis: plain Rust, no web dependencies. `analyze(&Article) -> Analysis`.
//!
//! Pipeline (each step a module; no step keeps state between articles, and every step but two
//! only reads what earlier steps made — the two that write say so below):
//! 1. [`crate::text`]: paragraphs, sentences, tokens, all with char offsets;
//! 2. [`entities`]: stakeholder mentions (names, titles, countries, organisations...) merged
//!    into entities with aliases, roles and affiliations;
//!    ([`descriptions::body_mentions`] then adds "the company", "the council" as mentions of
//!    the body in focus: it writes to the entity store);
//! 3. [`quotes`]: quoted spans of every style, with a kind (speech or not);
//! 4. [`attribution`]: each speech quote's speaker (an entity), cue and confidence. It writes
//!    to the entity store: the speakers it finds that earlier passes did not (unnamed sources,
//!    speaker mentions, a name retyped as a body by "the company said");
//! 5. [`relations`]: stances between entities, with evidence;
//! 6. [`assemble`]: the serde [`Analysis`] with stable ids, counts and prominence.

pub mod attribution;
pub mod descriptions;
pub mod entities;
pub mod lexicon;
pub mod quotes;
pub mod relations;
mod assemble;

use crate::input::Article;
use crate::model::Analysis;
use crate::text::Doc;

/// Analyses one article. Never panics on any UTF-8 input; time is linear in its length.
pub fn analyze(article: &Article) -> Analysis {
    let mut doc = Doc::new(article);
    lexicon::verbs::tag(&mut doc);
    lexicon::lang::set(&mut doc, article.lang.as_deref());
    let mut ents = entities::extract(&doc);
    descriptions::body_mentions(&doc, &mut ents);
    let spans = quotes::detect(&doc);
    let attributed = attribution::attribute(&doc, &mut ents, &spans);
    let rels = relations::extract(&doc, &ents, &attributed);
    assemble::assemble(article, &doc, &ents, &attributed, &rels)
}
