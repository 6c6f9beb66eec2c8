//! The one place the focus is moved. The reducer decides every move (`AppState::focus`, a
//! `FocusTarget` with a counter); [`use_focus`] finds the element and focuses it once per
//! request, after the render that shows it. It also remembers what had the focus when a
//! comparison, a merge or the import panel's preview or message opened, so that
//! `FocusTarget::Opener` can give the focus back to it. And printing waits here for the
//! record to be rendered.

use super::context::Shell;
use crate::app::state::Overlay;
use crate::app::{AppState, FocusTarget, Msg, Printing, View};
use crate::core::decision::Field;
use crate::core::Decision;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The id of a view's tab.
pub fn view_tab(shell: &Shell, view: View) -> String {
    shell.id(match view {
        View::Checklist => "tab-checklist",
        View::Summary => "tab-summary",
        View::Assessments => "tab-assessments",
    })
}

/// The id of an item's element in the section on screen.
pub fn item_id(shell: &Shell, item: &crate::core::ItemId) -> String {
    shell.id(&format!("{item}-item"))
}

/// What had the focus when each kind of overlay last opened (an element id, empty when
/// none), and whether it is open.
#[derive(Default)]
struct Openers {
    panel: String,
    panel_open: bool,
    import: String,
    import_open: bool,
}

/// Carries out the reducer's focus moves for the state `s` of one widget.
#[hook]
pub fn use_focus(s: &AppState, shell: &Shell) {
    let openers = use_mut_ref(Openers::default);
    remember_openers(&openers, s);
    let ids = element_ids(s, shell, &openers.borrow(), s.focus.as_ref().map(|(_, t)| t));
    // A place brought into view without the focus: the section resumed on a return visit.
    let in_view = element_ids(s, shell, &openers.borrow(), s.scroll.as_ref().map(|(_, t)| t));
    use_effect_with(s.scroll.clone(), move |scroll| {
        if scroll.is_some() {
            let document = web_sys::window().and_then(|w| w.document());
            let first = in_view.iter().find_map(|id| document.as_ref()?.get_element_by_id(id));
            if let Some(el) = first {
                el.scroll_into_view_with_bool(true);
            }
        }
    });
    use_effect_with(s.focus.clone(), move |focus| {
        if let Some((_, target)) = focus {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let focused = focus_first_of(&ids);
            // A heading or a banner leads what follows it: it goes to the top of the screen,
            // with what it heads below it, not wherever the browser scrolls a focused element.
            // An item can be taller than the window: its top, with its title, is put in view.
            let leads = matches!(
                target,
                FocusTarget::Banner
                    | FocusTarget::SectionHeading
                    | FocusTarget::ViewHeading
                    | FocusTarget::Item(_)
            );
            if let Some(el) = focused.as_ref().filter(|_| leads) {
                el.scroll_into_view_with_bool(true);
            }
            // A name to edit is selected, so typing replaces it.
            if let Some(input) = focused.filter(|_| matches!(target, FocusTarget::RenameField(_))) {
                if let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() {
                    input.select();
                }
            }
        }
    });
}

/// Notes what has the focus as an overlay opens. This render comes before the page changes,
/// so the focus is still on the control that asked for it.
fn remember_openers(openers: &Rc<RefCell<Openers>>, s: &AppState) {
    fn remember(slot: &mut String, was_open: &mut bool, open: bool) {
        if open && !*was_open {
            let document = web_sys::window().and_then(|w| w.document());
            *slot = document.and_then(|d| d.active_element()).map(|el| el.id()).unwrap_or_default();
        }
        *was_open = open;
    }
    let o = &mut *openers.borrow_mut();
    remember(&mut o.panel, &mut o.panel_open, s.compare.is_some() || s.merge.is_some());
    let refused = matches!(s.banner, Some(crate::app::Announcement::Refused(_)));
    remember(&mut o.import, &mut o.import_open, s.import.is_some() || refused);
}

