//! wasm entry points. First cut; deepened by issue 5.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {}
