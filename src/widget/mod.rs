//! Yew function components rendering an `Analysis`. First cut; deepened by issue 5.

use crate::model::Analysis;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub analysis: Analysis,
}

#[function_component(StakeholderMap)]
pub fn stakeholder_map(props: &WidgetProps) -> Html {
    let a = &props.analysis;
    html! {
        <div class="sm-widget">
            <ul class="sm-cards">
            { for a.quotes.iter().map(|q| html!{ <li class="sm-card">{ &q.text }</li> }) }
            </ul>
        </div>
    }
}
