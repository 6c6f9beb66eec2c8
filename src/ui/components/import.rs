//! Import: a file picker, dropping a file onto the widget, and the preview that asks what to
//! do before anything changes.

use super::field::button;
use crate::app::import::ImportPreview;
use crate::app::words;
use crate::app::Msg;
use crate::core::time::date_text;
use crate::ui::context::{rendered, use_shell};
use crate::ui::ops::Op;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What makes the widget's root a drop target: its class and its drag listeners.
pub struct DropZone {
    pub class: &'static str,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// The widget's root as a drop zone: a file dropped anywhere on it is imported.
#[hook]
pub fn use_drop_zone(run: &Callback<Op>) -> DropZone {
    let over = use_state(|| false);
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            let has_files = e.data_transfer().is_some_and(|dt| {
                dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files"))
            });
            if has_files {
                e.prevent_default();
                if !*over {
                    over.set(true);
                }
            }
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving for a child element is not leaving the zone.
            let into_child = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|n| {
                    e.current_target()
                        .and_then(|c| c.dyn_into::<web_sys::Node>().ok())
                        .is_some_and(|c| c.contains(Some(&n)))
                });
            if !into_child {
                over.set(false);
            }
        })
    };
    let ondrop = {
        let (over, run) = (over.clone(), run.clone());
        Callback::from(move |e: DragEvent| {
            let file = e.data_transfer().and_then(|dt| dt.files()).and_then(|files| files.get(0));
            if let Some(file) = file {
                e.prevent_default();
                run.emit(Op::ImportFile(file));
            }
            over.set(false);
        })
    };
    let class = if *over { "rc-root rc-dragging" } else { "rc-root" };
    DropZone { class, ondragover, ondragleave, ondrop }
}

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub preview: Option<Rc<ImportPreview>>,
    /// The open assessment is signed: a file can only open beside it.
    #[prop_or_default]
    pub signed: bool,
}

/// The import control, and what a file holds once read.
#[component]
pub fn ImportPanel(props: &ImportProps) -> Html {
    rendered("ImportPanel");
    let input = use_node_ref();
    let Some(shell) = use_shell() else { return html! {} };
    let input_id = shell.id("import");
    // The preview, or the banner saying why a file was refused, takes the focus, as either may
    // follow a drop far up the page; closed, they give it back to what had it (the reducer
    // decides, `ui::focus` moves it).
    let onchange = {
        let (run, input) = (shell.run.clone(), input.clone());
        Callback::from(move |_: Event| {
            let Some(el) = input.cast::<web_sys::HtmlInputElement>() else { return };
            if let Some(file) = el.files().and_then(|f| f.get(0)) {
                run.emit(Op::ImportFile(file));
            }
            // Clearing lets the same file be chosen again after a fix.
            el.set_value("");
        })
    };
    let close = shell.on_click_send(|| Msg::CloseImport);
    html! {
        <div class="rc-import">
            <div class="rc-import-control">
                <label for={input_id.clone()} class="rc-file-label">{"Import JSON"}</label>
                <input id={input_id} class="rc-file" type="file" accept=".json,application/json" ref={input} {onchange} />
                <span class="rc-hint">{"Choose a file exported from this checklist, or drop it onto the checklist."}</span>
            </div>
            if let Some(p) = &props.preview {
                <Preview preview={p.clone()} close={close} signed={props.signed} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    preview: Rc<ImportPreview>,
    close: Callback<MouseEvent>,
    /// The open assessment is signed: the file cannot replace it or be merged into it.
    signed: bool,
}

#[component]
fn Preview(props: &PreviewProps) -> Html {
    rendered("Preview");
    let p = &props.preview;
    let doc = &p.doc;
    let a = &doc.assessment;
    // Recomputed from the file's answers when it was read.
    let progress = doc.summary.progress;
    let title = crate::core::words::display_title(&a.title).to_owned();
    let Some(shell) = use_shell() else { return html! {} };
    let h2 = shell.heading(1);
    html! {
        <section class="rc-panel rc-preview" aria-label="Import preview">
            <@{h2} tabindex="-1" id={shell.id("import-preview")}>{"Import "}<bdi>{ &p.file_name }</bdi>{"?"}</@>
            <dl class="rc-facts">
                <dt>{"Assessment"}</dt><dd><bdi>{ title }</bdi></dd>
                <dt>{"Checklist"}</dt><dd><bdi>{ &doc.definition.title }</bdi>{ words::version_after(&doc.checklist.version) }</dd>
                <dt>{"Answered"}</dt><dd>{ words::items_answered(progress.assessed, progress.total) }</dd>
                <dt>{"Exported"}</dt><dd>{ date_text(doc.exported.date()) }</dd>
            </dl>
            if let Some(signed) = p.signed.file_sentence() {
                <p class="rc-signed"><strong>{ signed }</strong></p>
            }
            if let Some(withdrawn) = &p.withdrawn {
                <p>{ withdrawn }</p>
            }
            if p.unknown > 0 && p.blocked.is_none() {
                <p>{ words::unknown_answers(p.unknown) }</p>
            }
            if let Some(why) = &p.blocked {
                <p role="alert"><strong>{"This file cannot be opened here. "}</strong>{ why }{" Nothing was changed."}</p>
                { button("Close", props.close.clone()) }
            } else {
                <p>{"Nothing changes until you choose."}</p>
                if props.signed {
                    <p>{ words::SIGNED_IMPORT }</p>
                }
                <div class="rc-button-row">
                    <button type="button" class="rc-button rc-primary" onclick={shell.on_click(|| Op::ImportAsNew)}>{"Open as a new assessment"}</button>
                    if !props.signed {
                        { button("Replace the current assessment", shell.on_click(|| Op::ImportReplace)) }
                        <button type="button" class="rc-button" id={shell.id("import-merge")} onclick={shell.on_click_send(|| Msg::MergeImport)}>{"Merge into this assessment"}</button>
                    }
                    <button type="button" class="rc-button" id={shell.id("import-compare")} onclick={shell.on_click(|| Op::CompareImport)}>{"Compare with this assessment"}</button>
                    { button("Cancel", props.close.clone()) }
                </div>
            }
        </section>
    }
}
