//! The assessments kept in this browser: open, create, rename, duplicate and delete.

use crate::core::library::{AssessmentId, Entry, Library};
use crate::ui::ops::Op;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub library: Rc<Library>,
    pub current: AssessmentId,
    pub checklist_id: String,
    pub run: Callback<Op>,
    pub id_prefix: AttrValue,
}

#[component]
pub fn LibraryView(props: &LibraryProps) -> Html {
    let renaming = use_state(|| None::<AssessmentId>);
    let h2 = super::use_heading(1);
    let entries = &props.library.entries;
    html! {
        <section class="rc-library" aria-labelledby={format!("{}-library-heading", props.id_prefix)}>
            <@{h2} id={format!("{}-library-heading", props.id_prefix)}>{"Assessments in this browser"}</@>
            <p class="rc-hint">{"Each assessment is saved separately in this browser. Export one to keep or share it."}</p>
            <button type="button" class="rc-button rc-primary" onclick={props.run.reform(|_: MouseEvent| Op::New)}>{"New assessment"}</button>
            if entries.is_empty() {
                <p class="rc-empty">{"No assessment has been saved yet: answer an item and it appears here."}</p>
            } else {
                <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={format!("{}-library-heading", props.id_prefix)}>
                    <table class="rc-table">
                    <caption class="rc-visually-hidden">{"Assessments saved in this browser"}</caption>
                    <thead><tr>
                        <th scope="col">{"Assessment"}</th><th scope="col">{"Checklist"}</th>
                        <th scope="col">{"Progress"}</th><th scope="col">{"Last changed"}</th><th scope="col">{"Actions"}</th>
                    </tr></thead>
                    <tbody>
                        { for entries.iter().map(|e| html! {
                            <Row key={e.id.as_str().to_owned()} entry={e.clone()} current={e.id == props.current}
                                usable={e.checklist_id == props.checklist_id} renaming={renaming.as_ref() == Some(&e.id)}
                                set_renaming={Callback::from({ let r = renaming.clone(); move |v| r.set(v) })}
                                run={props.run.clone()} id_prefix={props.id_prefix.clone()} />
                        }) }
                    </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    entry: Entry,
    current: bool,
    /// Made with this page's checklist, so it can be opened here.
    usable: bool,
    renaming: bool,
    set_renaming: Callback<Option<AssessmentId>>,
    run: Callback<Op>,
    id_prefix: AttrValue,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let e = &props.entry;
    let title = crate::core::report::display_title(&e.title).to_owned();
    let id = e.id.clone();
    let progress = if e.progress.total == 0 {
        format!("{} answered", e.progress.assessed)
    } else {
        format!("{} of {} assessed", e.progress.assessed, e.progress.total)
    };
    let when = e.updated.as_str().get(..16).unwrap_or(e.updated.as_str()).replace('T', " ");
    let input_id = format!("{}-rename-{}", props.id_prefix, e.id);
    let rename_input = use_node_ref();
    let save_rename = {
        let (run, set, input, id) =
            (props.run.clone(), props.set_renaming.clone(), rename_input.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                run.emit(Op::Rename(id.clone(), el.value()));
            }
            set.emit(None);
        })
    };
    html! {
        <tr class={props.current.then_some("rc-current")}>
            <th scope="row">
                if props.renaming {
                    <form class="rc-rename" onsubmit={save_rename}>
                        <label for={input_id.clone()} class="rc-visually-hidden">{ format!("New name for {title}") }</label>
                        <input id={input_id} type="text" dir="auto" maxlength={crate::core::assessment::MAX_NAME.to_string()} value={e.title.clone()} ref={rename_input} />
                        <button type="submit" class="rc-button">{"Save name"}</button>
                        <button type="button" class="rc-button" onclick={props.set_renaming.reform(|_: MouseEvent| None)}>{"Cancel"}</button>
                    </form>
                } else {
                    <bdi>{ &title }</bdi>
                    if props.current { <span class="rc-tag">{" (open now)"}</span> }
                }
            </th>
            <td><bdi>{ &e.checklist_title }</bdi></td>
            <td>{ progress }</td>
            <td><time datetime={e.updated.to_string()}>{ when }{" UTC"}</time></td>
            <td class="rc-row-actions">
                if props.usable && !props.current {
                    <button type="button" class="rc-button" aria-label={format!("Open {title}")}
                        onclick={props.run.reform({ let id = id.clone(); move |_: MouseEvent| Op::Open(id.clone()) })}>{"Open"}</button>
                }
                if props.usable {
                    <button type="button" class="rc-button" aria-label={format!("Rename {title}")}
                        onclick={props.set_renaming.reform({ let id = id.clone(); move |_: MouseEvent| Some(id.clone()) })}>{"Rename"}</button>
                    <button type="button" class="rc-button" aria-label={format!("Duplicate {title}")}
                        onclick={props.run.reform({ let id = id.clone(); move |_: MouseEvent| Op::Duplicate(id.clone()) })}>{"Duplicate"}</button>
                }
                <button type="button" class="rc-button" aria-label={format!("Delete {title}")}
                    onclick={props.run.reform(move |_: MouseEvent| Op::Delete(id.clone()))}>{"Delete"}</button>
            </td>
        </tr>
    }
}
