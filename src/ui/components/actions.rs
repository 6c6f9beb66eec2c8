//! The actions below every view: Export JSON, the report downloads, printing, and "Start
//! again", which asks before it clears anything.

use super::field::button;
use crate::app::{Msg, View};
use crate::core::Action;
use crate::ui::context::{rendered, use_shell};
use crate::ui::ops::{Op, Report};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    /// "Start again" is waiting for confirmation.
    pub confirm_reset: bool,
}

#[component]
pub fn Actions(props: &ActionsProps) -> Html {
    rendered("Actions");
    let Some(shell) = use_shell() else { return html! {} };
    let own = shell.id("actions");
    let print = {
        let (dispatch, own) = (shell.dispatch.clone(), own.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::ShowView(View::Summary));
            // Print once the summary is on screen.
            let own = own.clone();
            gloo_timers::callback::Timeout::new(50, move || {
                if let Some(w) = web_sys::window() {
                    let others = set_aside_other_widgets(&w, &own);
                    // Back on the page once the print dialog closes.
                    gloo_events::EventListener::once(&w, "afterprint", move |_| {
                        for el in others {
                            let _ = el.remove_attribute(NOT_PRINTED);
                        }
                    })
                    .forget();
                    let _ = w.print();
                }
            })
            .forget();
        })
    };
    html! {
        <div class="rc-actions" id={own}>
            <button type="button" class="rc-button rc-primary" onclick={shell.on_click(|| Op::ExportJson)}>{"Export JSON"}</button>
            { button("Export CSV", shell.on_click(|| Op::ExportReport(Report::Csv))) }
            { button("Export HTML report", shell.on_click(|| Op::ExportReport(Report::Html))) }
            { button("Print summary", print) }
            <ResetConfirm open={props.confirm_reset} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResetProps {
    open: bool,
}

/// "Start again" asks before it clears anything, and puts focus on the safe choice.
#[component]
fn ResetConfirm(props: &ResetProps) -> Html {
    rendered("ResetConfirm");
    let cancel_ref = use_node_ref();
    let start_ref = use_node_ref();
    let was_open = use_mut_ref(|| false);
    use_effect_with(props.open, {
        let (cancel_ref, start_ref) = (cancel_ref.clone(), start_ref.clone());
        move |open: &bool| {
            let target = if *open {
                Some(&cancel_ref)
            } else if *was_open.borrow() {
                Some(&start_ref)
            } else {
                None
            };
            if let Some(el) = target.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
            *was_open.borrow_mut() = *open;
        }
    });
    let Some(shell) = use_shell() else { return html! {} };
    let confirm = {
        let shell = shell.clone();
        Callback::from(move |_: MouseEvent| shell.edit_now(Action::Reset))
    };
    let on_key = {
        let dispatch = shell.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                dispatch.dispatch(Msg::CancelReset)
            }
        })
    };
    if props.open {
        html! {
            <div class="rc-confirm" role="group" aria-label="Start again?" onkeydown={on_key}>
                <p>{"Clear every answer in this assessment? This cannot be undone. Export JSON first if you may need them."}</p>
                <button type="button" class="rc-button rc-danger" onclick={confirm}>{"Yes, clear all answers"}</button>
                <button type="button" class="rc-button" ref={cancel_ref} onclick={shell.on_click_send(|| Msg::CancelReset)}>{"Cancel"}</button>
            </div>
        }
    } else {
        html! { <button type="button" class="rc-button" ref={start_ref} onclick={shell.on_click_send(|| Msg::AskReset)}>{"Start again"}</button> }
    }
}

/// Marks a widget that is not printed (style/widget.css hides it in print).
const NOT_PRINTED: &str = "data-rc-not-printed";

/// On a page with several widgets, "Print summary" prints its own widget alone: every other
/// widget's root, found as the `.rc` elements not holding the element `own`, is marked not to
/// be printed. Returns them, to unmark after printing.
fn set_aside_other_widgets(w: &web_sys::Window, own: &str) -> Vec<web_sys::Element> {
    let Some(doc) = w.document() else { return Vec::new() };
    let mine = doc.get_element_by_id(own).and_then(|el| el.closest(".rc").ok().flatten());
    let mut others = Vec::new();
    if let Ok(roots) = doc.query_selector_all(".rc") {
        for i in 0..roots.length() {
            let Some(el) = roots.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            if Some(&el) != mine.as_ref() && el.set_attribute(NOT_PRINTED, "").is_ok() {
                others.push(el);
            }
        }
    }
    others
}
