//! Where answers are kept, what went wrong with storage, and the "Start again" confirmation.

use crate::core::{Action, Assessment};
use crate::ui::clock;
use crate::ui::ops::Op;
use crate::ui::state::{AppState, Msg, StorageHealth, Undo, Unopened};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    pub health: StorageHealth,
}

#[component]
pub fn StorageNotice(props: &StorageNoticeProps) -> Html {
    let warning = match &props.health {
        StorageHealth::Saving => None,
        StorageHealth::Unavailable => Some(
            "Your answers are not being saved: this browser does not let the checklist use its storage \
             (it may be blocked or disabled). They are kept only while this page stays open, so use \
             Export JSON before you close it."
                .to_owned(),
        ),
        StorageHealth::Failing { reason } => Some(format!(
            "Your latest changes could not be saved: {reason}. The last saved copy is still in this browser. \
             Use Export JSON to keep your work; saving is tried again with your next change."
        )),
        StorageHealth::ReadOnly { version } => Some(format!(
            "A newer version of this checklist saved the assessments in this browser (index format \
             {version}), so this version changes nothing here: it lists what it can read, and your \
             answers are not saved. Use Export JSON to keep new work."
        )),
    };
    html! {
        <>
            if let Some(text) = warning {
                <p class="rc-panel rc-warning" role="alert"><strong>{"Warning: "}</strong>{ text }</p>
            }
            <p class="rc-storage-line">
                { "Your answers are saved as you type and stored only in this browser, on this device. \
                   Use Export JSON to keep a copy or to share it." }
            </p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnopenedProps {
    pub unopened: Rc<Unopened>,
    pub run: Callback<Op>,
}

/// A stored assessment that could not be opened: what happened, and its text to download.
#[component]
pub fn UnopenedNotice(props: &UnopenedProps) -> Html {
    let u = &props.unopened;
    let id = u.id.clone();
    html! {
        <div class="rc-panel rc-warning" role="alert">
            <p>
                <strong>{"Warning: "}</strong>
                { format!("The assessment last open in this browser could not be opened: {}. ", u.reason) }
                { if u.newer { "It is left exactly as it is, so the newer version can still open it. " } else { "It is left exactly as it is, and nothing will be saved over it. " } }
                { u.backup_key.as_ref().map(|k| format!("A copy is also kept under the storage key “{k}”. ")).unwrap_or_default() }
                {"A new assessment was started."}
            </p>
            <button type="button" class="rc-button" onclick={props.run.reform(move |_: MouseEvent| Op::DownloadRaw(id.clone()))}>
                {"Download it as stored"}
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConflictProps {
    pub theirs: Rc<Assessment>,
    pub run: Callback<Op>,
}

/// Another tab saved this assessment while this one has changes of its own.
#[component]
pub fn ConflictNotice(props: &ConflictProps) -> Html {
    html! {
        <div class="rc-panel rc-warning" role="alert">
            <p><strong>{"This assessment was changed in another tab or window. "}</strong>
                {"Both versions are kept: choose which to continue with, and the other is saved as a backup in this browser."}</p>
            <div class="rc-button-row">
                <button type="button" class="rc-button" onclick={props.run.reform(|_: MouseEvent| Op::Resolve { keep_mine: false })}>{"Use the other tab's version"}</button>
                <button type="button" class="rc-button" onclick={props.run.reform(|_: MouseEvent| Op::Resolve { keep_mine: true })}>{"Keep this tab's version"}</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct UndoProps {
    pub undo: Rc<Undo>,
    pub run: Callback<Op>,
}

/// The way back from the last import or deletion.
#[component]
pub fn UndoNotice(props: &UndoProps) -> Html {
    let what = match &*props.undo {
        Undo::Replaced { .. } => "The answers were replaced by an import.".to_owned(),
        Undo::Deleted { title, .. } if title.trim().is_empty() => {
            "An untitled assessment was deleted.".to_owned()
        }
        Undo::Deleted { title, .. } => format!("“{title}” was deleted."),
    };
    html! {
        <div class="rc-panel rc-undo">
            <span>{ what }</span>{" "}
            <button type="button" class="rc-button" onclick={props.run.reform(|_: MouseEvent| Op::Undo)}>{"Undo"}</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResetProps {
    pub open: bool,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// "Start again" asks before it clears anything, and puts focus on the safe choice.
#[component]
pub fn ResetConfirm(props: &ResetProps) -> Html {
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
    let send = |msg: fn() -> Msg| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(msg()))
    };
    let confirm = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::Edit { action: Action::Reset, now: clock::now() })
        })
    };
    let on_key = {
        let dispatch = props.dispatch.clone();
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
                <button type="button" class="rc-button" ref={cancel_ref} onclick={send(|| Msg::CancelReset)}>{"Cancel"}</button>
            </div>
        }
    } else {
        html! { <button type="button" class="rc-button" ref={start_ref} onclick={send(|| Msg::AskReset)}>{"Start again"}</button> }
    }
}
