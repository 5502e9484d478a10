//! Any bytes given to the widget: the whole Yew component tree renders (server renderer) without
//! panicking, an inline error for bad input, never a blank. Inputs over 4 KB are skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stakeholder_map::widget::{Widget, WidgetProps};
use yew::LocalServerRenderer;

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(data).into_owned();
    let props = WidgetProps { source: text.into(), ns: "f".into(), paragraphs: "".into(), editable: false };
    let html = futures::executor::block_on(LocalServerRenderer::<Widget>::with_props(props).render());
    assert!(html.contains("sm-error") || html.contains("sm-widget") || html.contains("role=\"alert\""), "blank render: {html}");
});
