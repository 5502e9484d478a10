//! Inline error message: what is wrong with the input and where (its JSON path).

use super::i18n::{Strings, K};
use crate::input::InputError;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorProps {
    pub error: InputError,
    /// The UI strings (English by default).
    #[prop_or_else(Strings::shared_english)]
    pub t: Rc<Strings>,
}

#[function_component(ErrorMessage)]
pub fn error_message(props: &ErrorProps) -> Html {
    let e = &props.error;
    let t = &props.t;
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
