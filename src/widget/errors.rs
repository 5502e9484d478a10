//! Inline error message: what is wrong with the input and where (its JSON path).

use crate::input::InputError;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorProps {
    pub error: InputError,
}

#[function_component(ErrorMessage)]
pub fn error_message(props: &ErrorProps) -> Html {
    let e = &props.error;
    html! {
        <div class="sm-widget sm-error" role="alert">
            <p class="sm-error-title">{ "This article could not be read" }</p>
            <p class="sm-error-detail">
                if e.path != "$" || e.message.starts_with("not valid JSON") {
                    <code class="sm-error-path">{ e.path.clone() }</code>{ ": " }
                }
                { e.message.clone() }
            </p>
            <p class="sm-error-hint">{ "Expected JSON such as {\"headline\": \"…\", \"date\": \"YYYY-MM-DD\", \"body\": \"…\"}, or plain text with paragraphs separated by blank lines." }</p>
        </div>
    }
}
