//! Yew components, a file per part of the screen. Each is thin: it renders state and turns DOM
//! events into messages or operations. What every component shares comes from one context
//! (`ui::context::Shell`); props carry only what changes, so a change re-renders only the
//! components that show it.

pub mod actions;
pub mod app;
pub mod changes;
pub mod checklist;
pub mod compare;
pub mod field;
pub mod header;
pub mod import;
pub mod item;
pub mod library_view;
pub mod merge;
pub mod notices;
pub mod scope;
pub mod section;
pub mod section_nav;
pub mod signoff;
pub mod summary;

/// The props of a component that shows one shared value (a comparison, a merge, a notice):
/// it re-renders only when that value changes.
#[derive(yew::Properties, PartialEq)]
pub struct Shown<T: PartialEq + 'static> {
    pub of: std::rc::Rc<T>,
}
