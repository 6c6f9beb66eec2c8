//! Where answers are kept, what went wrong with storage, and the "Start again" confirmation.

use crate::core::Action;
use crate::ui::clock;
use crate::ui::state::{AppState, Msg, StorageHealth};
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
        StorageHealth::Recovered { backup_key, reason } => Some(format!(
            "The answers stored in this browser could not be opened: {reason}. They have been kept, \
             unchanged, under the storage key \"{backup_key}\", and a new assessment was started."
        )),
        StorageHealth::Protected { reason } => Some(format!(
            "The answers stored in this browser could not be opened: {reason}. They are left untouched and \
             this page will not save over them, so your answers here are not being saved. Use Export JSON \
             to keep them."
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
            let target = if *open { Some(&cancel_ref) } else if *was_open.borrow() { Some(&start_ref) } else { None };
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
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Edit { action: Action::Reset, now: clock::now() }))
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
