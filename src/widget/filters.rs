//! Filters: by stakeholder, by relation, and a text search. Each has a visible label.

use super::i18n::K;
use super::state::{Action, Facts, ViewState};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub facts: Rc<Facts>,
    /// [`ViewState::for_filters`]: only selection, relation and search.
    pub view: ViewState,
    pub dispatch: Callback<Action>,
    pub ns: AttrValue,
}

fn value_of(e: &Event) -> String {
    let Some(t) = e.target() else { return String::new() };
    if let Some(s) = t.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    String::new()
}

#[function_component(Filters)]
pub fn filters(props: &FiltersProps) -> Html {
    let facts = &props.facts;
    let a = &*facts.analysis;
    let t = &*facts.t;
    let v = &props.view;
    let ns = props.ns.as_str();
    let id = |s: &str| [ns, "-", s].concat();

    let sel = v.selected.clone().unwrap_or_default();
    let rel = v.relation.clone().unwrap_or_default();
    let on_who = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            d.emit(Action::Select(if v.is_empty() { None } else { Some(v) }))
        })
    };
    let on_rel = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            d.emit(Action::FilterRelation(if v.is_empty() { None } else { Some(v) }))
        })
    };
    let on_search = {
        let d = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let v = value_of(&e);
            d.emit(Action::Search(v))
        })
    };
    let on_clear = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Clear))
    };
    let active = v.selected.is_some() || v.relation.is_some() || !v.search.is_empty();

    html! {
        <div class="sm-filters" role="search" aria-label={t.get(K::filter).to_string()}>
            <div class="sm-field">
                <label for={id("who")}>{ t.get(K::f_stakeholder) }</label>
                <select id={id("who")} onchange={on_who}>
                    <option value="" selected={sel.is_empty()}>{ t.get(K::f_all_stakeholders) }</option>
                    <Options facts={props.facts.clone()} relations={false} selected={sel.clone()} />
                </select>
            </div>
            if !a.relations.is_empty() {
                <div class="sm-field">
                    <label for={id("rel")}>{ t.get(K::f_relation) }</label>
                    <select id={id("rel")} onchange={on_rel}>
                        <option value="" selected={rel.is_empty()}>{ t.get(K::f_all_relations) }</option>
                        <Options facts={props.facts.clone()} relations={true} selected={rel.clone()} />
                    </select>
                </div>
            }
            <div class="sm-field sm-field-search">
                <label for={id("find")}>{ t.get(K::f_search) }</label>
                <input id={id("find")} type="search" value={v.search.clone()} oninput={on_search} placeholder={t.get(K::f_placeholder).to_string()} autocomplete="off" />
            </div>
            if active {
                <button type="button" class="sm-clear" onclick={on_clear}>{ t.get(K::f_clear) }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OptionsProps {
    facts: Rc<Facts>,
    /// The relation list (true) or the stakeholder list.
    relations: bool,
    selected: String,
}

/// A list's options: their own component, so typing in the search box does not build them
/// again. Stakeholders most prominent first (stable for equal prominence), with their quote
/// counts; relations in words.
#[function_component(Options)]
fn options(p: &OptionsProps) -> Html {
    let facts = &*p.facts;
    let a = &*facts.analysis;
    let option = |id: &str, label: String| html! { <option value={id.to_string()} selected={p.selected == id}>{ label }</option> };
    if p.relations {
        let name = |id: &str| facts.stakeholder(id).map(|s| s.name.clone()).unwrap_or_default();
        return a.relations.iter().map(|r| option(&r.id, facts.relation_phrase(r, &name(&r.source), &name(&r.target)))).collect();
    }
    facts
        .order
        .iter()
        .map(|&i| {
            let s = &a.stakeholders[i];
            let n = facts.quoted[i];
            let mut label = s.name.clone();
            if n > 0 {
                label.push_str(" (");
                label.push_str(&n.to_string());
                label.push(')');
            }
            option(&s.id, label)
        })
        .collect()
}
