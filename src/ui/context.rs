//! What every component of one widget shares and what never changes while it runs: the
//! checklist, the way to send a message, the way to run an operation, the id prefix and the
//! heading level, handed down as one context instead of as props.

use super::clock;
use super::ops::Op;
use crate::app::config::heading_tag;
use crate::app::{AppState, Msg};
use crate::core::{Action, ChecklistDefinition};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The reducer Yew runs is the app's: `AppState::reduce`, which returns the same `Rc` when
/// nothing changed.
impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        AppState::reduce(self, msg)
    }
}

/// The context of one widget. Built once, so providing it never re-renders a component.
#[derive(Clone)]
pub struct Shell {
    pub def: Rc<ChecklistDefinition>,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Runs an operation that needs storage or a file (`ui::ops`).
    pub run: Callback<Op>,
    /// Prefix for element ids, unique per widget on the page.
    pub id_prefix: AttrValue,
    /// The level of the widget's top heading (`data-heading-level`).
    pub heading_level: u8,
}

impl PartialEq for Shell {
    /// The same widget's context: the definition is compared by address, not item by item.
    fn eq(&self, other: &Shell) -> bool {
        Rc::ptr_eq(&self.def, &other.def)
            && self.dispatch == other.dispatch
            && self.run == other.run
            && self.id_prefix == other.id_prefix
            && self.heading_level == other.heading_level
    }
}

impl Shell {
    /// An element id unique to this widget.
    pub fn id(&self, part: &str) -> String {
        format!("{}-{part}", self.id_prefix)
    }

    /// The tag of a heading `below` levels under the widget's top heading.
    pub fn heading(&self, below: u8) -> &'static str {
        heading_tag(self.heading_level, below)
    }

    pub fn send(&self, msg: Msg) {
        self.dispatch.dispatch(msg);
    }

    /// Changes the assessment now.
    pub fn edit_now(&self, action: Action) {
        self.send(Msg::Edit { action, now: clock::now() });
    }

    /// A callback that turns the new value of the field an event came from into a change of
    /// the assessment; `make` gives `None` for a value that changes nothing.
    pub fn edit<E>(&self, make: impl Fn(String) -> Option<Action> + 'static) -> Callback<E>
    where
        E: AsRef<web_sys::Event> + 'static,
    {
        let dispatch = self.dispatch.clone();
        Callback::from(move |e: E| {
            if let Some(action) = event_value(e.as_ref()).and_then(&make) {
                dispatch.dispatch(Msg::Edit { action, now: clock::now() });
            }
        })
    }

    /// A click that runs `op`.
    pub fn on_click(&self, op: impl Fn() -> Op + 'static) -> Callback<MouseEvent> {
        self.run.reform(move |_: MouseEvent| op())
    }

    /// A click that sends the message `msg` makes.
    pub fn on_click_send(&self, msg: impl Fn() -> Msg + 'static) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(msg()))
    }
}

/// The widget's context. Every component below `Checklist` has it; one rendered elsewhere
/// renders nothing.
#[hook]
pub fn use_shell() -> Option<Shell> {
    use_context::<Shell>()
}

/// [`use_shell`] for `component`, with its render counted ([`rendered`]): the first line of
/// almost every component.
#[hook]
pub fn use_shell_of(component: &'static str) -> Option<Shell> {
    rendered(component);
    use_shell()
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

#[cfg(debug_assertions)]
thread_local! {
    static RENDERS: std::cell::RefCell<std::collections::BTreeMap<&'static str, u32>> =
        Default::default();
}

/// Counts a render of `component` in debug builds, so a browser test can check which
/// components a keystroke re-renders. Release builds count nothing.
pub fn rendered(component: &'static str) {
    #[cfg(debug_assertions)]
    RENDERS.with(|r| *r.borrow_mut().entry(component).or_default() += 1);
    #[cfg(not(debug_assertions))]
    let _ = component;
}

/// The renders counted since the last call, by component (always empty in release builds).
pub fn take_renders() -> std::collections::BTreeMap<&'static str, u32> {
    #[cfg(debug_assertions)]
    return RENDERS.with(|r| std::mem::take(&mut *r.borrow_mut()));
    #[cfg(not(debug_assertions))]
    return Default::default();
}
