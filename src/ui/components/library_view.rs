//! The assessments kept in this browser: open, compare with the open one, create, rename,
//! duplicate and delete.

use super::field::button;
use crate::core::library::{AssessmentId, Entry, Library};
use crate::ui::context::{focus_first_of, focus_lost, rendered, use_shell};
use crate::ui::ops::Op;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub library: Rc<Library>,
    pub current: AssessmentId,
}

#[component]
pub fn LibraryView(props: &LibraryProps) -> Html {
    rendered("LibraryView");
    let renaming = use_state(|| None::<AssessmentId>);
    let Some(shell) = use_shell() else { return html! {} };
    let entries = &props.library.entries;
    let heading_id = shell.id("library-heading");
    // A row deleted takes its focused Delete button with it, and Undo takes itself away: the
    // focus goes to Undo when it is there, else to the heading, never to the top of the page.
    // Only a change of the list does this: on the view's first render the focus is the
    // business of whatever opened it (a closed comparison gives it back to its Compare).
    let ids: Vec<AssessmentId> = entries.iter().map(|e| e.id.clone()).collect();
    let first_render = use_mut_ref(|| true);
    use_effect_with(ids, {
        let (undo, heading) = (shell.id("undo"), heading_id.clone());
        move |_| {
            let first = std::mem::replace(&mut *first_render.borrow_mut(), false);
            if !first && focus_lost() {
                focus_first_of(&[&undo, &heading]);
            }
        }
    });
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
                        <th scope="col">{"Progress"}</th><th scope="col">{"Last changed"}</th><th scope="col">{"Actions"}</th>
                    </tr></thead>
                    <tbody>
                        { for entries.iter().map(|e| html! {
                            <Row key={e.id.as_str().to_owned()} entry={e.clone()} current={e.id == props.current}
                                usable={e.checklist_id == shell.def.id} renaming={renaming.as_ref() == Some(&e.id)}
                                set_renaming={renaming.setter()} />
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
    set_renaming: UseStateSetter<Option<AssessmentId>>,
}

#[component]
fn Row(props: &RowProps) -> Html {
    rendered("Row");
    let rename_input = use_node_ref();
    let rename_button = use_node_ref();
    // Rename puts the focus in the name field, its text selected; Save name or Cancel takes
    // the form away and puts the focus back on Rename.
    let was_renaming = use_mut_ref(|| false);
    use_effect_with(props.renaming, {
        let (input, rename_button) = (rename_input.clone(), rename_button.clone());
        move |&renaming: &bool| {
            if renaming {
                if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            } else if *was_renaming.borrow() && focus_lost() {
                if let Some(el) = rename_button.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            *was_renaming.borrow_mut() = renaming;
        }
    });
    let Some(shell) = use_shell() else { return html! {} };
    let e = &props.entry;
    let title = crate::core::words::display_title(&e.title).to_owned();
    let id = e.id.clone();
    let progress = if e.progress.total == 0 {
        format!("{} answered", e.progress.assessed)
    } else {
        format!("{} of {} assessed", e.progress.assessed, e.progress.total)
    };
    let when = e.updated.to_the_minute();
    let input_id = shell.id(&format!("rename-{}", e.id));
    let save_rename = {
        let (run, set, input, id) =
            (shell.run.clone(), props.set_renaming.clone(), rename_input.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                run.emit(Op::Rename(id.clone(), el.value()));
            }
            set.set(None);
        })
    };
    let set_renaming = |to: Option<AssessmentId>| {
        let set = props.set_renaming.clone();
        Callback::from(move |_: MouseEvent| set.set(to.clone()))
    };
    html! {
        <tr class={props.current.then_some("rc-current")}>
            <th scope="row">
                if props.renaming {
                    <form class="rc-rename" onsubmit={save_rename}>
                        <label for={input_id.clone()} class="rc-visually-hidden">{ format!("New name for {title}") }</label>
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
            <td><time datetime={e.updated.to_string()}>{ when }{" UTC"}</time></td>
            <td class="rc-row-actions">
                if props.usable && !props.current {
                    <button type="button" class="rc-button" aria-label={format!("Open {title}")}
                        onclick={shell.on_click({ let id = id.clone(); move || Op::Open(id.clone()) })}>{"Open"}</button>
                    <button type="button" class="rc-button" id={shell.id(&format!("compare-{id}"))}
                        aria-label={format!("Compare {title} with the open assessment")}
                        onclick={shell.on_click({ let id = id.clone(); move || Op::Compare(id.clone()) })}>{"Compare"}</button>
                }
                if props.usable {
                    <button type="button" class="rc-button" aria-label={format!("Rename {title}")} ref={rename_button}
                        onclick={set_renaming(Some(id.clone()))}>{"Rename"}</button>
                    <button type="button" class="rc-button" aria-label={format!("Duplicate {title}")}
                        onclick={shell.on_click({ let id = id.clone(); move || Op::Duplicate(id.clone()) })}>{"Duplicate"}</button>
                }
                <button type="button" class="rc-button" aria-label={format!("Delete {title}")}
                    onclick={shell.on_click(move || Op::Delete(id.clone()))}>{"Delete"}</button>
            </td>
        </tr>
    }
}
