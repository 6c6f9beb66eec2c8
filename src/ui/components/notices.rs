//! Where answers are kept and what went wrong with storage; a stored assessment that could not
//! be opened, a conflict with another tab, and the way back from the last import or deletion.

use super::field::button;
use super::Shown;
use crate::app::announcements::Announcement;
use crate::app::state::{Resolution, Unopened};
use crate::app::words;
use crate::app::Msg;
use crate::app::StorageError;
use crate::ui::context::{rendered, use_shell_of};
use crate::ui::ops::Op;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    /// Why answers are not being saved, if they are not.
    pub problem: Option<StorageError>,
}

#[component]
pub fn StorageNotice(props: &StorageNoticeProps) -> Html {
    rendered("StorageNotice");
    let warning = match &props.problem {
        None => None,
        Some(StorageError::Unavailable) => Some(
            "Your answers are not being saved: this browser does not let the checklist use its storage \
             (it may be blocked or disabled). They are kept only while this page stays open, so use \
             Export JSON before you close it."
                .to_owned(),
        ),
        Some(StorageError::Refused { reason }) => Some(words::save_refused(reason)),
        Some(StorageError::ReadOnly { version }) => Some(words::read_only(version)),
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

/// A stored assessment that could not be opened: what happened, and its text to download.
#[component]
pub fn UnopenedNotice(props: &Shown<Unopened>) -> Html {
    let Some(shell) = use_shell_of("UnopenedNotice") else { return html! {} };
    let u = &props.of;
    let id = u.id.clone();
    html! {
        <div class="rc-panel rc-warning" role="alert">
            <p>
                <strong>{"Warning: "}</strong>
                { words::not_opened(&u.reason) }
                { if u.newer { "It is left exactly as it is, so the newer version can still open it. " } else { "It is left exactly as it is, and nothing will be saved over it. " } }
                { u.backup_key.as_deref().map(words::copy_kept_under).unwrap_or_default() }
                {"A new assessment was started."}
            </p>
            <button type="button" class="rc-button" onclick={shell.on_click(move || Op::DownloadRaw(id.clone()))}>
                {"Download it as stored"}
            </button>
        </div>
    }
}

/// Another tab saved this assessment while this one has changes of its own.
#[component]
pub fn ConflictNotice() -> Html {
    let Some(shell) = use_shell_of("ConflictNotice") else { return html! {} };
    html! {
        <div class="rc-panel rc-warning" role="alert">
            <p><strong>{"This assessment was changed in another tab or window. "}</strong>
                {"Both versions are kept: choose which to continue with, and the other is saved as a backup in this browser."}</p>
            <div class="rc-button-row">
                { button("Use the other tab's version", shell.on_click(|| Op::Resolve(Resolution::Theirs))) }
                { button("Keep this tab's version", shell.on_click(|| Op::Resolve(Resolution::Mine))) }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    /// The outcome of the last operation.
    pub says: Announcement,
    /// Whether Undo is offered: what it reports can still be taken back.
    pub undo: bool,
}

/// The notification banner at the top of the view: what an operation did (GOV.UK's
/// notification banner, "Success"), or why a file was refused ("Important", an alert, with the
/// technical detail folded away), with Undo inside it when that can be taken back. The reducer
/// puts the focus on it when the operation took the focus away.
#[component]
pub fn NotificationBanner(props: &BannerProps) -> Html {
    let Some(shell) = use_shell_of("NotificationBanner") else { return html! {} };
    let says = &props.says;
    let failure = says.is_failure();
    let title = shell.id("banner-title");
    let refused = matches!(says, Announcement::Refused(_));
    html! {
        <div class={if failure { "rc-banner rc-banner-important" } else { "rc-banner rc-banner-success" }}
            role={if failure { "alert" } else { "region" }} aria-labelledby={title.clone()}
            tabindex="-1" id={shell.id("banner")}>
            <div class="rc-banner-header">
                <@{shell.heading(1)} class="rc-banner-title" id={title}>{ says.title() }</@>
            </div>
            <div class="rc-banner-content">
                <p class="rc-banner-heading">{ says.to_string() }</p>
                if let Some(detail) = says.detail() {
                    <details class="rc-banner-detail">
                        <summary>{"Technical detail"}</summary>
                        <p>{ detail.to_owned() }</p>
                    </details>
                }
                if props.undo || refused {
                    <div class="rc-button-row">
                        if props.undo {
                            <button type="button" class="rc-button" id={shell.id("undo")} onclick={shell.on_click(|| Op::Undo)}>{"Undo"}</button>
                        }
                        if refused {
                            { button("Dismiss", shell.on_click_send(|| Msg::CloseImport)) }
                        }
                    </div>
                }
            </div>
        </div>
    }
}
