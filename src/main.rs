//! The browser entry point: mounts the widget into every host element on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    risk_checklist::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("risk-checklist runs in the browser: build it with `trunk build` (see README.md).");
}
