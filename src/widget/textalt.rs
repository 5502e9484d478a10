//! The text alternative: says what the picture says, as a list.

use super::i18n::K;
use super::state::Facts;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextAltProps {
    pub facts: Rc<Facts>,
    pub ns: AttrValue,
}

#[function_component(TextAlternative)]
pub fn text_alternative(props: &TextAltProps) -> Html {
    let facts = &props.facts;
    let a = &*facts.analysis;
    let t = &*facts.t;
    let items = facts.order.iter().map(|&i| {
        let s = &a.stakeholders[i];
        let quotes = facts.quoted[i];
        let mut line = String::new();
        if let Some(r) = &s.role {
            line.push_str(r);
            line.push_str("; ");
        }
        line.push_str(t.kind(s.kind));
        line.push_str("; ");
        if quotes > 0 {
            line.push_str(&t.fill(K::quoted_n, &[&t.times(quotes)]));
        } else {
            line.push_str(t.get(K::not_quoted));
        }
        line.push_str(", ");
        line.push_str(&t.fill(K::mentioned, &[&t.times(s.mention_count.max(s.mentions.len()))]));
        let rels = facts.relations_in_words(&s.id);
        html! {
            <li key={s.id.clone()}>
                <strong>{ s.name.clone() }</strong>{ " — " }{ line }
                if !rels.is_empty() {
                    <ul>{ for rels.into_iter().map(|r| html!{ <li>{ r }</li> }) }</ul>
                }
            </li>
        }
    });
    html! {
        <details class="sm-textalt">
            <summary>{ t.get(K::as_text) }</summary>
            <p class="sm-textalt-summary">{ facts.summary.clone() }{ ". " }{ t.count(a.relations.len(), K::relation, K::relations) }{ "." }</p>
            <ul class="sm-textalt-list">{ for items }</ul>
        </details>
    }
}
