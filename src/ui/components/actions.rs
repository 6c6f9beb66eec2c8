//! The actions below every view: Export JSON, the report downloads, printing, and "Start
//! again", which asks before it clears anything.

use super::field::button;
use crate::app::{Msg, View};
use crate::core::Action;
use crate::ui::context::{rendered, use_shell};
use crate::ui::ops::{Op, Report};
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
                let Some(w) = web_sys::window() else { return };
                // This widget's root is marked while the print dialog is open, and the page's
                // other widgets are left out of the printout (style/widget.css). print()
                // returns when the dialog closes.
                let root = w.document().and_then(|d| d.get_element_by_id(&own));
                let root = root.and_then(|el| el.closest(".rc").ok().flatten());
                if let Some(root) = &root {
                    let _ = root.set_attribute(PRINTING, "");
                }
                let _ = w.print();
                if let Some(root) = &root {
                    let _ = root.remove_attribute(PRINTING);
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

/// Marks the widget being printed.
const PRINTING: &str = "data-rc-printing";
