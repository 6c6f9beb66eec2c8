//! The section on screen: its introduction, the filter, its items and the way to the next one;
//! and the answers to items the checklist no longer has.

use super::item::ItemView;
use crate::app::navigation::{pager, Pager};
use crate::app::{words, Filter, Msg, View};
use crate::core::definition::ScopeAnswers;
use crate::core::{Answer, ItemId};
use crate::ui::context::use_shell_of;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub index: usize,
    pub filter: Filter,
    /// Items answered under the filter, still shown (see `AppState::kept_in_view`).
    pub kept: Rc<Vec<ItemId>>,
    /// The answers to this section's items, in order: a change to another section, the
    /// title or the sign-off leaves them equal, and the section is not rendered again.
    pub answers: Vec<Answer>,
    /// The scope answers, which decide the items shown; the answers to items set aside are
    /// kept and come back with them.
    pub scope: ScopeAnswers,
    /// A decision is on record: the items' controls are disabled.
    pub signed: bool,
}

#[component]
pub fn SectionView(props: &SectionProps) -> Html {
    let Some(shell) = use_shell_of("SectionView") else { return html! {} };
    let def = &shell.def;
    let Some(section) = def.sections.get(props.index) else { return html! {} };
    // Sections and items the scope answers set aside are neither shown nor counted.
    let Pager { position, count, previous, next } = pager(def, &props.scope, props.index);
    // The focus goes to the new section's heading, as a page change would.
    let go = |i: usize| shell.on_click_send(move || Msg::GoTo { section: i, item: None });
    let shown: Vec<_> = section
        .items
        .iter()
        .zip(&props.answers)
        .enumerate()
        .filter(|(_, (item, _))| def.in_scope(section, item, &props.scope))
        .collect();
    let total = shown.len();
    let assessed = shown.iter().filter(|(_, (_, a))| a.status.is_assessed()).count();
    let shown: Vec<_> = shown
        .into_iter()
        .filter(|(_, (item, answer))| props.filter.shows_item(def, &item.id, answer, &props.kept))
        .collect();
    let heading_id = shell.id("section-heading");
    html! {
        <section class="rc-section" aria-labelledby={heading_id.clone()}>
            <@{shell.heading(1)} class="rc-section-heading" id={heading_id} tabindex="-1">
                { &section.title }
            </@>
            <p class="rc-section-meta">{ words::section_meta(position, count, assessed, total) }</p>
            if !section.intro.is_empty() {
                <p class="rc-intro">{ &section.intro }</p>
            }
            <FilterChoice filter={props.filter} />
            if shown.is_empty() {
                <p class="rc-empty">{ props.filter.empty_text() }</p>
            }
            <div class="rc-items">
                { for shown.into_iter().map(|(i, (item, answer))| html! {
                    <ItemView key={item.id.as_str().to_owned()} section={props.index} index={i} answer={answer.clone()} signed={props.signed} />
                }) }
            </div>
            <div class="rc-pager">
                if let Some(p) = previous {
                    <button type="button" class="rc-button" onclick={go(p)}>
                        { words::previous(&def.sections[p].title) }
                    </button>
                }
                if let Some(n) = next {
                    <button type="button" class="rc-button" onclick={go(n)}>
                        { words::next(&def.sections[n].title) }
                    </button>
                } else {
                    // After the last section comes the Summary, which takes the focus.
                    <button type="button" class="rc-button" onclick={shell.on_click_send(|| Msg::GoToView(View::Summary))}>
                        {"Next: Summary"}
                    </button>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FilterProps {
    filter: Filter,
}

#[component]
fn FilterChoice(props: &FilterProps) -> Html {
    let Some(shell) = use_shell_of("FilterChoice") else { return html! {} };
    html! {
        <fieldset class="rc-filter">
            <legend>{"Show"}</legend>
            { for Filter::ALL.iter().map(|&f| {
                let dispatch = shell.dispatch.clone();
                let onchange = Callback::from(move |_: Event| dispatch.dispatch(Msg::SetFilter(f)));
                let id = shell.id(&format!("filter-{}", f.key()));
                html! {
                    <span class="rc-choice">
                        <input type="radio" id={id.clone()} name={shell.id("filter")} value={f.key()}
                            checked={props.filter == f} {onchange} />
                        <label for={id}>{ f.label() }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct RetiredProps {
    /// Each answer to an item the checklist does not have, with the item's id.
    pub retired: Vec<(Answer, ItemId)>,
}

/// Answers to items the checklist no longer has (a newer checklist version, or an import):
/// kept, shown, and exported, never dropped.
#[component]
pub fn RetiredAnswers(props: &RetiredProps) -> Html {
    let Some(shell) = use_shell_of("RetiredAnswers") else { return html! {} };
    if props.retired.is_empty() {
        return html! {};
    }
    html! {
        <section class="rc-panel rc-retired" aria-label="Retired items">
            <@{shell.heading(1)}>{"Retired items"}</@>
            <p>{"These answers belong to items this checklist no longer has. They are kept, and included in every export."}</p>
            <ul>
                { for props.retired.iter().map(|(a, id)| {
                    html! { <li><code><bdi>{ id.as_str() }</bdi></code>{ words::after_id(a.status.label()) }
                        if !a.notes.is_empty() { {" – "}<bdi class="rc-pre">{ &a.notes }</bdi> }</li> }
                }) }
            </ul>
        </section>
    }
}
