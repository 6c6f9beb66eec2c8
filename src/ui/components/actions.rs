//! The actions below every view: Export JSON, the report downloads, printing, and "Start
//! again", which asks before it clears anything.

use super::field::button;
use crate::app::Msg;
use crate::core::Action;
use crate::ui::context::use_shell_of;
use crate::ui::ops::{Op, Report};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    /// "Start again" is waiting for confirmation.
    pub confirm_reset: bool,
    /// A decision is recorded: nothing can be cleared, so "Start again" is not offered.
    #[prop_or_default]
    pub signed: bool,
}

#[component]
pub fn Actions(props: &ActionsProps) -> Html {
    let Some(shell) = use_shell_of("Actions") else { return html! {} };
    // The Summary is shown, and printed once rendered (`ui::focus::use_print`).
    let print = shell.on_click_send(|| Msg::Print);
    html! {
        <div class="rc-actions" id={shell.id("actions")}>
            <button type="button" class="rc-button rc-primary" onclick={shell.on_click(|| Op::ExportJson)}>{"Export JSON"}</button>
            { button("Export CSV", shell.on_click(|| Op::ExportReport(Report::Csv))) }
            { button("Export HTML report", shell.on_click(|| Op::ExportReport(Report::Html))) }
            { button("Print summary", print) }
            if !props.signed {
                <ResetConfirm open={props.confirm_reset} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResetProps {
    open: bool,
}

/// "Start again" asks before it clears anything; the reducer puts the focus on the safe choice.
#[component]
fn ResetConfirm(props: &ResetProps) -> Html {
    let Some(shell) = use_shell_of("ResetConfirm") else { return html! {} };
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
                <button type="button" class="rc-button" id={shell.id("reset-cancel")} onclick={shell.on_click_send(|| Msg::CancelReset)}>{"Cancel"}</button>
            </div>
        }
    } else {
        html! { <button type="button" class="rc-button" id={shell.id("reset")} onclick={shell.on_click_send(|| Msg::AskReset)}>{"Start again"}</button> }
    }
}
