//! The bar under the map: "+N more stakeholders" / "Fewer", the hint, zoom in, zoom out, reset.

use super::super::i18n::K;
use super::super::i18n::Strings;
use super::super::state::Action;
use yew::prelude::*;

/// The bar: `folded` stakeholders in "+N more"; `zoom` zooms about the centre by a factor (the
/// map's gesture handlers). A plain function: the map renders it when the map changes.
pub fn bar(t: &Strings, folded: usize, show_all: bool, zoom: &Callback<f32>, dispatch: &Callback<Action>) -> Html {
    let zoom_btn = |factor: f32| {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| zoom.emit(factor))
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ResetView))
    };
    let toggle_all = {
        let dispatch = dispatch.clone();
        let show = !show_all;
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ShowAll(show)))
    };
    html! {
        <div class="sm-map-bar">
            if folded > 0 || show_all {
                <button type="button" class="sm-more" aria-expanded={if show_all { "true" } else { "false" }} onclick={toggle_all}>
                    { if show_all { t.get(K::fewer).to_string() } else { t.fill(K::more, &[&folded.to_string()]) } }
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