/// The elements `target` can go to, first choice first.
fn element_ids(
    s: &AppState,
    shell: &Shell,
    openers: &Openers,
    target: Option<&FocusTarget>,
) -> Vec<String> {
    let Some(target) = target else { return Vec::new() };
    let heading = || {
        shell.id(match (&s.merge, &s.compare, s.view) {
            (Some(_), _, _) => "merge-heading",
            (None, Some(_), _) => "compare-heading",
            (None, None, View::Checklist) => "section-heading",
            (None, None, View::Summary) => "summary",
            (None, None, View::Assessments) => "library-heading",
        })
    };
    match target {
        FocusTarget::SectionHeading => vec![shell.id("section-heading")],
        FocusTarget::Item(item) => vec![item_id(shell, item)],
        FocusTarget::ViewHeading => vec![heading()],
        FocusTarget::Notification => vec![shell.id("import-preview")],
        FocusTarget::Banner => vec![shell.id("banner"), heading()],
        FocusTarget::ScopeQuestion => shell.def.questions.first().map_or_else(Vec::new, |q| {
            vec![shell.id(&format!("scope-{}-yes", q.id)), shell.id("scope-heading")]
        }),
        FocusTarget::Opener(Overlay::Panel) => {
            vec![openers.panel.clone(), view_tab(shell, s.view)]
        }
        FocusTarget::Opener(Overlay::Import) => {
            vec![openers.import.clone(), shell.id("import")]
        }
        FocusTarget::ResetQuestion => vec![shell.id("reset-cancel")],
        FocusTarget::StartAgain => vec![shell.id("reset")],
        FocusTarget::DecisionLine => vec![shell.id("signoff-decision-line")],
        FocusTarget::ErrorSummary => vec![shell.id("signoff-errors")],
        FocusTarget::Field(field) => vec![field_id(shell, field)],
        FocusTarget::ReopenQuestion => vec![shell.id("reopen-cancel")],
        FocusTarget::ReopenButton => vec![shell.id("signoff-reopen")],
        FocusTarget::SummaryRow(row) => vec![shell.id(row), shell.id("summary")],
        FocusTarget::RenameField(id) => vec![shell.id(&format!("rename-{id}"))],
        FocusTarget::RenameButton(id) => vec![shell.id(&format!("rename-button-{id}"))],
    }
}

/// The id of the field an error of the sign-off belongs to: the first input of its group, or an
/// item's notes.
pub fn field_id(shell: &Shell, field: &Field) -> String {
    match field {
        Field::Decision => shell.id(&format!("signoff-{}", Decision::ALL[0].key())),
        Field::Owner => shell.id("signoff-owner"),
        Field::Role => shell.id("signoff-role"),
        Field::Conditions => shell.id("signoff-conditions"),
        Field::Decided => shell.id("signoff-decided"),
        Field::ReviewDate => shell.id("signoff-review"),
        Field::Item(item) => shell.id(&format!("{item}-notes")),
    }
}

/// Puts the focus on the first of these elements (by id) that is on the page, and returns it;
/// an empty id is skipped.
fn focus_first_of(ids: &[&str]) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window().and_then(|w| w.document())?;
    let target =
        ids.iter().filter(|id| !id.is_empty()).find_map(|id| document.get_element_by_id(id));
    let el = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())?;
    let _ = el.focus();
    Some(el)
}

/// Prints the record: once it is rendered after "Print summary", and whenever the browser
/// prints by itself (its menu, Ctrl+P), which it says first with `beforeprint`: the record is
/// rendered then, before the page is laid out for paper, and taken away on `afterprint`.
/// While the dialog opened by "Print summary" is open, this widget's root is marked, and the
/// page's other widgets are left out of the printout (style/widget.css); `print()` returns
/// when the dialog closes.
#[hook]
pub fn use_print(printing: Option<Printing>, shell: &Shell) {
    use_effect_with((), {
        let dispatch = shell.dispatch.clone();
        move |_| {
            let listeners = web_sys::window().map(|w| {
                let started = dispatch.clone();
                (
                    EventListener::new(&w, "beforeprint", move |_| {
                        started.dispatch(Msg::PrintStarted)
                    }),
                    EventListener::new(&w, "afterprint", move |_| dispatch.dispatch(Msg::Printed)),
                )
            });
            move || drop(listeners)
        }
    });
    let (root_id, dispatch) = (shell.id("actions"), shell.dispatch.clone());
    use_effect_with(printing, move |&printing| {
        if printing != Some(Printing::Asked) {
            return;
        }
        if let Some(w) = web_sys::window() {
            let root = w.document().and_then(|d| d.get_element_by_id(&root_id));
            let root = root.and_then(|el| el.closest(".rc").ok().flatten());
            if let Some(root) = &root {
                let _ = root.set_attribute(PRINTING, "");
            }
            let _ = w.print();
            if let Some(root) = &root {
                let _ = root.remove_attribute(PRINTING);
            }
        }
        dispatch.dispatch(Msg::Printed);
    });
}

/// Marks the widget being printed.
const PRINTING: &str = "data-rc-printing";
