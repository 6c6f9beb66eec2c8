//! Yew components. Each is thin: it renders state and turns DOM events into messages.

pub mod app;
pub mod checklist;
pub mod header;
pub mod import;
pub mod item;
pub mod library_view;
pub mod notices;
pub mod section;
pub mod section_nav;
pub mod summary;

use wasm_bindgen::JsCast;

/// The value of the input, select or textarea an event came from.
pub fn event_value(e: &web_sys::Event) -> Option<String> {
    let target = e.target()?;
    if let Some(el) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(el.value())
    } else if let Some(el) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(el.value())
    } else {
        target.dyn_ref::<web_sys::HtmlSelectElement>().map(|el| el.value())
    }
}
