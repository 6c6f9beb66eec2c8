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
use yew::prelude::*;

/// The heading level the embedding page asked for (`data-heading-level`), handed down by context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingBase(pub u8);

/// The tag of a heading `below` levels under the widget's top heading.
#[hook]
pub fn use_heading(below: u8) -> &'static str {
    let base = use_context::<HeadingBase>().map_or(1, |b| b.0);
    crate::ui::config::heading_tag(base, below)
}

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
