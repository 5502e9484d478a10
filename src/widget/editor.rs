//! Editor mode (`editable`): corrections of the selected stakeholder beyond the speaker
//! picker on each card (rename, merge into another, hide, delete one of its relations). The
//! component only dispatches [`Edit`]s; [`super::state::edit`] does the work (tested natively).
//! Editor strings are English only (newsroom tool, not reader UI).

use super::state::{Action, Edit, Facts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub facts: Rc<Facts>,
    /// The selected stakeholder.
    pub id: AttrValue,
    pub dispatch: Callback<Action>,
    pub ns: AttrValue,
}

fn value(r: &NodeRef) -> String {
    if let Some(i) = r.cast::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    r.cast::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

#[function_component(StakeholderEditor)]
pub fn stakeholder_editor(p: &EditorProps) -> Html {
    let facts = &p.facts;
    let a = &*facts.analysis;
    let Some(s) = a.stakeholder(&p.id) else { return Html::default() };
    let name_ref = use_node_ref();
    let into_ref = use_node_ref();
    let id = |k: &str| [p.ns.as_str(), "-edit-", k].concat();
    let send = |make: Rc<dyn Fn() -> Option<Edit>>| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(e) = make() {
                d.emit(Action::Edit(e));
            }
        })
    };
    let me = s.id.clone();
    let rename = {
        let (r, me) = (name_ref.clone(), me.clone());
        send(Rc::new(move || Some(Edit::Rename { id: me.clone(), name: value(&r) })))
    };
    let merge = {
        let (r, me) = (into_ref.clone(), me.clone());
        send(Rc::new(move || Some(value(&r)).filter(|v| !v.is_empty()).map(|into| Edit::Merge { from: me.clone(), into })))
    };
    let hide = {
        let me = me.clone();
        send(Rc::new(move || Some(Edit::Hide(me.clone()))))
    };
    let mut others: Vec<_> = a.stakeholders.iter().filter(|o| o.id != s.id).collect();
    crate::text::sort_vec_by(&mut others, &|x, y| x.name.cmp(&y.name));
    let name = |sid: &str| a.stakeholder(sid).map(|x| x.name.clone()).unwrap_or_else(|| sid.to_string());
    let rels = a.relations.iter().filter(|r| r.source == s.id || r.target == s.id).map(|r| {
        let rid = r.id.clone();
        let del = send(Rc::new(move || Some(Edit::DeleteRelation(rid.clone()))));
        html! {
            <li key={r.id.clone()}>
                { facts.relation_phrase(r, &name(&r.source), &name(&r.target)) }{ " " }
                <button type="button" class="sm-link" onclick={del}>{ "Delete relation" }</button>
            </li>
        }
    });
    html! {
        <div class="sm-editor" role="group" aria-label="Editor corrections">
            <div class="sm-field">
                <label for={id("name")}>{ "Name" }</label>
                <input id={id("name")} type="text" ref={name_ref} value={s.name.clone()} autocomplete="off" />
                <button type="button" class="sm-link" onclick={rename}>{ "Rename" }</button>
            </div>
            if !others.is_empty() {
                <div class="sm-field">
                    <label for={id("into")}>{ "Same as" }</label>
                    <select id={id("into")} ref={into_ref}>
                        { for others.iter().map(|o| html!{ <option value={o.id.clone()}>{ o.name.clone() }</option> }) }
                    </select>
                    <button type="button" class="sm-link" onclick={merge}>{ "Merge into" }</button>
                </div>
            }
            <button type="button" class="sm-link sm-edit-hide" onclick={hide}>{ "Hide: not a stakeholder" }</button>
            <ul class="sm-editor-rels" aria-label="Relations to correct">{ for rels }</ul>
        </div>
    }
}
