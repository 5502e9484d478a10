//! Editor mode (`editable`): corrections of the selected stakeholder beyond the speaker
//! picker on each card (rename, merge into another, hide, delete one of its relations). It only
//! dispatches [`Edit`]s; [`super::state::edit`] does the work (tested natively). A plain
//! function, not a component, and no node refs: the controls act on `change` / `click`.
//! Editor strings are English only (a newsroom tool, not reader UI).

use super::state::{Action, Edit, Facts};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The value of the input or select an event came from.
fn value_of(e: &Event) -> String {
    let Some(t) = e.target() else { return String::new() };
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

/// The controls for stakeholder `id` (shown in its panel when it is selected).
#[inline(never)]
pub fn stakeholder_editor(facts: &Facts, id: &str, dispatch: &Callback<Action>, ns: &str) -> Html {
    let a = &*facts.analysis;
    let Some(s) = a.stakeholder(id) else { return Html::default() };
    let field = |k: &str| [ns, "-edit-", k].concat();
    let on_change = |make: fn(String, String) -> Option<Edit>| {
        let (d, me) = (dispatch.clone(), s.id.clone());
        Callback::from(move |e: Event| {
            if let Some(x) = make(me.clone(), value_of(&e)) {
                d.emit(Action::Edit(x));
            }
        })
    };
    let click = |x: Edit| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Edit(x.clone())))
    };
    let rename = on_change(|id, name| Some(Edit::Rename { id, name }));
    let merge = on_change(|from, into| (!into.is_empty()).then_some(Edit::Merge { from, into }));
    let mut others: Vec<_> = a.stakeholders.iter().filter(|o| o.id != s.id).collect();
    crate::text::sort_vec_by(&mut others, &|x, y| x.name.cmp(&y.name));
    let name = |sid: &str| a.stakeholder(sid).map(|x| x.name.clone()).unwrap_or_default();
    let rels = a.relations.iter().filter(|r| r.source == s.id || r.target == s.id).map(|r| {
        html! {
            <li key={r.id.clone()}>
                { facts.relation_phrase(r, &name(&r.source), &name(&r.target)) }{ " " }
                <button type="button" class="sm-link" onclick={click(Edit::DeleteRelation(r.id.clone()))}>{ "Delete relation" }</button>
            </li>
        }
    });
    html! {
        <div class="sm-editor" role="group" aria-label="Editor corrections">
            <div class="sm-field">
                <label for={field("name")}>{ "Rename (Enter)" }</label>
                <input id={field("name")} type="text" value={s.name.clone()} onchange={rename} autocomplete="off" />
            </div>
            if !others.is_empty() {
                <div class="sm-field">
                    <label for={field("into")}>{ "Same as" }</label>
                    <select id={field("into")} onchange={merge}>
                        <option value="" selected=true>{ "Merge into…" }</option>
                        { for others.iter().map(|o| html!{ <option value={o.id.clone()}>{ o.name.clone() }</option> }) }
                    </select>
                </div>
            }
            <button type="button" class="sm-link sm-edit-hide" onclick={click(Edit::Hide(s.id.clone()))}>{ "Hide: not a stakeholder" }</button>
            <ul class="sm-editor-rels" aria-label="Relations to correct">{ for rels }</ul>
        </div>
    }
}
