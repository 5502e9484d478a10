//! The bar under the map: "+N more stakeholders" / "Fewer", the hint, zoom in, zoom out, reset.

use super::super::i18n::K;
use super::super::state::{Action, Facts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub facts: Rc<Facts>,
    /// Stakeholders folded into "+N more".
    pub folded: usize,
    pub show_all: bool,
    /// Zoom about the centre by a factor (stable: the map's gesture handlers).
    pub zoom: Callback<f32>,
    pub dispatch: Callback<Action>,
}

#[function_component(Controls)]
pub fn controls(p: &ControlsProps) -> Html {
    let t = &*p.facts.t;
    let zoom_btn = |factor: f32| {
        let zoom = p.zoom.clone();
        Callback::from(move |_: MouseEvent| zoom.emit(factor))
    };
    let reset = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ResetView))
    };
    let toggle_all = {
        let dispatch = p.dispatch.clone();
        let show = !p.show_all;
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ShowAll(show)))
    };
    html! {
        <div class="sm-map-bar">
            if p.folded > 0 || p.show_all {
                <button type="button" class="sm-more" aria-expanded={if p.show_all { "true" } else { "false" }} onclick={toggle_all}>
                    { if p.show_all { t.get(K::fewer).to_string() } else { t.fill(K::more, &[&p.folded.to_string()]) } }
                </button>
            }
            <span class="sm-map-hint" aria-hidden="true">{ t.get(K::hint) }</span>
            <div class="sm-map-tools" role="toolbar" aria-label={t.get(K::zoom).to_string()}>
                <button type="button" class="sm-tool" aria-label={t.get(K::zoom_in).to_string()} title={t.get(K::zoom_in).to_string()} onclick={zoom_btn(1.25)}>{ "+" }</button>
                <button type="button" class="sm-tool" aria-label={t.get(K::zoom_out).to_string()} title={t.get(K::zoom_out).to_string()} onclick={zoom_btn(0.8)}>{ "−" }</button>
                <button type="button" class="sm-tool sm-tool-text" onclick={reset} title={t.get(K::reset_title).to_string()}>{ t.get(K::reset) }</button>
            </div>
        </div>
    }
}
