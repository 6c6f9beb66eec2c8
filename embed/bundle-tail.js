
// ---- risk-checklist embed bundle start-up (appended by `cargo xtask embed`) ----
// Loads risk-checklist_bg.wasm from next to this file, runs the wasm-bindgen init (the wasm's
// main mounts every [data-risk-checklist] host) and shows a plain message if that fails.
__wbg_init({ module_or_path: new URL('risk-checklist_bg.wasm', import.meta.url) }).catch(showStartFailure);
