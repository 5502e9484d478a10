//! The benchmark's baseline: what a trivial Yew 0.23 app costs to download and show. An SVG
//! of 15 circles and 13 quote cards, static data, no analysis, no layout.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let circles = (0..15).map(|i| {
        let (x, y) = (40 + (i % 5) * 120, 60 + (i / 5) * 120);
        html! { <circle cx={x.to_string()} cy={y.to_string()} r="24" /> }
    });
    let cards = (1..=13).map(|i| {
        html! {
            <li><article class="card">
                <header><strong>{ format!("Speaker {i}") }</strong></header>
                <blockquote><p>{ format!("“Quote number {i}, as a trivial card.”") }</p></blockquote>
            </article></li>
        }
    });
    html! {
        <section>
            <svg viewBox="0 0 600 400" width="600" height="400" role="img" aria-label="15 circles">{ for circles }</svg>
            <ol>{ for cards }</ol>
        </section>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    // Mounted into <body>, as simple as a Yew app gets.
    yew::Renderer::<App>::new().render();
}
