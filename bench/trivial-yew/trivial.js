// Loads the trivial app's glue and wasm (as a site would: one module script).
import init from './pkg/trivial_yew.js';
init();
