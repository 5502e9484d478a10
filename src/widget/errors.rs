//! Inline error message: what is wrong with the input and where (its JSON path).

use super::i18n::K;
use super::Config;
use crate::input::InputError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorProps {
    pub error: InputError,
}

#[function_component(ErrorMessage)]
pub fn error_message(props: &ErrorProps) -> Html {
    let e = &props.error;
    let t = use_context::<Config>().unwrap_or_default().strings;
    html! {
        <div class="sm-widget sm-error" role="alert">
            <p class="sm-error-title">{ t.get(K::error_title) }</p>
            <p class="sm-error-detail">
                if e.path != "$" || e.message.starts_with("not valid JSON") {
                    <code class="sm-error-path">{ e.path.clone() }</code>{ ": " }
                }
                { e.message.clone() }
            </p>
            <p class="sm-error-hint">{ t.get(K::error_hint) }</p>
        </div>
    }
}
