//! The assessments kept in this browser: open, compare with the open one, create, rename,
//! duplicate and delete.

use super::field::button;
use crate::app::words;
use crate::app::Msg;
use crate::core::library::{AssessmentId, Entry, Library};
use crate::ui::clock;
use crate::ui::context::{rendered, use_shell, use_shell_of};
use crate::ui::ops::Op;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub library: Rc<Library>,
    pub current: AssessmentId,
    /// The assessment whose name is being edited.
    pub renaming: Option<AssessmentId>,
}

#[component]
pub fn LibraryView(props: &LibraryProps) -> Html {
    let Some(shell) = use_shell_of("LibraryView") else { return html! {} };
    let entries = &props.library.entries;
    let today = clock::today();
    let heading_id = shell.id("library-heading");
    html! {
        <section class="rc-library" aria-labelledby={heading_id.clone()}>
            <@{shell.heading(1)} id={heading_id.clone()} tabindex="-1">{"Assessments in this browser"}</@>
            <p class="rc-hint">{"Each assessment is saved separately in this browser. Export one to keep or share it."}</p>
            <button type="button" class="rc-button rc-primary" onclick={shell.on_click(|| Op::New)}>{"New assessment"}</button>
            if entries.is_empty() {
                <p class="rc-empty">{"No assessment has been saved yet: answer an item and it appears here."}</p>
            } else {
                <div class="rc-scroll" tabindex="0" role="region" aria-labelledby={heading_id}>
                    <table class="rc-table">
                    <caption class="rc-visually-hidden">{"Assessments saved in this browser"}</caption>
                    <thead><tr>
                        <th scope="col">{"Assessment"}</th><th scope="col">{"Checklist"}</th>
                        <th scope="col">{"Progress"}</th><th scope="col">{"State"}</th><th scope="col">{"Last changed"}</th><th scope="col">{"Actions"}</th>
                    </tr></thead>
                    <tbody>
                        { for entries.iter().map(|e| html! {
                            <Row key={e.id.as_str().to_owned()} entry={e.clone()} current={e.id == props.current}
                                usable={e.checklist_id == shell.def.id} renaming={props.renaming.as_ref() == Some(&e.id)} today={today.clone()} />
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
    /// Today, `YYYY-MM-DD`, against which a review is due.
    today: String,
}

#[component]
fn Row(props: &RowProps) -> Html {
    rendered("Row");
    let rename_input = use_node_ref();
    // Rename puts the focus in the name field, its text selected; Save name or Cancel takes
    // the form away and puts the focus back on Rename (the reducer decides, `ui::focus` moves it).
    let Some(shell) = use_shell() else { return html! {} };
    let e = &props.entry;
    let title = crate::core::words::display_title(&e.title).to_owned();
    let id = e.id.clone();
    let progress = words::entry_progress(e.progress.assessed, e.progress.total);
    let (date, time) = clock::local(&e.updated);
    let when = words::local_when(&date, &time);
    let (state, review) = words::entry_state(e.decision.as_ref(), &props.today);
    let input_id = shell.id(&format!("rename-{}", e.id));
    let save_rename = {
        let (run, dispatch, input, id) =
            (shell.run.clone(), shell.dispatch.clone(), rename_input.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                run.emit(Op::Rename(id.clone(), el.value()));
            }
            dispatch.dispatch(Msg::Renaming(None));
        })
    };
    let set_renaming =
        |to: Option<AssessmentId>| shell.on_click_send(move || Msg::Renaming(to.clone()));
    html! {
        <tr class={props.current.then_some("rc-current")}>
            <th scope="row">
                if props.renaming {
                    <form class="rc-rename" onsubmit={save_rename}>
                        <label for={input_id.clone()} class="rc-visually-hidden">{ words::new_name_for(&title) }</label>
                        <input id={input_id} type="text" dir="auto" maxlength={crate::core::assessment::MAX_NAME.to_string()} value={e.title.clone()} ref={rename_input} />
                        <button type="submit" class="rc-button">{"Save name"}</button>
                        { button("Cancel", set_renaming(None)) }
                    </form>
                } else {
                    <bdi>{ &title }</bdi>
                    if props.current { <span class="rc-tag">{" (open now)"}</span> }
                }
            </th>
            <td><bdi>{ &e.checklist_title }</bdi></td>
            <td>{ progress }</td>
            <td class="rc-state">{ state }
                if let Some(review) = review { {" "}<strong class="rc-state-due">{ review }</strong> }
            </td>
            <td><time datetime={e.updated.to_string()}>{ when }</time></td>
            <td class="rc-row-actions">
                if props.usable && !props.current {
                    <button type="button" class="rc-button" aria-label={words::act_on("Open", &title)}
                        onclick={shell.on_click({ let id = id.clone(); move || Op::Open(id.clone()) })}>{"Open"}</button>
                    <button type="button" class="rc-button" id={shell.id(&format!("compare-{id}"))}
                        aria-label={words::compare_with_open(&title)}
                        onclick={shell.on_click({ let id = id.clone(); move || Op::Compare(id.clone()) })}>{"Compare"}</button>
                }
                if props.usable {
                    <button type="button" class="rc-button" aria-label={words::act_on("Rename", &title)} id={shell.id(&format!("rename-button-{id}"))}
                        onclick={set_renaming(Some(id.clone()))}>{"Rename"}</button>
                    <button type="button" class="rc-button" aria-label={words::act_on("Duplicate", &title)}
                        onclick={shell.on_click({ let id = id.clone(); move || Op::Duplicate(id.clone()) })}>{"Duplicate"}</button>
                }
                <button type="button" class="rc-button" aria-label={words::act_on("Delete", &title)}
                    onclick={shell.on_click(move || Op::Delete(id.clone()))}>{"Delete"}</button>
            </td>
        </tr>
    }
}
